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
           The Pester files are spread over -PesterShards processes (2) that run at once. Both suites
           run even when one fails; each prints one line "<suite>: N passed, N failed, N skipped", and
           the task fails when either failed. Results: out/TestResults/*.trx and Pester.<shard>.xml
           (NUnit), with each shard's output in Pester.<shard>.log.
  Package  Build, then the PowerShell Gallery package of out/AcsTeamsAdmin, made by dotnet pack
           (src/AcsTeamsAdmin.Package): out/packages/AcsTeamsAdmin.<version>.nupkg, the module folder at
           its root, its nuspec written from the manifest and CHANGELOG.md. Publish it with
           Publish-PSResource -NupkgPath <file> -Repository PSGallery -ApiKey <key>.
           Also acsteams for this platform, precompiled (ReadyToRun) for the newest .NET:
           out/acsteams/<rid>/ (run it as out/acsteams/<rid>/acsteams). The portable acsteams.dll in
           src/AcsTeamsAdmin.Cli/bin/<configuration>/net8.0/ runs anywhere from .NET 8 on.
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
    [string]$Configuration = 'Debug',

    # Pester processes run at once (Test): the test files are spread over them.
    [ValidateRange(1, 8)]
    [int]$PesterShards = 2
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$Solution = [System.IO.Path]::Combine($PSScriptRoot, 'AcsTeamsAdmin.sln')
$ModuleFolder = [System.IO.Path]::Combine($PSScriptRoot, 'out', 'AcsTeamsAdmin')
$TestsFolder = [System.IO.Path]::Combine($PSScriptRoot, 'tests')
$ResultsFolder = [System.IO.Path]::Combine($PSScriptRoot, 'out', 'TestResults')
$PackageFolder = [System.IO.Path]::Combine($PSScriptRoot, 'out', 'packages')
$ToolsFolder = [System.IO.Path]::Combine($PSScriptRoot, 'out', 'tools')
$CliProject = [System.IO.Path]::Combine($PSScriptRoot, 'src', 'AcsTeamsAdmin.Cli', 'AcsTeamsAdmin.Cli.csproj')

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

    # Pester, in new pwsh processes of the running PowerShell's own install (tests/TestHelpers.psm1): the tests
    # import the module, and a binary module cannot be unloaded from the process that imported it.
    # Pester comes from out/tools (tests/AcsTeamsAdmin.PesterTools, restored and copied by the build).
    # The files run in shards, one pwsh each and at once: much of a run is waiting (loopback servers, retries,
    # child processes), so two shards on two cores take about half the time of one. Each shard's output is
    # printed when it ends; the counts come from their NUnit XML files, and a shard's exit code is 0 only when
    # every test, block and file of it passed.
    $pester = {
        param([string[]]$Files, [string]$ResultPath, [string]$PesterVersion)

        $ErrorActionPreference = 'Stop'
        Import-Module -Name Pester -RequiredVersion $PesterVersion
        $configuration = New-PesterConfiguration
        $configuration.Run.Path = $Files
        $configuration.Run.PassThru = $true
        $configuration.Output.Verbosity = 'Detailed'
        $configuration.TestResult.Enabled = $true
        $configuration.TestResult.OutputFormat = 'NUnitXml'
        $configuration.TestResult.OutputPath = $ResultPath
        $run = Invoke-Pester -Configuration $configuration
        exit $(if ($run.Result -eq 'Passed') { 0 } else { 1 })
    }

    Get-ChildItem -LiteralPath $ResultsFolder -Filter 'Pester*.xml' -File | Remove-Item
    $files = Get-ChildItem -LiteralPath $TestsFolder -Filter *.Tests.ps1 -File | Sort-Object Length -Descending
    $shardCount = [Math]::Max(1, [Math]::Min($PesterShards, $files.Count))
    $shards = @(for ($i = 0; $i -lt $shardCount; $i++) { [pscustomobject]@{ Files = [System.Collections.Generic.List[string]]::new(); Size = 0L } })
    foreach ($file in $files) {
        # The largest files first, each to the lightest shard: file size stands in for run time.
        $lightest = $shards | Sort-Object Size | Select-Object -First 1
        $lightest.Files.Add($file.FullName)
        $lightest.Size += $file.Length
    }

    $quote = { param([string]$Value) "'" + $Value.Replace("'", "''") + "'" }
    $pwsh = Get-ChildPwshCommand
    $savedModulePath = $env:PSModulePath
    $env:PSModulePath = $ToolsFolder + [System.IO.Path]::PathSeparator + $env:PSModulePath
    try {
        Write-Host "Running Pester on $TestsFolder against $ModuleFolder, in $shardCount shard(s) of $($pwsh -join ' ')" -ForegroundColor Cyan
        $running = for ($i = 0; $i -lt $shardCount; $i++) {
            $resultPath = [System.IO.Path]::Combine($ResultsFolder, "Pester.$i.xml")
            $fileList = '@(' + (($shards[$i].Files | ForEach-Object { & $quote $_ }) -join ', ') + ')'
            $script = '& {' + $pester + '} ' + ($fileList, (& $quote $resultPath), (& $quote (Get-PesterVersion)) -join ' ')
            $encoded = [System.Convert]::ToBase64String([System.Text.Encoding]::Unicode.GetBytes($script))
            $log = [System.IO.Path]::Combine($ResultsFolder, "Pester.$i.log")
            $process = Start-Process -FilePath $pwsh[0] -PassThru -NoNewWindow -RedirectStandardOutput $log -RedirectStandardError "$log.err" `
                -ArgumentList (@($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-OutputFormat', 'Text', '-EncodedCommand', $encoded))
            [pscustomobject]@{ Process = $process; Log = $log; Result = $resultPath; Files = $shards[$i].Files }
        }

        $pesterExit = 0
        foreach ($shard in $running) {
            $shard.Process.WaitForExit()
            Write-Host "== Pester shard: $(($shard.Files | ForEach-Object { [System.IO.Path]::GetFileName($_) }) -join ', ')" -ForegroundColor Cyan
            Get-Content -LiteralPath $shard.Log, "$($shard.Log).err" -ErrorAction Ignore | Write-Host
            if ($shard.Process.ExitCode -ne 0) {
                $pesterExit = $shard.Process.ExitCode
            }
        }
    }
    finally {
        $env:PSModulePath = $savedModulePath
    }

    $resultPath = [System.IO.Path]::Combine($ResultsFolder, 'Pester.*.xml')
    $pesterCount = Get-TestCount -Format NUnit -Path ($running.Result)
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

    Invoke-AcsteamsPublish -ExpectedVersion $version
}

# acsteams precompiled for this platform and the newest runtime, the one its project builds for besides net8.0:
# .NET runs precompiled code only from images compiled against its own major version (docs/performance.md).
function Invoke-AcsteamsPublish {
    param([Parameter(Mandatory)][string]$ExpectedVersion)

    $framework = (& dotnet msbuild $CliProject -getProperty:LatestTargetFramework -nologo).Trim()
    $runtime = [System.Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
    $cliFolder = [System.IO.Path]::Combine($PSScriptRoot, 'out', 'acsteams', $runtime)
    Invoke-Dotnet publish $CliProject --configuration $Configuration --framework $framework --runtime $runtime --output $cliFolder --nologo

    # The published program must start and be this version, not only have been written.
    $cliVersion = & dotnet ([System.IO.Path]::Combine($cliFolder, 'acsteams.dll')) --version
    if ($LASTEXITCODE -ne 0 -or $cliVersion -ne $ExpectedVersion) {
        throw "The published acsteams in $cliFolder answered '$cliVersion' (exit code $LASTEXITCODE) to --version; expected $ExpectedVersion."
    }

    $size = ((Get-ChildItem -LiteralPath $cliFolder -File -Recurse | Measure-Object -Property Length -Sum).Sum) / 1048576
    Write-Host ("acsteams: {0} (ReadyToRun, {1}, {2}, {3:N0} MB)" -f $cliFolder, $framework, $runtime, $size) -ForegroundColor Green
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
