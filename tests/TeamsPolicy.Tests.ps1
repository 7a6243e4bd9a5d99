#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# Test-AcsAnonymousJoinPolicy through the real cmdlet, with PSCustomObjects standing in for the
# objects the MicrosoftTeams module returns (same property names and value types). No connection.

BeforeAll {
    $manifest = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', 'out', 'AcsTeamsAdmin', 'AcsTeamsAdmin.psd1'))
    Import-Module $manifest -Force -ErrorAction Stop
    $script:Example = [System.IO.Path]::Combine($PSScriptRoot, '..', 'docs', 'examples', 'teams-settings.json')
    $script:Resource = 'f6a2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d'

    function New-MeetingPolicy {
        param([string] $Identity = 'Global', [bool] $Allow = $true, [string[]] $Blocked = @(), [string] $AutoAdmitted = 'Everyone')
        [pscustomobject]@{
            Identity                          = $Identity
            AllowAnonymousUsersToJoinMeeting  = $Allow
            BlockedAnonymousJoinClientTypes   = [System.Collections.Generic.List[string]]$Blocked
            AutoAdmittedUsers                 = $AutoAdmitted
            AnonymousUserAuthenticationMethod = 'None'
            CaptchaVerificationForMeetingJoin = 'NotRequired'
            MeetingChatEnabledType            = 'Enabled'
            AllowAnonymousUsersToStartMeeting = $false
        }
    }

    $script:MeetingConfiguration = [pscustomobject]@{ Identity = 'Global'; DisableAnonymousJoin = $false; EnableQoS = $false }
    $script:Federation = [pscustomobject]@{
        Identity = 'Global'; EnableAcsUsers = $true; AllowedAcsResources = @($script:Resource); RequireAcsFederationForMeeting = $true
    }
    $script:ExternalAccess = [pscustomobject]@{ Identity = 'Global'; EnableAcsFederationAccess = $true; EnableFederationAccess = $true }
}

AfterAll {
    Remove-Module AcsTeamsAdmin -Force -ErrorAction SilentlyContinue
}

Describe 'Test-AcsAnonymousJoinPolicy' {
    It 'binds a piped meeting policy by property name and reads the other objects by name' {
        $verdict = New-MeetingPolicy | Test-AcsAnonymousJoinPolicy -MeetingConfiguration $script:MeetingConfiguration `
            -AcsFederationConfiguration $script:Federation -ExternalAccessPolicy $script:ExternalAccess -AcsResourceId $script:Resource

        $verdict.CanJoin | Should -BeTrue
        $verdict.WaitsInLobby | Should -BeFalse
        $verdict.AssumedDefaults | Should -BeNullOrEmpty
        $verdict.MeetingPolicy | Should -Be 'Global'
    }

    It 'gives one verdict per piped policy, each with its own remedies' {
        $verdicts = @(
            New-MeetingPolicy
            New-MeetingPolicy -Identity 'Tag:Contoso-Hosts' -Blocked 'ACS', 'Teams'
        ) | Test-AcsAnonymousJoinPolicy -MeetingConfiguration $script:MeetingConfiguration

        $verdicts.Count | Should -Be 2
        $verdicts[0].CanJoin | Should -BeTrue
        $verdicts[1].CanJoin | Should -BeFalse
        $verdicts[1].Remedies | Should -Be @("Set-CsTeamsMeetingPolicy -Identity Contoso-Hosts -BlockedAnonymousJoinClientTypes @('Teams')")
    }

    It 'lets DisableAnonymousJoin win over a permissive policy' {
        $tenantOff = [pscustomobject]@{ Identity = 'Global'; DisableAnonymousJoin = $true }

        $verdict = New-MeetingPolicy | Test-AcsAnonymousJoinPolicy -MeetingConfiguration $tenantOff

        $verdict.CanJoin | Should -BeFalse
        $verdict.BlockedBy | Should -Be @('DisableAnonymousJoin')
    }

    It 'blocks when federation is required and the resource is not allowed, keeping the listed resources in the fix' {
        $other = '0b1c2d3e-4f50-4a61-8b72-9c83d4e5f607'

        $verdict = New-MeetingPolicy | Test-AcsAnonymousJoinPolicy -AcsFederationConfiguration $script:Federation -AcsResourceId $other

        $verdict.CanJoin | Should -BeFalse
        $verdict.Remedies | Should -Be @("Set-CsTeamsAcsFederationConfiguration -AllowedAcsResources @('$($script:Resource)', '$other')")
    }

    It 'reports settings it was not given as assumed defaults, with a warning' {
        $verdict = Test-AcsAnonymousJoinPolicy -AutoAdmittedUsers Everyone -WarningVariable warnings -WarningAction SilentlyContinue

        $verdict.AssumedDefaults | Should -Contain 'DisableAnonymousJoin=False'
        ($verdict.Findings | Where-Object Setting -EQ 'DisableAnonymousJoin').Source | Should -Be 'AssumedDefault'
        $warnings.Count | Should -Be 1
    }

    It 'reads a JSON export and lets a parameter try a change' {
        $asIs = Test-AcsAnonymousJoinPolicy -Path $script:Example
        $tried = Test-AcsAnonymousJoinPolicy -Path $script:Example -BlockedAnonymousJoinClientTypes @()

        $asIs.CanJoin | Should -Be @($true, $false)
        $tried.CanJoin | Should -Be @($true, $true)
    }

    It 'writes the findings themselves with -Detailed' {
        $findings = New-MeetingPolicy -Allow $false | Test-AcsAnonymousJoinPolicy -Detailed

        $findings[0].Effect | Should -Be 'Blocks'
        $findings[0].Remedy | Should -Be 'Set-CsTeamsMeetingPolicy -Identity Global -AllowAnonymousUsersToJoinMeeting $true'
    }

    It 'accepts a hashtable in place of an object' {
        $verdict = Test-AcsAnonymousJoinPolicy -MeetingConfiguration @{ DisableAnonymousJoin = $true }

        $verdict.CanJoin | Should -BeFalse
    }

    It 'rejects a malformed -AcsResourceId before writing anything' {
        { New-MeetingPolicy | Test-AcsAnonymousJoinPolicy -AcsResourceId 'contoso-acs' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidGuid,*'
    }

    It 'rejects an object of the wrong kind by name' {
        { Test-AcsAnonymousJoinPolicy -MeetingConfiguration (New-MeetingPolicy) -ErrorAction Stop } |
            Should -Throw -ErrorId 'TeamsSettingsNotRecognized,*'
    }

    It 'rejects a typo in a named value with the values it takes' {
        $null = Test-AcsAnonymousJoinPolicy -AutoAdmittedUsers 'Everybody' -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidTeamsSetting,*'
        $failures[0].ErrorDetails.Message | Should -Match 'EveryoneInCompanyExcludingGuests'
    }

    It 'fails on a missing file with the Path parameter named' {
        { Test-AcsAnonymousJoinPolicy -Path (Join-Path $TestDrive 'none.json') -ErrorAction Stop } |
            Should -Throw -ErrorId 'TeamsSettingsFileUnreadable,*'
    }
}
