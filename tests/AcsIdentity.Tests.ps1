#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# The ACS developer cmdlets against the in-process sandbox of Connect-AcsTeamsAdmin -Sandbox (no connection
# string needed): the quickstart pipeline, bring-your-own identities in bulk, bad input, and secrets kept out of
# every stream.

BeforeAll {
    $manifest = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', 'out', 'AcsTeamsAdmin', 'AcsTeamsAdmin.psd1'))
    Import-Module $manifest -Force -ErrorAction Stop
    $script:FabrikamAdminApp = '5a3c9e71-0b2d-4c8e-9f16-7d4a2b8c1e02'
    $script:Fabrikam = 'fabrikam.onmicrosoft.com'
}

AfterAll {
    Disconnect-AcsTeamsAdmin | Out-Null
    Remove-Module AcsTeamsAdmin -Force -ErrorAction SilentlyContinue
}

Describe 'The Teams user quickstart' {
    BeforeAll {
        Connect-AcsTeamsAdmin -Sandbox | Out-Null
        New-AcsTeamsServicePrincipal | Out-Null
        Grant-AcsAdminConsent -AppId $script:FabrikamAdminApp -Confirm:$false | Out-Null
    }

    It 'signs the user in, exchanges the token through the pipeline, and reuses the sign-in silently' {
        $aad = Get-AcsTeamsUserAadToken -ClientId $script:FabrikamAdminApp -TenantId $script:Fabrikam -UseDeviceCode -WarningVariable shown -WarningAction SilentlyContinue
        $again = Get-AcsTeamsUserAadToken -ClientId $script:FabrikamAdminApp -TenantId $script:Fabrikam -UseDeviceCode

        $aad.Token | Should -BeOfType [securestring]
        $aad.Scopes | Should -Contain 'Teams.ManageChats'
        $shown | Should -Match 'enter the code'
        $again.Source | Should -Be 'Cache'

        $teams = $aad | Convert-AadTokenToTeamsToken
        $teams.IdentityId | Should -Be "8:orgid:$($aad.UserObjectId)"
        $teams.Token | Should -BeOfType [securestring]
        ($teams | Out-String) | Should -Not -Match 'eyJ'
    }

    It 'refuses a token of another user before any request' {
        $graph = Get-AcsTeamsUserAadToken -ClientId $script:FabrikamAdminApp -TenantId $script:Fabrikam -UseDeviceCode -AsPlainText
        $wrongUser = { Convert-AadTokenToTeamsToken -AadToken $graph.Token -ClientId $graph.ClientId -UserObjectId ([guid]::NewGuid()) -ErrorAction Stop } |
            Should -Throw -PassThru

        $wrongUser.FullyQualifiedErrorId | Should -BeLike 'TeamsTokenUnusable,*'
        $wrongUser.ErrorDetails.Message | Should -Match '-UserObjectId'
        $wrongUser.ErrorDetails.Message | Should -Not -Match ([regex]::Escape($graph.Token))
    }

    It 'decodes the tokens offline without printing them' {
        $aad = Get-AcsTeamsUserAadToken -ClientId $script:FabrikamAdminApp -TenantId $script:Fabrikam -UseDeviceCode -AsPlainText
        $info = $aad | ConvertFrom-AcsToken

        $info.Kind | Should -Be 'EntraTeamsUserForAcs'
        $info.TenantId | Should -Be '2f6b3c1a-6e0d-4a51-9a7e-3f1d5c2b8a01'
        ($info | Format-List * | Out-String) | Should -Not -Match ([regex]::Escape($aad.Token))
    }

    It 'gives the exchanged token its scopes, as the token carries them' {
        $teams = Get-AcsTeamsUserAadToken -ClientId $script:FabrikamAdminApp -TenantId $script:Fabrikam -UseDeviceCode -WarningAction SilentlyContinue |
            Convert-AadTokenToTeamsToken

        $teams.Scopes | Should -Not -BeNullOrEmpty
        $teams.Scopes | Should -Be ($teams | ConvertFrom-AcsToken).Scopes
    }

    It 'says SignInFailed, not a bug, for an account the tenant does not have' {
        { Get-AcsTeamsUserAadToken -ClientId $script:FabrikamAdminApp -TenantId $script:Fabrikam -Account nobody@fabrikam.onmicrosoft.com } |
            Should -Throw -ErrorId 'SignInFailed,*'
    }

    It 'reads a time claim a date cannot hold as absent, and refuses a token with its Bearer scheme' {
        $part = { param($json) [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($json)).TrimEnd('=').Replace('+', '-').Replace('/', '_') }
        $token = '{0}.{1}.' -f (& $part '{"alg":"none"}'), (& $part '{"aud":"x","exp":99999999999999}')

        (ConvertFrom-AcsToken -Token $token -ErrorAction Stop).ExpiresOn | Should -BeNullOrEmpty
        { ConvertFrom-AcsToken -Token "Bearer $token" -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidInput,*'
    }
}

Describe 'Bring your own identity' {
    BeforeEach { Connect-AcsTeamsAdmin -Sandbox | Out-Null }

    It 'creates one identity per piped object, at most -ThrottleLimit at once' {
        $ids = 1..50 | New-AcsIdentity -ThrottleLimit 8

        @($ids).Count | Should -Be 50
        @($ids.Id | Select-Object -Unique).Count | Should -Be 50
    }

    It 'issues, revokes and deletes through the pipeline; deleting twice is fine' {
        $identity = New-AcsIdentity -Scope chat -ExpiresInMinutes 60
        $token = $identity | New-AcsAccessToken -Scope voip

        $token.Token | Should -BeOfType [securestring]
        ($identity | Revoke-AcsAccessToken -PassThru).Action | Should -Be 'Revoked'
        ($identity | Remove-AcsIdentity -Confirm:$false -PassThru).Action | Should -Be 'Deleted'
        ($identity | Remove-AcsIdentity -Confirm:$false -PassThru).Action | Should -Be 'Deleted'
    }

    It 'creates nothing with -WhatIf' {
        New-AcsIdentity -Count 3 -WhatIf | Should -BeNullOrEmpty
    }


    It 'stops at the first identity with one EndpointUnreachable when the resource cannot be reached, and never creates any' {
        $unreachable = 'endpoint=https://127.0.0.1:9/;accesskey=' + [Convert]::ToBase64String([byte[]]::new(32))
        $err = { New-AcsIdentity -Count 5 -ConnectionString $unreachable -Confirm:$false } | Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -BeLike 'EndpointUnreachable,*'
        $err.Exception.Message | Should -Match 'nothing was sent'
    }

    It 'refuses an empty scope in a list instead of dropping it' {
        { New-AcsIdentity -Scope 'chat', ' ' -Confirm:$false } | Should -Throw -ErrorId 'MissingParameter,*'
        { New-AcsIdentity -Scope @() -Confirm:$false } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }
    It 'rejects <Name> with its own error id before any request' -ForEach @(
        @{ Name = 'an unknown scope'; Run = { New-AcsIdentity -Scope admin -ErrorAction Stop }; Id = 'InvalidTokenScope' }
        @{ Name = 'a lifetime of 59 minutes'; Run = { New-AcsIdentity -Scope chat -ExpiresInMinutes 59 -ErrorAction Stop }; Id = 'InvalidTokenLifetime' }
        @{ Name = 'a Teams user id'; Run = { New-AcsAccessToken -IdentityId '8:orgid:6e7f8091-a2b3-4c4d-8e5f-607182930a05' -Scope chat -ErrorAction Stop }; Id = 'InvalidIdentityId' }
        @{ Name = 'an unknown api-version'; Run = { New-AcsIdentity -ApiVersion 2020-01-01 -ErrorAction Stop }; Id = 'UnsupportedApiVersion' }
        @{ Name = 'a connection string without a key'; Run = { New-AcsIdentity -ConnectionString 'endpoint=https://x.communication.azure.com/' -ErrorAction Stop }; Id = 'InvalidConnectionString' }
        @{ Name = 'a throttle limit of 0'; Run = { New-AcsIdentity -ThrottleLimit 0 -ErrorAction Stop }; Id = 'InvalidInput' }
    ) {
        $err = $Run | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike "$Id,*"
    }

    It 'keeps a planted key out of every stream' {
        $canary = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('CANARY-PESTER-ACS-KEY-0123456789'))
        $connection = "endpoint=https://x.communication.azure.com/;accesskey=$canary;accesskey=$canary"
        # A malformed -ConnectionString fails the whole call (terminating): catch it so its text is checked too.
        $all = & {
            try {
                New-AcsIdentity -ConnectionString $connection -Verbose -Debug
            }
            catch {
                $_ | Format-List * -Force | Out-String
                $_.Exception.ToString()
            }
        } *>&1 | Out-String

        $all | Should -Not -Match ([regex]::Escape($canary))
        $all | Should -Match 'more than once'
    }
}
