#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# Get-AcsAdminConsentUrl (offline), Grant-AcsAdminConsent and Get-AcsAdminConsent against the
# in-process sandbox, connected to Fabrikam: links per tenant from a CSV, the grant's scope union,
# idempotence, -WhatIf, pipeline input and the errors.

BeforeAll {
    $manifest = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', 'out', 'AcsTeamsAdmin', 'AcsTeamsAdmin.psd1'))
    Import-Module $manifest -Force -ErrorAction Stop
    $script:IsvApp = 'c0a1b2c3-d4e5-4f60-8a71-b2c3d4e5f614'          # Contoso's multi-tenant app
    $script:ContosoSingleTenantApp = '4b8d5e3c-8a2f-4c73-9c9a-5f3e7d4c0c11'
    $script:Fabrikam = '2f6b3c1a-6e0d-4a51-9a7e-3f1d5c2b8a01'
}

AfterAll {
    Disconnect-AcsTeamsAdmin | Out-Null
    Remove-Module AcsTeamsAdmin -Force -ErrorAction SilentlyContinue
}

Describe 'Get-AcsAdminConsentUrl' {
    BeforeAll {
        # Offline: no connection in this session.
        Disconnect-AcsTeamsAdmin | Out-Null
    }

    It 'builds the v1 link without a connection' {
        $link = Get-AcsAdminConsentUrl -TenantId $script:Fabrikam -ClientId $script:IsvApp

        $link.Version | Should -Be 'V1'
        $link.Url | Should -BeExactly "https://login.microsoftonline.com/$($script:Fabrikam)/adminconsent?client_id=$($script:IsvApp)"
    }

    It 'gives one link per customer piped in from a CSV' {
        $csv = @"
TenantId,State
fabrikam.onmicrosoft.com,customer-1
$($script:Fabrikam),customer 2
"@ | ConvertFrom-Csv

        $links = $csv | Get-AcsAdminConsentUrl -ClientId $script:IsvApp -RedirectUri 'https://app.contoso.com/consent/done'

        $links.Count | Should -Be 2
        $links[0].TenantId | Should -Be 'fabrikam.onmicrosoft.com'
        $links[0].Url | Should -Match 'state=customer-1&redirect_uri=https%3A%2F%2Fapp\.contoso\.com%2Fconsent%2Fdone$'
        $links[1].Url | Should -Match 'state=customer%202&'
    }

    It 'builds the v2 link with the ACS scopes when -Scope is given' {
        $link = Get-AcsAdminConsentUrl -TenantId fabrikam.onmicrosoft.com -ClientId $script:IsvApp -Scope Teams.ManageCalls -RedirectUri 'http://localhost' -Environment China

        $link.Version | Should -Be 'V2'
        $link.Url | Should -BeLike 'https://login.chinacloudapi.cn/fabrikam.onmicrosoft.com/v2.0/adminconsent?client_id=*'
        $link.Scopes | Should -Be @('https://auth.msft.communication.azure.com/Teams.ManageCalls')
    }

    It 'rejects common for v2, naming -TenantId' {
        # Splatted because the grammar of the no-pwsh syntax checker misreads a parameter name ending in a digit.
        $v2 = @{ V2 = $true }
        $err = { Get-AcsAdminConsentUrl -TenantId common -ClientId $script:IsvApp @v2 -RedirectUri 'https://a.example/' -ErrorAction Stop } | Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidTenant,*'
        $err.ErrorDetails.Message | Should -Match '-TenantId'
    }

    It 'rejects an unknown scope, naming the known ones' {
        $err = { Get-AcsAdminConsentUrl -TenantId $script:Fabrikam -ClientId $script:IsvApp -Scope Teams.ManageMeetings -RedirectUri 'https://a.example/' -ErrorAction Stop } | Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -BeLike 'UnknownAcsScope,*'
        $err.ErrorDetails.Message | Should -Match 'Teams\.ManageChats'
    }

    It 'writes an error for a bad tenant in a list, naming it, and goes on with the next' {
        $links = Get-AcsAdminConsentUrl -TenantId 'a.example.com', 'b d', 'c.example.com' -ClientId $script:IsvApp -ErrorVariable failed -ErrorAction SilentlyContinue

        $links.TenantId | Should -Be @('a.example.com', 'c.example.com')
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'InvalidTenant,*'
        $failed[0].Exception.Message | Should -Match "^-TenantId: 'b d'"
    }

    It 'stops the whole call for a bad value given on the command line' {
        { Get-AcsAdminConsentUrl -TenantId a.example.com -ClientId $script:IsvApp -RedirectUri 'not a url' } | Should -Throw -ErrorId 'InvalidUrl,*'
        # -V2 splatted: the tree-sitter grammar CI parses with reads a bare '-V2' as a redirection.
        $v2 = @{ V2 = $true }
        { Get-AcsAdminConsentUrl -TenantId a.example.com -ClientId $script:IsvApp @v2 } | Should -Throw -ErrorId 'MissingParameter,*'
    }

    It 'names the tenant whose row brought a bad value, and goes on' {
        $rows = @(
            [pscustomobject]@{ TenantId = 'northwind.onmicrosoft.com'; ClientId = $script:IsvApp; RedirectUri = 'not a url' }
            [pscustomobject]@{ TenantId = 'fabrikam.onmicrosoft.com'; ClientId = $script:IsvApp; RedirectUri = 'https://app.contoso.com/done' }
        )

        $links = $rows | Get-AcsAdminConsentUrl -ErrorVariable failed -ErrorAction SilentlyContinue

        $links.TenantId | Should -Be 'fabrikam.onmicrosoft.com'
        $failed[0].Exception.Message | Should -Match "^-RedirectUri \(tenant 'northwind.onmicrosoft.com'\): "
    }

    It 'treats an empty cell of a piped CSV row as not given' {
        $rows = @(
            [pscustomobject]@{ TenantId = 'fabrikam.onmicrosoft.com'; ClientId = $script:IsvApp; RedirectUri = 'https://app.contoso.com/done'; State = 's1' }
            [pscustomobject]@{ TenantId = 'northwind.onmicrosoft.com'; ClientId = $script:IsvApp; RedirectUri = ''; State = '' }
        )

        $links = $rows | Get-AcsAdminConsentUrl -ErrorAction Stop

        $links[0].Url | Should -Match 'redirect_uri='
        $links[1].Url | Should -Not -Match 'redirect_uri=|state='
    }
}

Describe 'Grant-AcsAdminConsent and Get-AcsAdminConsent' {
    BeforeEach {
        # A fresh sandbox each time: Fabrikam has neither the ACS nor Contoso's service principal.
        Connect-AcsTeamsAdmin -Sandbox | Out-Null
    }

    It 'grants once; the second run changes nothing' {
        (Get-AcsAdminConsent -AppId $script:IsvApp).Status | Should -Be 'NotGranted'

        $first = Grant-AcsAdminConsent -AppId $script:IsvApp -Confirm:$false
        $second = Grant-AcsAdminConsent -ClientId $script:IsvApp -Confirm:$false

        $first.Change | Should -Be 'Created'
        $second.Change | Should -Be 'Unchanged'
        $second.GrantId | Should -Be $first.GrantId
        $second.GrantedScopes | Should -Be @('Teams.ManageCalls', 'Teams.ManageChats')
        (Get-AcsTeamsServicePrincipal -AppId $script:IsvApp).AppOwnerOrganizationId | Should -Not -Be $script:Fabrikam
    }

    It 'adds a missing scope and keeps the granted ones' {
        Grant-AcsAdminConsent -AppId $script:IsvApp -Scope Teams.ManageCalls -Confirm:$false | Out-Null

        $status = Grant-AcsAdminConsent -AppId $script:IsvApp -Scope Teams.ManageChats -Confirm:$false

        $status.Change | Should -Be 'Updated'
        $status.GrantedScopes | Should -Be @('Teams.ManageCalls', 'Teams.ManageChats')
        $status.ExtraScopes | Should -Be @('Teams.ManageCalls')
    }

    It '-WhatIf changes nothing and outputs nothing' {
        Grant-AcsAdminConsent -AppId $script:IsvApp -WhatIf | Should -BeNullOrEmpty

        Get-AcsTeamsServicePrincipal -AppId $script:IsvApp | Should -BeNullOrEmpty
        (Get-AcsAdminConsent -AppId $script:IsvApp).Status | Should -Be 'NotGranted'
    }

    It 'takes consent links from the pipeline by their ClientId' {
        Grant-AcsAdminConsent -AppId $script:IsvApp -Confirm:$false | Out-Null

        $status = Get-AcsAdminConsentUrl -TenantId $script:Fabrikam -ClientId $script:IsvApp | Get-AcsAdminConsent

        $status.Status | Should -Be 'Granted'
        $status.ClientAppId | Should -Be $script:IsvApp
    }

    It 'reports a single-tenant app of another tenant with ClientAppNotFound and goes on with the next' {
        $results = $script:ContosoSingleTenantApp, $script:IsvApp |
            Grant-AcsAdminConsent -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue

        @($results).Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ClientAppNotFound,*'
        $failures[0].ErrorDetails.Message | Should -Match 'single-tenant'
    }

    It 'rejects a malformed app id before any call' {
        $err = { Grant-AcsAdminConsent -AppId 'c0a1b2c3-xxxx' -Confirm:$false -ErrorAction Stop } | Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidGuid,*'
        $err.ErrorDetails.Message | Should -Match '-AppId'
    }
}

Describe 'Consent cmdlets that need a connection' {
    It 'fail with NotConnected when there is none' {
        Disconnect-AcsTeamsAdmin | Out-Null

        { Get-AcsAdminConsent -AppId $script:IsvApp -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected,*'
    }
}
