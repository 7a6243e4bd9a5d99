#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# New-AcsTeamsMeeting through the real cmdlet against the in-process sandbox: a meeting and its join link, the
# meeting judged by Test-AcsAnonymousJoinPolicy, -WhatIf, the missing application access policy, least privilege,
# bad input, and how it prints.

BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'EndToEnd.Helpers.psm1')) -Force
    $paths = Get-E2EPath
    Import-Module $paths.Manifest -Force -ErrorAction Stop
    $script:TeamsSettings = [System.IO.Path]::Combine($paths.Examples, 'teams-settings.json')
    $script:Adele = '6e7f8091-a2b3-4c4d-8e5f-607182930a05'
    $script:AdminApp = '5a3c9e71-0b2d-4c8e-9f16-7d4a2b8c1e02'

    # A state without Fabrikam's Teams application access policy: its admin app may not create meetings as an app.
    Connect-AcsTeamsAdmin -Sandbox -SandboxStatePath (Join-Path $TestDrive 'seed.json') -SaveSandboxState | Out-Null
    Disconnect-AcsTeamsAdmin | Out-Null
    $script:NoPolicy = New-E2ESandboxState -Json (Get-Content -Raw (Join-Path $TestDrive 'seed.json')) -Change NoMeetingPolicy `
        -Path (Join-Path $TestDrive 'no-policy.json')
}

AfterAll {
    Disconnect-AcsTeamsAdmin | Out-Null
    Remove-Module AcsTeamsAdmin -Force -ErrorAction SilentlyContinue
}

Describe 'New-AcsTeamsMeeting' {
    BeforeEach { Connect-AcsTeamsAdmin -Sandbox | Out-Null }

    It 'creates a meeting and returns its join link, times and lobby options' {
        $start = (Get-Date).AddMinutes(30)
        $meeting = New-AcsTeamsMeeting -OrganizerId adele@fabrikam.onmicrosoft.com -Subject 'ACS join test' -StartDateTime $start -LobbyBypassScope everyone

        $meeting.PSObject.TypeNames[0] | Should -Be 'AcsTeamsAdmin.Engine.Meetings.TeamsMeeting'
        $meeting.JoinWebUrl | Should -BeLike 'https://teams.microsoft.com/l/meetup-join/*'
        $meeting.Subject | Should -Be 'ACS join test'
        $meeting.OrganizerId | Should -Be $script:Adele
        $meeting.LobbyBypassScope | Should -Be 'everyone'
        ($meeting.EndDateTime - $meeting.StartDateTime).TotalMinutes | Should -Be 60
        [Math]::Abs(($meeting.StartDateTime - [DateTimeOffset]$start).TotalSeconds) | Should -BeLessThan 1.5
    }

    It 'creates a new meeting on every run, as Teams does' {
        $first = New-AcsTeamsMeeting -OrganizerId $script:Adele
        $second = New-AcsTeamsMeeting -OrganizerId $script:Adele

        $first.MeetingId | Should -Not -Be $second.MeetingId
    }

    It 'is judged by Test-AcsAnonymousJoinPolicy with its own lobby option' {
        $open = New-AcsTeamsMeeting -OrganizerId $script:Adele -LobbyBypassScope everyone | Test-AcsAnonymousJoinPolicy -Path $script:TeamsSettings -WarningAction SilentlyContinue
        $default = New-AcsTeamsMeeting -OrganizerId $script:Adele | Test-AcsAnonymousJoinPolicy -Path $script:TeamsSettings -WarningAction SilentlyContinue

        $openGlobal = $open | Where-Object MeetingPolicy -EQ 'Global'
        $openGlobal.WaitsInLobby | Should -BeFalse -Because 'the meeting lets everyone bypass the lobby, whatever the policy''s default'
        $openGlobal.Meeting | Should -Be 'Teams meeting with ACS users'
        $defaultGlobal = $default | Where-Object MeetingPolicy -EQ 'Global'
        $defaultGlobal.WaitsInLobby | Should -BeTrue
        $defaultGlobal.Verdict | Should -Match "the meeting 'Teams meeting with ACS users'"
    }

    It 'with -WhatIf says what it would create and creates nothing' {
        $loop = Start-E2ESandbox
        try {
            $connect = Get-E2ESandboxConnect -Sandbox $loop
            Connect-AcsTeamsAdmin @connect | Out-Null
            $transcript = Join-Path $TestDrive 'whatif.txt'
            Start-Transcript -LiteralPath $transcript | Out-Null
            $out = New-AcsTeamsMeeting -OrganizerId $script:Adele -Subject 'Dry run' -WhatIf
            Stop-Transcript | Out-Null

            $out | Should -BeNullOrEmpty
            Get-Content -Raw $transcript | Should -Match "What if: Performing the operation `"Create`" on target `"online meeting 'Dry run' organized by $($script:Adele) from "
            $state = Invoke-RestMethod -Uri "$($loop.Base)/_sandbox/state"
            ($state.tenants | ForEach-Object { @($_.onlineMeetings).Count } | Measure-Object -Sum).Sum | Should -Be 0
            @(Invoke-RestMethod -Uri "$($loop.Base)/_sandbox/requests" | Where-Object { $_.method -ne 'GET' -and $_.pathAndQuery -like '/v1.0/*' }) | Should -BeNullOrEmpty
        }
        finally {
            Disconnect-AcsTeamsAdmin | Out-Null
            Stop-E2ESandbox $loop
        }
    }

    It 'without an application access policy stops that organizer with the two Teams commands that grant one' {
        Connect-AcsTeamsAdmin -Sandbox -SandboxStatePath $script:NoPolicy | Out-Null

        New-AcsTeamsMeeting -OrganizerId adele@fabrikam.onmicrosoft.com -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ApplicationAccessPolicyMissing,*'
        $failed[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $failed[0].TargetObject | Should -Be 'adele@fabrikam.onmicrosoft.com'
        $fix = $failed[0].ErrorDetails.RecommendedAction
        $fix | Should -Match "New-CsApplicationAccessPolicy -Identity ACS-Teams-Meetings -AppIds $($script:AdminApp)"
        $fix | Should -Match "Grant-CsApplicationAccessPolicy -PolicyName ACS-Teams-Meetings -Identity $($script:Adele)"
    }

    It 'goes on to the next organizer after one fails' {
        $out = 'nobody@fabrikam.onmicrosoft.com', $script:Adele | New-AcsTeamsMeeting -ErrorVariable failed -ErrorAction SilentlyContinue

        @($out).Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ResourceNotFound,*'
    }

    It 'refuses <Case> before any request, naming the parameter' -ForEach @(
        @{ Case = 'an organizer that is neither id nor UPN'; Arguments = @{ OrganizerId = 'adele' }; Parameter = 'OrganizerId'; Id = 'InvalidInput' }
        @{ Case = 'a truncated object id'; Arguments = @{ OrganizerId = '6e7f8091-a2b3-4c4d-8e5f' }; Parameter = 'OrganizerId'; Id = 'InvalidGuid' }
        @{ Case = 'an end before the start'; Arguments = @{ OrganizerId = 'adele@fabrikam.onmicrosoft.com'; StartDateTime = (Get-Date).AddHours(2); EndDateTime = (Get-Date).AddHours(1) }; Parameter = 'EndDateTime'; Id = 'InvalidInput' }
        @{ Case = 'a start last week'; Arguments = @{ OrganizerId = 'adele@fabrikam.onmicrosoft.com'; StartDateTime = (Get-Date).AddDays(-7) }; Parameter = 'StartDateTime'; Id = 'InvalidInput' }
        @{ Case = 'a start in 2206'; Arguments = @{ OrganizerId = 'adele@fabrikam.onmicrosoft.com'; StartDateTime = [datetime]'2206-01-01' }; Parameter = 'StartDateTime'; Id = 'InvalidInput' }
        @{ Case = 'an unknown lobby scope'; Arguments = @{ OrganizerId = 'adele@fabrikam.onmicrosoft.com'; LobbyBypassScope = 'anyone' }; Parameter = 'LobbyBypassScope'; Id = 'InvalidInput' }
        @{ Case = 'an empty subject'; Arguments = @{ OrganizerId = 'adele@fabrikam.onmicrosoft.com'; Subject = '' }; Parameter = 'Subject'; Id = 'MissingParameter' }
        @{ Case = 'an empty organizer'; Arguments = @{ OrganizerId = '' }; Parameter = 'OrganizerId'; Id = 'MissingParameter' }
    ) {
        $err = { New-AcsTeamsMeeting @Arguments -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $err.Exception.Message | Should -BeLike "-$($Parameter):*"
    }

    It 'completes -LobbyBypassScope with everyone first' {
        $completion = TabExpansion2 -inputScript 'New-AcsTeamsMeeting -LobbyBypassScope ' -cursorColumn 38
        $completion.CompletionMatches[0].CompletionText | Should -Be 'everyone'
        $completion.CompletionMatches.CompletionText | Should -Contain 'organizationAndFederated'
    }

    It 'prints a list that fits 120 columns' {
        $text = New-AcsTeamsMeeting -OrganizerId $script:Adele | Out-String -Width 120
        $text | Should -Match 'JoinWebUrl\s+: https://teams\.microsoft\.com/'
        $text | Should -Match 'LobbyBypassScope\s+: organizationExcludingGuests'
        ($text -split "`n" | Where-Object { $_.Length -gt 120 }) | Should -BeNullOrEmpty
    }
}

Describe 'New-AcsTeamsMeeting with too few Graph permissions' {
    BeforeAll {
        $script:Loop = Start-E2ESandbox
    }

    AfterAll {
        Disconnect-AcsTeamsAdmin | Out-Null
        Stop-E2ESandbox $script:Loop
    }

    It 'stops with InsufficientPrivileges naming OnlineMeetings.ReadWrite.All' {
        $token = New-E2ESandboxToken -Sandbox $script:Loop -Roles 'User.Read.All'
        Connect-AcsTeamsAdmin -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -GraphEndpoint $script:Loop.Description.graphEndpoint | Out-Null

        $err = { New-AcsTeamsMeeting -OrganizerId $script:Adele -ErrorAction SilentlyContinue } | Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -BeLike 'InsufficientPrivileges,*'
        $err.Exception.Message | Should -Match 'OnlineMeetings\.ReadWrite\.All'
    }
}
