#Requires -Version 7.4
<#
.SYNOPSIS
Builds, tests and packages AcsTeamsAdmin.

.DESCRIPTION
A thin wrapper for machines with pwsh; MSBuild does the real work. Every task builds first, and
the build lays out out/AcsTeamsAdmin/ exactly as the module ships.

  Build    dotnet build of the solution.
  Test     Build, then the xunit tests (dotnet test) and the Pester 5 tests in tests/*.Tests.ps1,
           which run in a pwsh of their own against out/AcsTeamsAdmin. Results go to out/TestResults/.
  Package  Build, then the PowerShell Gallery package of out/AcsTeamsAdmin, made by dotnet pack
           (src/AcsTeamsAdmin.Package): out/packages/AcsTeamsAdmin.<version>.nupkg, the module folder at
           its root, its nuspec written from the manifest and CHANGELOG.md. Publish it with
           Publish-PSResource -NupkgPath <file> -Repository PSGallery -ApiKey <key>.
  All      Build, Test and Package.

.EXAMPLE
./build.ps1 -Task Test -Configuration Release
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'All')]
    [string]$Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string]$Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$Solution = [System.IO.Path]::Combine($PSScriptRoot, 'AcsTeamsAdmin.sln')
$ModuleFolder = [System.IO.Path]::Combine($PSScriptRoot, 'out', 'AcsTeamsAdmin')
$TestsFolder = [System.IO.Path]::Combine($PSScriptRoot, 'tests')
$ResultsFolder = [System.IO.Path]::Combine($PSScriptRoot, 'out', 'TestResults')
$PackageFolder = [System.IO.Path]::Combine($PSScriptRoot, 'out', 'packages')

function Invoke-Dotnet {
    param([Parameter(ValueFromRemainingArguments)][string[]]$Arguments)

    Write-Host "dotnet $($Arguments -join ' ')" -ForegroundColor Cyan
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE."
    }
}

function Invoke-BuildStep {
    Invoke-Dotnet build $Solution --configuration $Configuration --nologo
}

function Invoke-TestStep {
    Invoke-Dotnet test $Solution --configuration $Configuration --no-build --nologo --logger trx --results-directory $ResultsFolder

    # Pester runs in a new pwsh: the tests import the module, and a binary module cannot be unloaded
    # from the process that imported it.
    $pester = {
        param([string]$Path, [string]$ResultPath)

        $ErrorActionPreference = 'Stop'
        Import-Module -Name Pester -MinimumVersion 5.5.0 -MaximumVersion 5.999.999
        $configuration = New-PesterConfiguration
        $configuration.Run.Path = $Path
        $configuration.Run.Exit = $true
        $configuration.Output.Verbosity = 'Detailed'
        $configuration.TestResult.Enabled = $true
        $configuration.TestResult.OutputFormat = 'NUnitXml'
        $configuration.TestResult.OutputPath = $ResultPath
        Invoke-Pester -Configuration $configuration
    }

    $resultPath = [System.IO.Path]::Combine($ResultsFolder, 'Pester.xml')
    $pwsh = (Get-Process -Id $PID).Path
    Write-Host "Pester: $TestsFolder against $ModuleFolder" -ForegroundColor Cyan
    & $pwsh -NoProfile -NonInteractive -Command $pester -args $TestsFolder, $resultPath
    if ($LASTEXITCODE -ne 0) {
        throw "Pester reported failures (exit code $LASTEXITCODE); see $resultPath."
    }
}

function Invoke-PackageStep {
    $manifestPath = [System.IO.Path]::Combine($ModuleFolder, 'AcsTeamsAdmin.psd1')
    $version = (Import-PowerShellDataFile -LiteralPath $manifestPath).ModuleVersion
    $packagePath = [System.IO.Path]::Combine($PackageFolder, "AcsTeamsAdmin.$version.nupkg")
    $packageProject = [System.IO.Path]::Combine($PSScriptRoot, 'src', 'AcsTeamsAdmin.Package', 'AcsTeamsAdmin.Package.csproj')

    # The same package the build makes; pack again so a package of this configuration is there even
    # when the build ran without the package project.
    Invoke-Dotnet pack $packageProject --configuration $Configuration --nologo

    if (-not (Test-Path -LiteralPath $packagePath)) {
        throw "dotnet pack did not write $packagePath."
    }

    $size = (Get-Item -LiteralPath $packagePath).Length / 1048576
    Write-Host ("Package: {0} ({1:N1} MB)" -f $packagePath, $size) -ForegroundColor Green
}

$steps = switch ($Task) {
    'Build' { 'Build' }
    'Test' { 'Build', 'Test' }
    'Package' { 'Build', 'Package' }
    'All' { 'Build', 'Test', 'Package' }
}

foreach ($step in $steps) {
    & "Invoke-$($step)Step"
}
