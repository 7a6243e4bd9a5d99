#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# Test-AcsTeamsReadiness and Initialize-AcsTeams against the in-process sandbox, through the real cmdlets.

BeforeAll {
    $manifest = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', 'out', 'AcsTeamsAdmin', 'AcsTeamsAdmin.psd1'))
    Import-Module $manifest -Force -ErrorAction Stop
    # Fabrikam's own app registration (single-tenant), so both setup roles have work to do.
    $script:AppId = '5a3c9e71-0b2d-4c8e-9f16-7d4a2b8c1e02'
    $script:IsvAppId = 'c0a1b2c3-d4e5-4f60-8a71-b2c3d4e5f614'
}

AfterAll {
    Disconnect-AcsTeamsAdmin | Out-Null
    Remove-Module AcsTeamsAdmin -Force -ErrorAction SilentlyContinue
}

Describe 'Test-AcsTeamsReadiness' {
    BeforeEach { Connect-AcsTeamsAdmin -Sandbox | Out-Null }

    It 'fails the ACS service principal check on a fresh tenant, with its remedy' {
        $checks = Test-AcsTeamsReadiness -AppId $script:IsvAppId

        $acs = $checks | Where-Object Name -eq 'AcsServicePrincipal'
        $acs.Status | Should -Be 'Fail'
        $acs.Remedy | Should -Be 'New-AcsTeamsServicePrincipal'
        ($checks | Where-Object Name -eq 'AdminConsent').Status | Should -Be 'Skipped'
    }

    It 'passes the check once its remedy has run' {
        $remedy = (Test-AcsTeamsReadiness | Where-Object Name -eq 'AcsServicePrincipal').Remedy
        Invoke-Expression $remedy | Out-Null

        (Test-AcsTeamsReadiness | Where-Object Name -eq 'AcsServicePrincipal').Status | Should -Be 'Pass'
    }

    It 'gathers piped app ids into one run' {
        $checks = $script:AppId, $script:IsvAppId | Test-AcsTeamsReadiness

        ($checks | Where-Object Name -eq 'ClientServicePrincipal').AppId | Should -Be @($script:AppId, $script:IsvAppId)
    }

    It 'writes a markdown report with -AsMarkdown' {
        $report = Test-AcsTeamsReadiness -AppId $script:IsvAppId -AsMarkdown

        $report | Should -BeOfType [string]
        $report | Should -Match '\*\*Not ready\*\*'
        $report | Should -Match '`New-AcsTeamsServicePrincipal`'
    }

    It 'converts to JSON with readable statuses' {
        $json = Test-AcsTeamsReadiness -AppId $script:IsvAppId | ConvertTo-Json -Depth 3 -EnumsAsStrings | ConvertFrom-Json

        $json.Status | Should -Contain 'Fail'
    }

    It 'rejects a malformed app id before any call' {
        $err = { Test-AcsTeamsReadiness -AppId 'not-a-guid' -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidGuid,*'
    }
}

Describe 'Initialize-AcsTeams' {
    BeforeEach { Connect-AcsTeamsAdmin -Sandbox | Out-Null }

    It '-WhatIf plans every step and changes nothing' {
        $out = Initialize-AcsTeams -AppId $script:AppId -WhatIf
        $steps = $out | Where-Object { $null -ne $_.PSObject.Properties['Order'] }

        $steps.Result | Should -Be @('WouldChange', 'WouldChange', 'WouldChange')
        Get-AcsTeamsServicePrincipal | Should -BeNullOrEmpty
    }

    It 'converges in one run; the second run changes nothing' {
        $first = Initialize-AcsTeams -AppId $script:AppId -Confirm:$false
        $second = Initialize-AcsTeams -AppId $script:AppId -Confirm:$false

        ($first | Where-Object { $null -ne $_.PSObject.Properties['Order'] }).Result | Should -Be @('Changed', 'Changed', 'Changed')
        ($second | Where-Object { $null -ne $_.PSObject.Properties['Order'] }).Result | Should -Be @('NoChange', 'NoChange', 'NoChange')
        ($second | Where-Object Status -eq 'Fail') | Should -BeNullOrEmpty
    }

    It 'marks the app step NotApplicable for an app registered in another tenant' {
        $steps = Initialize-AcsTeams -AppId $script:IsvAppId -Confirm:$false | Where-Object { $null -ne $_.PSObject.Properties['Order'] }

        ($steps | Where-Object Step -eq 'AppRegistration').Result | Should -Be 'NotApplicable'
    }
}
