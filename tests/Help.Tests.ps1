#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# Get-Help on the built module, as a user sees it: the proof that PowerShell finds the MAML file the
# build writes to bin/en-US/AcsTeamsAdmin.dll-Help.xml (beside the cmdlet assembly, which
# Import-Module -Assembly makes the cmdlets' module base) and the about topics in en-US/. The xunit
# tests (tests/AcsTeamsAdmin.Tests/Help) check the file's content; this checks PowerShell reads it.
# Runs in a fresh pwsh so help cached by earlier tests cannot decide it.

BeforeAll {
    $script:ModuleFolder = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', 'out', 'AcsTeamsAdmin'))
    $script:ManifestPath = [System.IO.Path]::Combine($script:ModuleFolder, 'AcsTeamsAdmin.psd1')
    if (-not (Test-Path -LiteralPath $script:ManifestPath)) {
        throw "The module is not built: $script:ManifestPath is missing. Run ./build.ps1 -Task Build first."
    }

    Import-Module -Name ([System.IO.Path]::Combine($PSScriptRoot, 'TestHelpers.psm1')) -Force
    $probe = {
        param([string]$ManifestPath)
        $ErrorActionPreference = 'Stop'
        Import-Module -Name $ManifestPath
        $module = Get-Module -Name AcsTeamsAdmin
        $cmdlets = foreach ($name in $module.ExportedCmdlets.Keys) {
            $help = Get-Help -Name $name -Full
            [pscustomobject]@{
                Name         = $name
                Synopsis     = [string]$help.Synopsis
                Description  = [string]($help.description | Out-String)
                Examples     = @($help.examples.example).Count
                Parameters   = @($help.parameters.parameter | ForEach-Object { $_.name })
                Expected     = @((Get-Command -Name $name).Parameters.Keys | Where-Object { $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters -and $_ -notin [System.Management.Automation.PSCmdlet]::OptionalCommonParameters } ) + @((Get-Command -Name $name).Parameters.Keys | Where-Object { $_ -in 'WhatIf', 'Confirm' })
                HelpFile     = (Get-Command -Name $name).HelpFile
            }
        }

        $about = Get-Help -Name about_AcsTeamsAdmin | Out-String
        [pscustomobject]@{ Cmdlets = @($cmdlets); About = $about }
    }

    $script:Result = Invoke-ChildPwsh -ScriptBlock $probe -ArgumentList $script:ManifestPath
    if ($LASTEXITCODE -ne 0) {
        throw "The fresh pwsh failed with exit code $LASTEXITCODE."
    }
}

Describe 'Get-Help for AcsTeamsAdmin' {
    It 'finds help for every exported cmdlet' {
        $script:Result.Cmdlets.Count | Should -BeGreaterThan 0
        foreach ($cmdlet in $script:Result.Cmdlets) {
            # Without the MAML file, Get-Help makes up a synopsis from the syntax.
            $cmdlet.Synopsis | Should -Not -BeLike "*$($cmdlet.Name) *[<CommonParameters>]*" -Because $cmdlet.Name
            $cmdlet.Synopsis.Length | Should -BeGreaterThan 20 -Because $cmdlet.Name
            $cmdlet.Description.Trim().Length | Should -BeGreaterThan 100 -Because $cmdlet.Name
            $cmdlet.Examples | Should -BeGreaterOrEqual 2 -Because $cmdlet.Name
        }
    }

    It 'documents every parameter of every cmdlet' {
        foreach ($cmdlet in $script:Result.Cmdlets) {
            $missing = @($cmdlet.Expected | Where-Object { $_ -notin $cmdlet.Parameters })
            $missing | Should -BeNullOrEmpty -Because "$($cmdlet.Name) lacks help for them"
        }
    }

    It 'reads the help file from bin/en-US, beside the cmdlet assembly' {
        foreach ($cmdlet in $script:Result.Cmdlets) {
            [System.IO.Path]::GetFileName($cmdlet.HelpFile) | Should -Be 'AcsTeamsAdmin.dll-Help.xml'
        }
    }

    It 'shows the about topic' {
        $script:Result.About | Should -Match 'SHORT DESCRIPTION'
        $script:Result.About | Should -Match 'Connect-AcsTeamsAdmin'
    }
}
