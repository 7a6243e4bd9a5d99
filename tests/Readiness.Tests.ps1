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

    It 'fails the endpoint check, and still reports every other check, when the ACS resource cannot be reached' {
        $checks = Test-AcsTeamsReadiness -AppId $script:AppId -AcsEndpoint https://127.0.0.1:9/

        $endpoint = $checks | Where-Object Name -EQ 'AcsEndpoint'
        $endpoint.Status | Should -Be 'Fail'
        $endpoint.Detail | Should -Match 'EndpointUnreachable'
        ($checks | Where-Object Name -EQ 'AppRegistration').Status | Should -Be 'Pass'
    }

    It 'takes the ACS connection string as plain text too, as the identity cmdlets do' {
        $checks = Test-AcsTeamsReadiness -AcsConnectionString 'endpoint=https://127.0.0.1:9/;accesskey=AAAA'

        ($checks | Where-Object Name -EQ 'AcsEndpoint').Status | Should -Be 'Fail'
    }
}

Describe 'Test-AcsTeamsReadiness -TeamsUserId' {
    BeforeEach { Connect-AcsTeamsAdmin -Sandbox | Out-Null }

    It 'passes a user who is enabled and licensed for Teams, by UPN or object id' {
        (Test-AcsTeamsReadiness -TeamsUserId adele@fabrikam.onmicrosoft.com | Where-Object Name -EQ TeamsUser).Status | Should -Be 'Pass'
        (Test-AcsTeamsReadiness -TeamsUserId 6e7f8091-a2b3-4c4d-8e5f-607182930a05 | Where-Object Name -EQ TeamsUser).Status | Should -Be 'Pass'
    }

    It 'fails a user without an enabled Teams plan, saying what to assign and that setup will not' {
        $check = Test-AcsTeamsReadiness -TeamsUserId megan@fabrikam.onmicrosoft.com | Where-Object Name -EQ TeamsUser

        $check.Status | Should -Be 'Fail'
        $check.Detail | Should -Match 'Microsoft Teams \(service plan TEAMS1\)'
        $check.Detail | Should -Match 'Initialize-AcsTeams does not assign licences'
        $check.Remedy | Should -BeLike 'Set-MgUserLicense -UserId 7f809a1b-b3c4-4d5e-9f60-718293a40b23 -AddLicenses *'
    }

    It 'fails a disabled account and a user the tenant does not have' {
        (Test-AcsTeamsReadiness -TeamsUserId lee@fabrikam.onmicrosoft.com | Where-Object Name -EQ TeamsUser).Remedy | Should -BeLike 'Update-MgUser -UserId * -AccountEnabled:$true'
        (Test-AcsTeamsReadiness -TeamsUserId nobody@fabrikam.onmicrosoft.com | Where-Object Name -EQ TeamsUser).Detail | Should -BeLike "There is no user 'nobody@fabrikam.onmicrosoft.com'*"
    }

    It 'skips the check without -TeamsUserId' {
        (Test-AcsTeamsReadiness | Where-Object Name -EQ TeamsUser).Status | Should -Be 'Skipped'
    }

    It 'refuses a value that is neither an object id nor a UPN before any call' {
        $err = { Test-AcsTeamsReadiness -TeamsUserId adele } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidInput,*'
        $err.Exception.Message | Should -BeLike '-TeamsUserId:*'
    }

    It 'still takes -TeamsUserId with -TeamsUserToken as the token''s object id, and checks both' {
        $now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
        $claims = @{ aud = 'https://auth.msft.communication.azure.com'; tid = '2f6b3c1a-6e0d-4a51-9a7e-3f1d5c2b8a01'; appid = $script:AppId
            oid = '6e7f8091-a2b3-4c4d-8e5f-607182930a05'; scp = 'Teams.ManageCalls Teams.ManageChats'; iat = $now; exp = $now + 3600 } | ConvertTo-Json -Compress
        $encode = { param($text) [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($text)).TrimEnd('=').Replace('+', '-').Replace('/', '_') }
        $token = (& $encode '{"alg":"none","typ":"JWT"}') + '.' + (& $encode $claims) + '.'

        $checks = Test-AcsTeamsReadiness -AppId $script:AppId -TeamsUserToken $token -TeamsUserId 6e7f8091-a2b3-4c4d-8e5f-607182930a05

        ($checks | Where-Object Name -EQ TeamsUserToken).Status | Should -Be 'Pass'
        ($checks | Where-Object Name -EQ TeamsUser).Status | Should -Be 'Pass'
    }

    It 'is not part of Initialize-AcsTeams, which cannot assign a licence' {
        $checks = Initialize-AcsTeams -AppId $script:AppId -Confirm:$false
        $checks.Name | Should -Not -Contain 'TeamsUser'
        (Get-Command Initialize-AcsTeams).Parameters.ContainsKey('TeamsUserId') | Should -BeFalse
    }
}

Describe 'Initialize-AcsTeams' {
    BeforeEach { Connect-AcsTeamsAdmin -Sandbox | Out-Null }

    It '-WhatIf lists every change, the grant included, reports the checks as they are and changes nothing' {
        $out = Initialize-AcsTeams -AppId $script:AppId -WhatIf

        ($out | Where-Object Change -EQ 'WouldChange').Name | Should -Be @('AcsServicePrincipal', 'AppAcsPermissions', 'AdminConsent')
        ($out | Where-Object Name -EQ 'AcsServicePrincipal').Status | Should -Be 'Fail'
        $out | ForEach-Object { $_.GetType().Name } | Select-Object -Unique | Should -Be 'SetupCheck'
        Get-AcsTeamsServicePrincipal | Should -BeNullOrEmpty
    }

    It 'converges in one run; the second run changes nothing' {
        $first = Initialize-AcsTeams -AppId $script:AppId -Confirm:$false
        $second = Initialize-AcsTeams -AppId $script:AppId -Confirm:$false

        ($first | Where-Object Change -EQ 'Changed').Name | Should -Be @('AcsServicePrincipal', 'AppAcsPermissions', 'AdminConsent')
        $second | Where-Object Change -NE 'NoChange' | Should -BeNullOrEmpty
        $second | Where-Object Status -EQ 'Fail' | Should -BeNullOrEmpty
    }

    It 'marks the app registration checks NotApplicable for an app registered in another tenant' {
        $checks = Initialize-AcsTeams -AppId $script:IsvAppId -Confirm:$false

        ($checks | Where-Object Name -EQ 'AppAcsPermissions').Change | Should -Be 'NotApplicable'
        ($checks | Where-Object Name -EQ 'AdminConsent').Change | Should -Be 'Changed'
    }

    It 'shows one table per app at 120 columns, every column visible' {
        $text = Initialize-AcsTeams -AppId $script:AppId -Confirm:$false | Out-String -Width 120

        $text | Should -Match 'AppId: \(the tenant\)'
        $text | Should -Match "AppId: $($script:AppId)"
        $text | Should -Match 'Status\s+Change\s+Name\s+Detail'
        $text | Should -Not -Match 'Name\s+:'
    }

    # Out-String -Width 120, and at the host's own width (80 here, as in CI's log of the README's main command).
    It 'wraps <Command> <Columns> between words <Case>, never inside one' -ForEach @(
        @{ Command = 'Test-AcsTeamsReadiness'; Columns = 'Detail', 'Remedy'; Case = 'at 120 columns'; Width = 120 }
        @{ Command = 'Initialize-AcsTeams'; Columns = @('Detail'); Case = 'at 120 columns'; Width = 120 }
        @{ Command = 'Initialize-AcsTeams'; Columns = @('Detail'); Case = 'at the host''s width'; Width = 0 }
    ) {
        $arguments = @{ AppId = $script:AppId }
        if ($Command -eq 'Initialize-AcsTeams') { $arguments.WhatIf = $true }
        $checks = @(& $Command @arguments 6> $null)
        $text = if ($Width) { $checks | Out-String -Width $Width } else { $checks | Out-String }

        # A word longer than a narrow column (a 36-character id) cannot help being cut.
        $words = @($Columns | ForEach-Object { $column = $_; $checks.$column } | Where-Object { $_ } | ForEach-Object { $_ -split '\s+' } |
                Where-Object { $_.Length -ge 4 -and $_.Length -le 30 } | Select-Object -Unique)
        $words.Count | Should -BeGreaterThan 20
        $split = @($words | Where-Object { -not $text.Contains($_) })
        $split | Should -BeNullOrEmpty -Because 'a word cut across two lines cannot be read or copied'
    }
}
