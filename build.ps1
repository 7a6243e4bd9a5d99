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
  Package  Build, then the PowerShell Gallery package of out/AcsTeamsAdmin, made by
           Publish-PSResource into a local folder repository: out/packages/AcsTeamsAdmin.<version>.nupkg.
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
    $packageName = "AcsTeamsAdmin.$version.nupkg"
    $null = New-Item -ItemType Directory -Path $PackageFolder -Force

    # Publish-PSResource will not overwrite a package of the same version.
    Get-ChildItem -LiteralPath $PackageFolder -File | Where-Object Name -Like $packageName | Remove-Item

    # A throw-away repository name, so a developer's own repositories are never touched.
    $repository = "AcsTeamsAdminBuild$([guid]::NewGuid().ToString('N'))"
    Register-PSResourceRepository -Name $repository -Uri $PackageFolder -Trusted
    try {
        Publish-PSResource -Path $ModuleFolder -Repository $repository -SkipDependenciesCheck
    }
    finally {
        Unregister-PSResourceRepository -Name $repository
    }

    $package = Get-ChildItem -LiteralPath $PackageFolder -File | Where-Object Name -Like $packageName
    if (-not $package) {
        throw "Publish-PSResource did not write $packageName to $PackageFolder."
    }

    Write-Host "Package: $($package.FullName)" -ForegroundColor Green
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
