#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# Get-/New-AcsTeamsApplication and Set-AcsVoipPermission against the in-process sandbox (Fabrikam):
# the merge keeps what the app had, re-runs change nothing, pipeline between the cmdlets, errors.

BeforeAll {
    $manifest = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', 'out', 'AcsTeamsAdmin', 'AcsTeamsAdmin.psd1'))
    Import-Module $manifest -Force -ErrorAction Stop
    # Fabrikam's own admin app registration in the sandbox: public client, http://localhost, no ACS permissions.
    $script:AdminAppId = '5a3c9e71-0b2d-4c8e-9f16-7d4a2b8c1e02'
}

AfterAll {
    Disconnect-AcsTeamsAdmin | Out-Null
    Remove-Module AcsTeamsAdmin -Force -ErrorAction SilentlyContinue
}

Describe 'Set-AcsVoipPermission' {
    BeforeEach { Connect-AcsTeamsAdmin -Sandbox | Out-Null }

    It 'adds the two ACS permissions, keeps the rest, and a second run changes nothing' {
        $before = Get-AcsTeamsApplication -ApplicationId $script:AdminAppId
        $first = Set-AcsVoipPermission -ApplicationId $script:AdminAppId -PassThru
        $second = Set-AcsVoipPermission -ApplicationId $script:AdminAppId -PassThru

        $before.MissingAcsPermissions | Should -Be @('Teams.ManageCalls', 'Teams.ManageChats')
        $first.Status | Should -Be 'Updated'
        $first.AcsPermissions | Should -Be @('Teams.ManageCalls', 'Teams.ManageChats')
        $first.RequiredPermissionCount | Should -Be ($before.RequiredPermissionCount + 2)
        $second.Status | Should -Be 'Existing'
    }

    It 'writes nothing without -PassThru and nothing at all with -WhatIf' {
        Set-AcsVoipPermission -ApplicationId $script:AdminAppId -WhatIf | Should -BeNullOrEmpty
        (Get-AcsTeamsApplication $script:AdminAppId).MissingAcsPermissions.Count | Should -Be 2
        Set-AcsVoipPermission -ApplicationId $script:AdminAppId | Should -BeNullOrEmpty
    }

    It 'takes the app from Get-AcsTeamsApplication through the pipeline' {
        $result = Get-AcsTeamsApplication -ApplicationId $script:AdminAppId | Set-AcsVoipPermission -IncludeLegacyVoip -PassThru

        $result.AcsPermissions | Should -Contain 'VoIP'
    }

    It 'rejects a malformed id with InvalidGuid naming the parameter by its name, -AppId, when given by its alias' {
        $err = { Set-AcsVoipPermission -ApplicationId 'c0a1b2c3-xxxx' -ErrorAction Stop } | Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidGuid,*'
        $err.ErrorDetails.Message | Should -Match '^-AppId:'
    }

    It 'says ApplicationNotFound for an id this tenant does not have' {
        { Set-AcsVoipPermission -ApplicationId ([guid]::NewGuid()) -ErrorAction Stop } | Should -Throw -ErrorId 'ApplicationNotFound,*'
    }

    It 'rejects an unknown scope name before any call' {
        { Set-AcsVoipPermission -ApplicationId $script:AdminAppId -Scope 'Teams.ManageMeetings' -ErrorAction Stop } | Should -Throw -ErrorId 'UnknownAcsScope,*'
    }

    It 'rejects a redirect URI with a line break or a fragment, naming -RedirectUri' {
        { Set-AcsVoipPermission -ApplicationId $script:AdminAppId -RedirectUri "https://x.example/a`nb" -WhatIf } | Should -Throw -ErrorId 'InvalidUrl,*'
        { Set-AcsVoipPermission -ApplicationId $script:AdminAppId -RedirectUri 'https://x.example/a#frag' -WhatIf } | Should -Throw -ErrorId 'InvalidUrl,*'
    }
}

Describe 'New-AcsTeamsApplication' {
    BeforeEach { Connect-AcsTeamsAdmin -Sandbox | Out-Null }

    It 'registers an app with everything in one step, and returns it on a re-run' {
        $created = New-AcsTeamsApplication -DisplayName 'Fabrikam Calling' -MultiTenant -WarningVariable warnings -WarningAction SilentlyContinue
        $again = New-AcsTeamsApplication -DisplayName 'Fabrikam Calling' -MultiTenant

        $created.Status | Should -Be 'Created'
        $created.MissingAcsPermissions | Should -BeNullOrEmpty
        $created.AllowPublicClientFlows | Should -BeTrue
        $created.PublicClientRedirectUris | Should -Be @('http://localhost')
        $created.SignInAudience | Should -Be 'AzureADMultipleOrgs'
        $warnings | Should -Not -BeNullOrEmpty
        $again.Status | Should -Be 'Existing'
        $again.AppId | Should -Be $created.AppId
    }

    It 'changes nothing with -WhatIf' {
        New-AcsTeamsApplication -DisplayName 'Fabrikam Calling' -WhatIf | Should -BeNullOrEmpty
    }
}

Describe 'Get-AcsTeamsApplication -DisplayName' {
    BeforeEach { Connect-AcsTeamsAdmin -Sandbox -TenantId contoso.onmicrosoft.com | Out-Null }

    It 'finds every app whose name matches a wildcard pattern, in name order' {
        $apps = Get-AcsTeamsApplication -DisplayName 'contoso*' -WarningAction SilentlyContinue
        $apps.DisplayName | Should -Be @('Contoso ACS Admin', 'Contoso Calling API', 'Contoso Teams Calling')
    }

    It 'matches the rest of a pattern locally' {
        (Get-AcsTeamsApplication -DisplayName 'Contoso*Calling' -WarningAction SilentlyContinue).AppId | Should -Be 'c0a1b2c3-d4e5-4f60-8a71-b2c3d4e5f614'
    }

    It 'returns nothing for a pattern that matches nothing, and ApplicationNotFound for a plain name' {
        Get-AcsTeamsApplication -DisplayName 'Northwind*' | Should -BeNullOrEmpty
        { Get-AcsTeamsApplication -DisplayName 'Northwind' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ApplicationNotFound,AcsTeamsAdmin.Commands.GetAcsTeamsApplicationCommand'
    }

    It 'rejects an unclosed [set] before any call' {
        { Get-AcsTeamsApplication -DisplayName 'Contoso[' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidInput,AcsTeamsAdmin.Commands.GetAcsTeamsApplicationCommand'
    }
}
