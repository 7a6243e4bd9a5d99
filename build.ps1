#Requires -Version 7.4
<#
.SYNOPSIS
Builds, tests and packages AcsTeamsAdmin.

.DESCRIPTION
A thin wrapper; MSBuild does the real work. Every task builds first, and the build lays out
out/AcsTeamsAdmin/ exactly as the module ships. Needs only the .NET SDK: PowerShell comes from the
repo's tool manifest (dotnet tool restore, then dotnet pwsh ./build.ps1), and Pester from the build
(tests/AcsTeamsAdmin.PesterTools copies it to out/tools/Pester/<version>/).

  Build    dotnet build of the solution.
  Test     Build, then the xunit tests (dotnet test) and the whole Pester suite, tests/*.Tests.ps1, in a
           new pwsh started from $PSHOME with out/tools first on PSModulePath, against out/AcsTeamsAdmin.
           Both suites run even when one fails; each prints one line "<suite>: N passed, N failed,
           N skipped", and the task fails when either failed. Results: out/TestResults/*.trx and
           out/TestResults/Pester.xml (NUnit).
  Package  Build, then the PowerShell Gallery package of out/AcsTeamsAdmin, made by dotnet pack
           (src/AcsTeamsAdmin.Package): out/packages/AcsTeamsAdmin.<version>.nupkg, the module folder at
           its root, its nuspec written from the manifest and CHANGELOG.md. Publish it with
           Publish-PSResource -NupkgPath <file> -Repository PSGallery -ApiKey <key>.
  All      Build, Test and Package.

.EXAMPLE
dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test

.EXAMPLE
./build.ps1 -Task All -Configuration Release
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
$ToolsFolder = [System.IO.Path]::Combine($PSScriptRoot, 'out', 'tools')

Import-Module -Name ([System.IO.Path]::Combine($TestsFolder, 'TestHelpers.psm1')) -Force

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

function Get-TestCount {
    # Counts from the result files: the .trx files dotnet test writes, or Pester's NUnit XML. $null when there are none.
    param([Parameter(Mandatory)][ValidateSet('Trx', 'NUnit')][string]$Format, [string[]]$Path)

    $files = @($Path | Where-Object { $_ -and (Test-Path -LiteralPath $_ -PathType Leaf) })
    if ($files.Count -eq 0) {
        return $null
    }

    $count = [ordered]@{ Passed = 0; Failed = 0; Skipped = 0 }
    foreach ($file in $files) {
        $xml = [xml](Get-Content -LiteralPath $file -Raw)
        if ($Format -eq 'Trx') {
            $counters = $xml.TestRun.ResultSummary.Counters
            $count.Passed += [int]$counters.passed
            $count.Failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
            $count.Skipped += [int]$counters.notExecuted
        }
        else {
            # NUnit 2.5 as Pester writes it: total excludes tests filtered out; the rest are passed.
            $results = $xml.'test-results'
            $count.Failed += [int]$results.failures
            $count.Skipped += [int]$results.skipped
            $count.Passed += [int]$results.total - [int]$results.failures - [int]$results.skipped - [int]$results.inconclusive
        }
    }

    [pscustomobject]$count
}

function Write-TestCount {
    # The one summary line per suite: "<suite>: N passed, N failed, N skipped".
    param([string]$Suite, [object]$Count, [int]$ExitCode)

    if ($null -eq $Count) {
        Write-Host "$($Suite): no results (exit code $ExitCode)" -ForegroundColor Red
        return
    }

    $line = '{0}: {1} passed, {2} failed, {3} skipped' -f $Suite, $Count.Passed, $Count.Failed, $Count.Skipped
    Write-Host $line -ForegroundColor $(if ($ExitCode -eq 0 -and $Count.Failed -eq 0) { 'Green' } else { 'Red' })
}

function Get-PesterVersion {
    # The one place Pester's version is written: the project that restores it into out/tools.
    $project = [System.IO.Path]::Combine($TestsFolder, 'AcsTeamsAdmin.PesterTools', 'AcsTeamsAdmin.PesterTools.csproj')
    $version = ([xml](Get-Content -LiteralPath $project -Raw)).SelectSingleNode('/Project/PropertyGroup/PesterVersion').InnerText
    if (-not $version) {
        throw "No PesterVersion in $project."
    }

    $version
}

function Invoke-TestStep {
    # Both suites run whatever the other's result; the step fails when either did.
    New-Item -ItemType Directory -Path $ResultsFolder -Force | Out-Null
    $failures = [System.Collections.Generic.List[string]]::new()

    # xunit. Earlier .trx files are removed so the count is this run's alone.
    Get-ChildItem -LiteralPath $ResultsFolder -Filter *.trx -File | Remove-Item
    Write-Host "dotnet test $Solution --configuration $Configuration --no-build" -ForegroundColor Cyan
    & dotnet test $Solution --configuration $Configuration --no-build --nologo --logger trx --results-directory $ResultsFolder
    $xunitExit = $LASTEXITCODE
    $xunit = Get-TestCount -Format Trx -Path (Get-ChildItem -LiteralPath $ResultsFolder -Filter *.trx -File).FullName
    Write-TestCount -Suite xunit -Count $xunit -ExitCode $xunitExit
    if ($xunitExit -ne 0 -or $null -eq $xunit -or $xunit.Failed -gt 0) {
        $failures.Add("xunit (dotnet test exit code $xunitExit)")
    }

    # Pester, in a new pwsh of the running PowerShell's own install (tests/TestHelpers.psm1): the tests
    # import the module, and a binary module cannot be unloaded from the process that imported it.
    # Pester comes from out/tools (tests/AcsTeamsAdmin.PesterTools, restored and copied by the build).
    # The child is attached to this console, so its output streams as it runs; the counts come from
    # its NUnit XML and its exit code is 0 only when every test, block and file passed.
    $pester = {
        param([string]$TestsFolder, [string]$ResultPath, [string]$PesterVersion)

        $ErrorActionPreference = 'Stop'
        Import-Module -Name Pester -RequiredVersion $PesterVersion
        $configuration = New-PesterConfiguration
        $configuration.Run.Path = [string[]](Get-ChildItem -LiteralPath $TestsFolder -Filter *.Tests.ps1 -File).FullName
        $configuration.Run.PassThru = $true
        $configuration.Output.Verbosity = 'Detailed'
        $configuration.TestResult.Enabled = $true
        $configuration.TestResult.OutputFormat = 'NUnitXml'
        $configuration.TestResult.OutputPath = $ResultPath
        $run = Invoke-Pester -Configuration $configuration
        exit $(if ($run.Result -eq 'Passed') { 0 } else { 1 })
    }

    $resultPath = [System.IO.Path]::Combine($ResultsFolder, 'Pester.xml')
    Remove-Item -LiteralPath $resultPath -ErrorAction Ignore
    $quote = { param([string]$Value) "'" + $Value.Replace("'", "''") + "'" }
    $script = '& {' + $pester + '} ' + ((& $quote $TestsFolder), (& $quote $resultPath), (& $quote (Get-PesterVersion)) -join ' ')
    $encoded = [System.Convert]::ToBase64String([System.Text.Encoding]::Unicode.GetBytes($script))

    $pwsh = Get-ChildPwshCommand
    $savedModulePath = $env:PSModulePath
    $env:PSModulePath = $ToolsFolder + [System.IO.Path]::PathSeparator + $env:PSModulePath
    try {
        Write-Host "Running Pester on $TestsFolder against $ModuleFolder, in $($pwsh -join ' ')" -ForegroundColor Cyan
        & $pwsh[0] @($pwsh | Select-Object -Skip 1) -NoProfile -NonInteractive -OutputFormat Text -EncodedCommand $encoded
        $pesterExit = $LASTEXITCODE
    }
    finally {
        $env:PSModulePath = $savedModulePath
    }

    $pesterCount = Get-TestCount -Format NUnit -Path $resultPath
    Write-TestCount -Suite Pester -Count $pesterCount -ExitCode $pesterExit
    if ($pesterExit -ne 0 -or $null -eq $pesterCount -or $pesterCount.Failed -gt 0) {
        $failures.Add("Pester (exit code $pesterExit; see $resultPath)")
    }

    if ($failures.Count -gt 0) {
        throw "Tests failed: $($failures -join '; ')."
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
