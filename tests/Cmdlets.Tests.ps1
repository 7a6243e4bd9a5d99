#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# One place that holds every exported cmdlet to the same bar, against the in-process sandbox: bad input
# fails with its own error id (or the cmdlet works offline), every state-changing cmdlet writes nothing
# with -WhatIf, and the documented pipelines bind. The tables are checked against Get-Command, so a new
# cmdlet without a case here fails the run.

BeforeDiscovery {
    $script:BadInput = @(
        @{ Command = 'Connect-AcsTeamsAdmin'; Id = 'InvalidGuid'; Run = { Connect-AcsTeamsAdmin -TenantId fabrikam.onmicrosoft.com -ClientId 'not-a-guid' -ClientSecret (ConvertTo-SecureString 'x' -AsPlainText -Force) -ErrorAction Stop } }
        @{ Command = 'Get-AcsTeamsServicePrincipal'; Id = 'InvalidGuid'; Run = { Get-AcsTeamsServicePrincipal -AppId 'not-a-guid' -ErrorAction Stop } }
        @{ Command = 'New-AcsTeamsServicePrincipal'; Id = 'InvalidGuid'; Run = { New-AcsTeamsServicePrincipal -AppId '1fd5118e-2576-4263-8130' -ErrorAction Stop } }
        @{ Command = 'Get-AcsAdminConsentUrl'; Id = 'InvalidTenant'; Run = { Get-AcsAdminConsentUrl -TenantId 'bad tenant!' -ClientId '5a3c9e71-0b2d-4c8e-9f16-7d4a2b8c1e02' -ErrorAction Stop } }
        @{ Command = 'Grant-AcsAdminConsent'; Id = 'UnknownAcsScope'; Run = { Grant-AcsAdminConsent -AppId '5a3c9e71-0b2d-4c8e-9f16-7d4a2b8c1e02' -Scope 'Mail.Read' -ErrorAction Stop } }
        @{ Command = 'Get-AcsAdminConsent'; Id = 'InvalidGuid'; Run = { Get-AcsAdminConsent -AppId 'contoso' -ErrorAction Stop } }
        @{ Command = 'Test-AcsAnonymousJoinPolicy'; Id = 'TeamsSettingsFileUnreadable'; Run = { Test-AcsAnonymousJoinPolicy -Path ([System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'no-such-teams-settings.json')) -ErrorAction Stop } }
        @{ Command = 'Get-AcsTeamsApplication'; Id = 'InvalidGuid'; Run = { Get-AcsTeamsApplication -ApplicationId 'Contoso Teams Calling' -ErrorAction Stop } }
        @{ Command = 'Set-AcsVoipPermission'; Id = 'InvalidUrl'; Run = { Set-AcsVoipPermission -ApplicationId '5a3c9e71-0b2d-4c8e-9f16-7d4a2b8c1e02' -RedirectUri 'not a uri' -ErrorAction Stop } }
        @{ Command = 'New-AcsTeamsApplication'; Id = 'UnknownAcsScope'; Run = { New-AcsTeamsApplication -DisplayName 'Pester app' -Scope 'Mail.Read' -ErrorAction Stop } }
        @{ Command = 'Get-AcsTeamsUserAadToken'; Id = 'InvalidGuid'; Run = { Get-AcsTeamsUserAadToken -ClientId 'not-a-guid' -ErrorAction Stop } }
        @{ Command = 'Convert-AadTokenToTeamsToken'; Id = 'InvalidGuid'; Run = { Convert-AadTokenToTeamsToken -AadToken 'x' -ClientId 'not-a-guid' -UserObjectId '6e7f8091-a2b3-4c4d-8e5f-607182930a05' -ErrorAction Stop } }
        @{ Command = 'New-AcsIdentity'; Id = 'InvalidTokenScope'; Run = { New-AcsIdentity -Scope 'admin' -ErrorAction Stop } }
        @{ Command = 'New-AcsAccessToken'; Id = 'InvalidIdentityId'; Run = { New-AcsAccessToken -IdentityId '8:acs:x' -Scope 'chat' -ErrorAction Stop } }
        @{ Command = 'Revoke-AcsAccessToken'; Id = 'InvalidIdentityId'; Run = { Revoke-AcsAccessToken -IdentityId 'bad' -ErrorAction Stop } }
        @{ Command = 'Remove-AcsIdentity'; Id = 'InvalidIdentityId'; Run = { Remove-AcsIdentity -IdentityId 'bad' -ErrorAction Stop } }
        @{ Command = 'ConvertFrom-AcsToken'; Id = 'InvalidInput'; Run = { ConvertFrom-AcsToken -Token 'not-a-jwt' -ErrorAction Stop } }
        @{ Command = 'Test-AcsTeamsReadiness'; Id = 'InvalidGuid'; Run = { Test-AcsTeamsReadiness -AppId 'not-a-guid' -ErrorAction Stop } }
        @{ Command = 'Initialize-AcsTeams'; Id = 'InvalidGuid'; Run = { Initialize-AcsTeams -AppId 'not-a-guid' -ErrorAction Stop } }
        @{ Command = 'Get-AcsResource'; Id = 'InvalidGuid'; Run = { Get-AcsResource -SubscriptionId 'contoso-prod' -ErrorAction Stop } }
        @{ Command = 'New-AcsTeamsMeeting'; Id = 'InvalidInput'; Run = { New-AcsTeamsMeeting -OrganizerId 'adele' -ErrorAction Stop } }
    )

    # Cmdlets with no input to get wrong: what they do without a connection instead.
    $script:Offline = @(
        @{ Command = 'Disconnect-AcsTeamsAdmin'; Run = { Disconnect-AcsTeamsAdmin -ErrorAction Stop } }
        @{ Command = 'Get-AcsTeamsAdminContext'; Run = { Get-AcsTeamsAdminContext -ErrorAction Stop } }
    )

    # Every cmdlet with -WhatIf, and how to show that nothing changed.
    $script:WhatIf = @(
        @{ Command = 'New-AcsTeamsServicePrincipal'; Run = { New-AcsTeamsServicePrincipal -WhatIf }; Unchanged = { Get-AcsTeamsServicePrincipal | Should -BeNullOrEmpty } }
        @{ Command = 'Grant-AcsAdminConsent'; Run = { Grant-AcsAdminConsent -AppId $AdminAppId -WhatIf }; Unchanged = { (Get-AcsAdminConsent -AppId $AdminAppId).Status | Should -Be 'NotGranted' } }
        @{ Command = 'Set-AcsVoipPermission'; Run = { Set-AcsVoipPermission -ApplicationId $AdminAppId -AllowPublicClientFlows -WhatIf }; Unchanged = { (Get-AcsTeamsApplication $AdminAppId -WarningAction SilentlyContinue).MissingAcsPermissions.Count | Should -Be 2 } }
        @{ Command = 'New-AcsTeamsApplication'; Run = { New-AcsTeamsApplication -DisplayName 'Pester WhatIf app' -WhatIf }; Unchanged = { (New-AcsTeamsApplication -DisplayName 'Pester WhatIf app' -Confirm:$false).Status | Should -Be 'Created' } }
        @{ Command = 'Initialize-AcsTeams'; Run = { Initialize-AcsTeams -AppId $AdminAppId -WhatIf | Where-Object Change -EQ 'Changed' }; Unchanged = { Get-AcsTeamsServicePrincipal | Should -BeNullOrEmpty } }
        @{ Command = 'New-AcsIdentity'; Run = { New-AcsIdentity -Count 2 -WhatIf }; Unchanged = { $null } }
        @{ Command = 'New-AcsAccessToken'; Run = { New-AcsAccessToken -IdentityId $Identity.Id -Scope 'chat' -WhatIf }; Unchanged = { $null } }
        @{ Command = 'Revoke-AcsAccessToken'; Run = { Revoke-AcsAccessToken -IdentityId $Identity.Id -PassThru -WhatIf }; Unchanged = { $null } }
        @{ Command = 'Remove-AcsIdentity'; Run = { Remove-AcsIdentity -IdentityId $Identity.Id -PassThru -WhatIf }; Unchanged = { New-AcsAccessToken -IdentityId $Identity.Id -Scope 'chat' -ErrorAction Stop | Should -Not -BeNullOrEmpty } }
        # Meetings.Tests.ps1 shows through the loopback sandbox's state that no meeting was created.
        @{ Command = 'New-AcsTeamsMeeting'; Run = { New-AcsTeamsMeeting -OrganizerId 'adele@fabrikam.onmicrosoft.com' -WhatIf }; Unchanged = { $null } }
    )
}

BeforeAll {
    $manifest = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', 'out', 'AcsTeamsAdmin', 'AcsTeamsAdmin.psd1'))
    Import-Module $manifest -Force -ErrorAction Stop
    $script:AdminAppId = '5a3c9e71-0b2d-4c8e-9f16-7d4a2b8c1e02'   # Fabrikam's own app in the sandbox
    $script:Exported = (Get-Command -Module AcsTeamsAdmin -CommandType Cmdlet).Name
}

AfterAll {
    Disconnect-AcsTeamsAdmin | Out-Null
    Remove-Module AcsTeamsAdmin -Force -ErrorAction SilentlyContinue
}

Describe 'The tables cover every exported cmdlet' {
    # The tables exist at discovery only: their command names reach the run phase as test data.
    It 'has a bad-input or offline case for every exported cmdlet' -ForEach @(@{ Covered = @($BadInput.Command) + @($Offline.Command) }) {
        $script:Exported.Count | Should -BeGreaterThan 15
        $script:Exported | Where-Object { $_ -notin $Covered } | Should -BeNullOrEmpty
    }

    It 'has a -WhatIf case for every cmdlet that supports it' -ForEach @(@{ Covered = @($WhatIf.Command) }) {
        $withWhatIf = Get-Command -Module AcsTeamsAdmin -CommandType Cmdlet | Where-Object { $_.Parameters.ContainsKey('WhatIf') }
        @($withWhatIf).Count | Should -BeGreaterThan 5
        $withWhatIf.Name | Where-Object { $_ -notin $Covered } | Should -BeNullOrEmpty
    }
}

Describe 'Bad input' {
    BeforeEach { Connect-AcsTeamsAdmin -Sandbox | Out-Null }

    It '<Command> rejects it with <Id>, naming the parameter' -ForEach $BadInput {
        $err = $Run | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike "$Id,AcsTeamsAdmin.Commands.*"
        $err.Exception.Message | Should -Match '^-\w+'
        $err.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }
}

Describe 'Without a connection' {
    BeforeEach { Disconnect-AcsTeamsAdmin | Out-Null }

    It '<Command> returns nothing and raises no error' -ForEach $Offline {
        & $Run | Should -BeNullOrEmpty
    }

    It 'a cmdlet that needs a connection fails with NotConnected' {
        { Get-AcsTeamsApplication -ApplicationId $AdminAppId -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotConnected,AcsTeamsAdmin.Commands.GetAcsTeamsApplicationCommand'
    }
}

Describe '-WhatIf' {
    BeforeEach {
        Connect-AcsTeamsAdmin -Sandbox | Out-Null
        $script:Identity = New-AcsIdentity
    }

    # Initialize-AcsTeams writes its checks with -WhatIf: its Run keeps only those it says it changed.
    It '<Command> -WhatIf writes no object and changes nothing' -ForEach $WhatIf {
        & $Run | Should -BeNullOrEmpty
        & $Unchanged
    }
}

Describe 'Pipelines between the cmdlets' {
    BeforeEach { Connect-AcsTeamsAdmin -Sandbox | Out-Null }

    It 'Get-AcsTeamsApplication output binds to Get-AcsAdminConsent by AppId' {
        $status = Get-AcsTeamsApplication $AdminAppId -WarningAction SilentlyContinue | Get-AcsAdminConsent
        $status.ClientAppId | Should -Be $AdminAppId
    }

    It 'Get-AcsAdminConsentUrl takes TenantId and ClientId by property name, one link per object' {
        $customers = @(
            [pscustomobject]@{ TenantId = 'fabrikam.onmicrosoft.com'; ClientId = $AdminAppId }
            [pscustomobject]@{ TenantId = 'northwind.onmicrosoft.com'; ClientId = $AdminAppId }
        )
        $links = $customers | Get-AcsAdminConsentUrl
        @($links).Count | Should -Be 2
        $links[1].Url | Should -BeLike '*northwind.onmicrosoft.com*'
    }
}
