#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# Get-AcsResource through the real cmdlets, against the in-process sandbox (whose Fabrikam holds the ACS resource
# the sandbox emulates) and against a loopback sandbox: what it returns, where it pipes to, the Azure roles it
# needs, its refusals, and how it prints.

BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'EndToEnd.Helpers.psm1')) -Force
    $paths = Get-E2EPath
    Import-Module $paths.Manifest -Force -ErrorAction Stop
    $script:TeamsSettings = [System.IO.Path]::Combine($paths.Examples, 'teams-settings.json')
    $script:Subscription = 'b6e1d2c3-4f5a-4b6c-9d7e-8f9a0b1c2d21'
    $script:ImmutableId = '5e1f7a2b-9c3d-4e8f-a6b1-2c7d9e0f3a20'
    $script:FabrikamApp = '5a3c9e71-0b2d-4c8e-9f16-7d4a2b8c1e02'

    # A state in which Fabrikam's admin app is only Reader: it may read the resource, not its keys.
    Connect-AcsTeamsAdmin -Sandbox -SandboxStatePath (Join-Path $TestDrive 'seed.json') -SaveSandboxState | Out-Null
    Disconnect-AcsTeamsAdmin | Out-Null
    $script:ReaderState = New-E2ESandboxState -Json (Get-Content -Raw (Join-Path $TestDrive 'seed.json')) -Change ReaderRole `
        -Path (Join-Path $TestDrive 'reader.json')
}

AfterAll {
    Disconnect-AcsTeamsAdmin | Out-Null
    Remove-Module AcsTeamsAdmin -Force -ErrorAction SilentlyContinue
}

Describe 'Get-AcsResource' {
    BeforeEach { Connect-AcsTeamsAdmin -Sandbox | Out-Null }

    It 'finds the emulated ACS resource with the endpoint and immutable id of the sandbox''s ACS API' {
        $resource = @(Get-AcsResource)

        $resource.Count | Should -Be 1
        $resource[0].PSObject.TypeNames[0] | Should -Be 'AcsTeamsAdmin.Engine.Resources.AcsResource'
        $resource[0].Name | Should -Be 'fabrikam-acs'
        $resource[0].ResourceGroupName | Should -Be 'rg-communication'
        $resource[0].SubscriptionId | Should -Be $script:Subscription
        $resource[0].Endpoint | Should -Be 'https://sandbox.acsteams.invalid/'
        $resource[0].ImmutableResourceId | Should -Be $script:ImmutableId
        $resource[0].ConnectionString | Should -BeNullOrEmpty
    }

    It 'pipes its immutable id into Test-AcsAnonymousJoinPolicy, which checks it against the allow-list' {
        $verdicts = Get-AcsResource -Name fabrikam-acs |
            Test-AcsAnonymousJoinPolicy -Path $script:TeamsSettings -RequireAcsFederationForMeeting $true -WarningAction SilentlyContinue

        $verdicts.AcsResourceId | Sort-Object -Unique | Should -Be $script:ImmutableId
        $global = $verdicts | Where-Object MeetingPolicy -EQ 'Global'
        $global.CanJoin | Should -BeFalse
        $global.BlockedBy | Should -Contain 'AllowedAcsResources'
        ($global.Remedies -join "`n") | Should -Match ([regex]::Escape($script:ImmutableId))

        $findings = Get-AcsResource -Name fabrikam-acs | Test-AcsAnonymousJoinPolicy -Path $script:TeamsSettings -Detailed -WarningAction SilentlyContinue
        $allowList = $findings | Where-Object { $_.Setting -eq 'AllowedAcsResources' -and $_.MeetingPolicy -eq 'Global' }
        $allowList.Effect | Should -Be 'Info' -Because 'meetings in the export do not require federation'
        $allowList.Detail | Should -Match "ACS resource $($script:ImmutableId) is not in the list"
        $allowList.Remedy | Should -Be "Set-CsTeamsAcsFederationConfiguration -AllowedAcsResources @('f6a2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d', '$($script:ImmutableId)')"
    }

    It 'passes once the resource is on the allow-list: the check really uses the piped id' {
        $verdict = Get-AcsResource -Name fabrikam-acs |
            Test-AcsAnonymousJoinPolicy -AutoAdmittedUsers Everyone -EnableAcsUsers $true -RequireAcsFederationForMeeting $true -AllowedAcsResources $script:ImmutableId -WarningAction SilentlyContinue

        $verdict.CanJoin | Should -BeTrue
    }

    It 'pipes its endpoint into Test-AcsTeamsReadiness, whose probe reaches the resource' {
        $endpoint = Get-AcsResource -Name fabrikam-acs | Test-AcsTeamsReadiness -AppId $script:FabrikamApp | Where-Object Name -EQ AcsEndpoint

        $endpoint.Status | Should -Be 'Pass'
        $endpoint.Detail | Should -Match 'sandbox\.acsteams\.invalid'
    }

    It 'pipes alone into Test-AcsTeamsReadiness: the tenant and the resource are checked, and no app id is made of it' {
        $checks = @(Get-AcsResource -Name fabrikam-acs | Test-AcsTeamsReadiness -TeamsUserId adele@fabrikam.onmicrosoft.com -ErrorVariable failed)

        $failed | Should -BeNullOrEmpty
        ($checks | Where-Object Name -EQ AcsEndpoint).Status | Should -Be 'Pass'
        @($checks | Where-Object AppId).Count | Should -Be 0 -Because 'no app was named'
    }

    It 'still refuses an empty -AppId typed on the command line' {
        { Test-AcsTeamsReadiness -AppId @() -ErrorAction Stop } | Should -Throw -ErrorId 'MissingParameter,*'
    }

    It 'pipes into New-AcsIdentity by its endpoint (Entra) and by its connection string (key)' {
        $byEndpoint = Get-AcsResource -Name fabrikam-acs | New-AcsIdentity
        $byKey = Get-AcsResource -Name fabrikam-acs -IncludeConnectionString | New-AcsIdentity -Scope voip

        $byEndpoint.Id | Should -BeLike "8:acs:$($script:ImmutableId)_*"
        $byKey.Id | Should -BeLike "8:acs:$($script:ImmutableId)_*"
        $byKey.AccessToken | Should -Not -BeNullOrEmpty
    }

    It 'returns the connection string as a SecureString that the identity cmdlets take as typed' {
        $acs = Get-AcsResource -Name fabrikam-acs -IncludeConnectionString

        $acs.ConnectionString | Should -BeOfType [securestring]
        (New-AcsIdentity -ConnectionString $acs.ConnectionString).Id | Should -BeLike "8:acs:$($script:ImmutableId)_*"
        ($acs | Out-String) | Should -Not -Match 'accesskey'
        ($acs | ConvertTo-Json -Depth 3) | Should -Not -Match 'accesskey'
    }

    It 'with Reader only, reads the resource but the connection string stops with the action and roles to grant' {
        Connect-AcsTeamsAdmin -Sandbox -SandboxStatePath $script:ReaderState | Out-Null

        @(Get-AcsResource).Count | Should -Be 1
        $err = { Get-AcsResource -IncludeConnectionString -ErrorAction SilentlyContinue } | Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -BeLike 'InsufficientPrivileges,*'
        $err.Exception.Message | Should -Match 'Microsoft\.Communication/CommunicationServices/ListKeys/action'
        $err.Exception.Message | Should -Match 'Contributor'
        $err.ErrorDetails.RecommendedAction | Should -Match 'Access control \(IAM\)'
    }

    It 'names what is missing: <Case>' -ForEach @(
        @{ Case = 'the resource'; Arguments = @{ SubscriptionId = 'b6e1d2c3-4f5a-4b6c-9d7e-8f9a0b1c2d21'; ResourceGroupName = 'rg-communication'; Name = 'contoso-acs' }; Id = 'AcsResourceNotFound' }
        @{ Case = 'the group'; Arguments = @{ SubscriptionId = 'b6e1d2c3-4f5a-4b6c-9d7e-8f9a0b1c2d21'; ResourceGroupName = 'rg-missing' }; Id = 'ResourceGroupNotFound' }
        @{ Case = 'the subscription'; Arguments = @{ SubscriptionId = '00000000-0000-4000-8000-0000000000aa' }; Id = 'SubscriptionNotFound' }
        @{ Case = 'a name in any subscription'; Arguments = @{ Name = 'contoso-acs' }; Id = 'AcsResourceNotFound' }
    ) {
        Get-AcsResource @Arguments -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'returns nothing, and no error, for a pattern that matches nothing' {
        Get-AcsResource -Name 'contoso-*' -ErrorVariable failed | Should -BeNullOrEmpty
        $failed | Should -BeNullOrEmpty
    }

    It 'refuses <Value> for -<Parameter> before any request, naming the parameter' -ForEach @(
        @{ Parameter = 'SubscriptionId'; Value = 'fabrikam-production'; Id = 'InvalidGuid' }
        @{ Parameter = 'ResourceGroupName'; Value = 'rg/communication'; Id = 'InvalidInput' }
        @{ Parameter = 'Name'; Value = 'fabrikam acs'; Id = 'InvalidInput' }
        @{ Parameter = 'Name'; Value = ''; Id = 'MissingParameter' }
    ) {
        $arguments = @{ $Parameter = $Value }
        $err = { Get-AcsResource @arguments } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $err.Exception.Message | Should -BeLike "-$($Parameter):*"
    }

    It 'needs a connection' {
        Disconnect-AcsTeamsAdmin | Out-Null
        $err = { Get-AcsResource } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'NotConnected,*'
    }

    It 'prints a list that fits 120 columns with no connection string in it' {
        $text = Get-AcsResource -IncludeConnectionString | Out-String -Width 120
        $text | Should -Match 'ImmutableResourceId : 5e1f7a2b'
        $text | Should -Not -Match 'accesskey|ConnectionString'
        ($text -split "`n" | Where-Object { $_.Length -gt 120 }) | Should -BeNullOrEmpty
    }
}

Describe 'Get-AcsResource on a loopback sandbox' {
    BeforeAll {
        $script:Loop = Start-E2ESandbox
        $connect = Get-E2ESandboxConnect -Sandbox $script:Loop
        Connect-AcsTeamsAdmin @connect | Out-Null
    }

    AfterAll {
        Disconnect-AcsTeamsAdmin | Out-Null
        Stop-E2ESandbox $script:Loop
    }

    It 'reads ARM from the loopback Graph endpoint''s root and gives the sandbox''s own endpoint and key' {
        $acs = Get-AcsResource -Name fabrikam-acs -IncludeConnectionString

        $acs.Endpoint | Should -Be $script:Loop.Description.acsEndpoint
        (Get-AcsTeamsAdminContext).ResourceManagerEndpoint | Should -Be "$($script:Loop.Base)/"
        ($acs | New-AcsIdentity).Id | Should -BeLike "8:acs:$($script:ImmutableId)_*"
        $log = Invoke-RestMethod -Uri "$($script:Loop.Base)/_sandbox/requests"
        @($log | Where-Object pathAndQuery -Like '/subscriptions*').Count | Should -BeGreaterThan 1
    }
}
