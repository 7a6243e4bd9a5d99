#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# Tab completion through PowerShell's own TabExpansion2, against the built module: ACS scopes, token
# scopes, api-versions, clouds, and the app ids this runspace's cmdlets have returned.

BeforeAll {
    $manifest = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', 'out', 'AcsTeamsAdmin', 'AcsTeamsAdmin.psd1'))
    Import-Module $manifest -Force -ErrorAction Stop
    $script:AdminAppId = '5a3c9e71-0b2d-4c8e-9f16-7d4a2b8c1e02'   # "Fabrikam ACS Admin" in the sandbox

    function Get-Completion([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches
    }
}

AfterAll {
    Disconnect-AcsTeamsAdmin | Out-Null
    Remove-Module AcsTeamsAdmin -Force -ErrorAction SilentlyContinue
}

Describe 'Scope and version completion' {
    It 'completes the ACS permissions on <Command> -Scope' -ForEach @(
        @{ Command = 'Set-AcsVoipPermission' }
        @{ Command = 'New-AcsTeamsApplication' }
        @{ Command = 'Grant-AcsAdminConsent' }
        @{ Command = 'Get-AcsAdminConsent' }
        @{ Command = 'Get-AcsAdminConsentUrl' }
    ) {
        $texts = (Get-Completion "$Command -Scope teams.man").CompletionText
        $texts | Should -Be @('Teams.ManageCalls', 'Teams.ManageChats')
    }

    It 'completes the token scopes on <Command> -Scope' -ForEach @(
        @{ Command = 'New-AcsIdentity' }
        @{ Command = 'New-AcsAccessToken' }
    ) {
        (Get-Completion "$Command -Scope chat.").CompletionText | Should -Be @('chat.join', 'chat.join.limited')
    }

    It 'offers the newest api-version first and marks the default' {
        $found = Get-Completion 'New-AcsIdentity -ApiVersion 20'
        $found[0].CompletionText | Should -Be '2025-06-30'
        ($found | Where-Object ToolTip -Like '*(default)').CompletionText | Should -Be '2023-10-01'
    }

    It 'completes the clouds on -Environment' {
        $texts = (Get-Completion 'Connect-AcsTeamsAdmin -Environment USGov').CompletionText
        $texts | Should -Contain 'USGov'
        $texts | Should -Contain 'USGovDoD'
        $texts | Should -Not -Contain 'China'
    }
}

Describe 'App id completion' {
    BeforeAll {
        Connect-AcsTeamsAdmin -Sandbox | Out-Null
        Get-AcsTeamsApplication -ApplicationId $script:AdminAppId -WarningAction SilentlyContinue | Out-Null
    }

    It 'offers an app returned earlier in this runspace on <Parameter>, with its name as tooltip' -ForEach @(
        @{ Parameter = 'Get-AcsAdminConsent -AppId ' }
        @{ Parameter = 'Set-AcsVoipPermission -ApplicationId ' }
        @{ Parameter = 'Get-AcsAdminConsentUrl -TenantId fabrikam.onmicrosoft.com -ClientId ' }
        @{ Parameter = 'Test-AcsTeamsReadiness -AppId ' }
    ) {
        $match = Get-Completion $Parameter | Where-Object CompletionText -EQ $script:AdminAppId
        $match | Should -Not -BeNullOrEmpty
        $match.ToolTip | Should -BeLike 'Fabrikam ACS Admin*'
    }

    It 'completes the start of the display name to the app id' {
        # Other test files in this runspace may have returned other 'Fabrikam ...' apps: name this one's start.
        $texts = (Get-Completion "Grant-AcsAdminConsent -AppId 'Fabrikam ACS").CompletionText
        @($texts).Count | Should -Be 1
        $texts.Trim("'") | Should -Be $script:AdminAppId
    }

    It 'does not offer this runspace''s apps in another runspace' {
        $other = [powershell]::Create()
        try {
            $null = $other.AddCommand('Import-Module').AddArgument($manifest).AddParameter('PassThru').Invoke()
            $other.Commands.Clear()
            $line = 'Get-AcsAdminConsent -AppId '
            $result = $other.AddCommand('TabExpansion2').AddParameter('inputScript', $line).AddParameter('cursorColumn', $line.Length).Invoke()
            $result[0].CompletionMatches.CompletionText | Should -Not -Contain $script:AdminAppId
        }
        finally {
            $other.Dispose()
        }
    }
}
