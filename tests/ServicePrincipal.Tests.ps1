#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# Get-/New-AcsTeamsServicePrincipal against the in-process sandbox: idempotence, -WhatIf, pipeline
# input and errors, through the real cmdlets.

BeforeAll {
    $manifest = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', 'out', 'AcsTeamsAdmin', 'AcsTeamsAdmin.psd1'))
    Import-Module $manifest -Force -ErrorAction Stop
    $script:AcsAppId = '1fd5118e-2576-4263-8130-9503064c837a'
}

AfterAll {
    Disconnect-AcsTeamsAdmin | Out-Null
    Remove-Module AcsTeamsAdmin -Force -ErrorAction SilentlyContinue
}

Describe 'New-AcsTeamsServicePrincipal' {
    BeforeEach {
        # A fresh sandbox each time: its customer tenant starts without the ACS service principal.
        Connect-AcsTeamsAdmin -Sandbox | Out-Null
    }

    It 'creates the ACS service principal once; a second run finds it' {
        Get-AcsTeamsServicePrincipal | Should -BeNullOrEmpty

        $first = New-AcsTeamsServicePrincipal
        $second = New-AcsTeamsServicePrincipal

        $first.Status | Should -Be 'Created'
        $second.Status | Should -Be 'Existing'
        $second.Id | Should -Be $first.Id
        $first.AppId | Should -Be $script:AcsAppId
        $first.DelegatedScopes.Value | Should -Contain 'Teams.ManageCalls'
    }

    It '-WhatIf changes nothing and outputs nothing' {
        $result = New-AcsTeamsServicePrincipal -WhatIf

        $result | Should -BeNullOrEmpty
        Get-AcsTeamsServicePrincipal | Should -BeNullOrEmpty
    }

    It 'takes app ids from the pipeline by value and by property name' {
        $byValue = $script:AcsAppId | New-AcsTeamsServicePrincipal
        $byProperty = [pscustomobject]@{ AppId = $script:AcsAppId } | Get-AcsTeamsServicePrincipal

        $byValue.Status | Should -Be 'Created'
        $byProperty.Id | Should -Be $byValue.Id
    }

    It 'reports a malformed app id as a non-terminating error and goes on with the next input' {
        $results = 'not-a-guid', $script:AcsAppId | New-AcsTeamsServicePrincipal -ErrorVariable failures -ErrorAction SilentlyContinue

        @($results).Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidGuid,*'
        $failures[0].ErrorDetails.Message | Should -Match '-AppId'
    }
}

Describe 'Cmdlets that need a connection' {
    It 'fail with NotConnected when there is none' {
        Disconnect-AcsTeamsAdmin | Out-Null

        { Get-AcsTeamsServicePrincipal -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected,*'
    }
}
