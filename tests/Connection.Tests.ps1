#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# Connect-AcsTeamsAdmin, Get-AcsTeamsAdminContext and Disconnect-AcsTeamsAdmin against the built
# module and its in-process sandbox: connection state per runspace, errors before any sign-in,
# and no secret in any stream.

BeforeAll {
    $manifest = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', 'out', 'AcsTeamsAdmin', 'AcsTeamsAdmin.psd1'))
    Import-Module $manifest -Force -ErrorAction Stop
}

AfterAll {
    Disconnect-AcsTeamsAdmin | Out-Null
    Remove-Module AcsTeamsAdmin -Force -ErrorAction SilentlyContinue
}

Describe 'Connect-AcsTeamsAdmin -Sandbox' {
    BeforeEach {
        Disconnect-AcsTeamsAdmin | Out-Null
    }

    It 'connects, returns the context and stores it for this runspace' {
        $info = Connect-AcsTeamsAdmin -Sandbox

        $info.SignInMode | Should -Be 'Sandbox'
        $info.AppOnly | Should -BeTrue
        $info.TenantId | Should -Match '^[0-9a-f-]{36}$'
        $info.Permissions | Should -Contain 'Application.ReadWrite.All'
        (Get-AcsTeamsAdminContext).TenantId | Should -Be $info.TenantId
    }

    It 'keeps the connection per runspace: a new runspace starts disconnected' {
        Connect-AcsTeamsAdmin -Sandbox | Out-Null
        $manifest = (Get-Module AcsTeamsAdmin).Path -replace '\.psm1$', '.psd1'

        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($Manifest)
                    Import-Module $Manifest
                    Get-AcsTeamsAdminContext
                }).AddArgument($manifest)
            $inOtherRunspace = $ps.Invoke()
        }
        finally {
            $ps.Dispose()
        }

        $inOtherRunspace | Should -BeNullOrEmpty
        Get-AcsTeamsAdminContext | Should -Not -BeNullOrEmpty
    }

    It 'Disconnect-AcsTeamsAdmin returns what the connection was and forgets it' {
        $info = Connect-AcsTeamsAdmin -Sandbox

        $ended = Disconnect-AcsTeamsAdmin

        $ended.TenantId | Should -Be $info.TenantId
        Get-AcsTeamsAdminContext | Should -BeNullOrEmpty
    }

    It 'with -SaveSandboxState, saves the state at Disconnect and continues from it at the next Connect' {
        $state = Join-Path $TestDrive 'sandbox.json'
        Connect-AcsTeamsAdmin -Sandbox -SandboxStatePath $state -SaveSandboxState | Out-Null
        (New-AcsTeamsServicePrincipal).Status | Should -Be 'Created'
        Disconnect-AcsTeamsAdmin | Out-Null

        Test-Path $state | Should -BeTrue
        Connect-AcsTeamsAdmin -Sandbox -SandboxStatePath $state | Out-Null
        (Get-AcsTeamsServicePrincipal).Status | Should -Be 'Existing'
    }

    It 'only reads a state file without -SaveSandboxState: the fixture is the same after Disconnect' {
        $state = Join-Path $TestDrive 'fixture.json'
        Connect-AcsTeamsAdmin -Sandbox -SandboxStatePath $state -SaveSandboxState | Out-Null
        Disconnect-AcsTeamsAdmin | Out-Null
        $before = Get-FileHash $state

        Connect-AcsTeamsAdmin -Sandbox -SandboxStatePath $state | Out-Null
        (New-AcsTeamsServicePrincipal).Status | Should -Be 'Created'
        Disconnect-AcsTeamsAdmin | Out-Null

        (Get-FileHash $state).Hash | Should -Be $before.Hash
        Connect-AcsTeamsAdmin -Sandbox -SandboxStatePath $state | Out-Null
        (New-AcsTeamsServicePrincipal).Status | Should -Be 'Created'
    }

    It 'refuses a state file that does not exist unless asked to save there, naming the fix' {
        $missing = Join-Path $TestDrive 'missing.json'
        $err = { Connect-AcsTeamsAdmin -Sandbox -SandboxStatePath $missing } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'SandboxStateUnreadable,*'
        $err.ErrorDetails.Message | Should -Match 'SaveSandboxState'
        Test-Path $missing | Should -BeFalse
    }

    It 'refuses -SaveSandboxState without a file to save to' {
        { Connect-AcsTeamsAdmin -Sandbox -SaveSandboxState } | Should -Throw -ErrorId 'MissingParameter,*'
    }
}

Describe 'Connect-AcsTeamsAdmin input checks' {
    It 'rejects a malformed client id naming the parameter, before any sign-in' {
        $secret = ConvertTo-SecureString 'canary-secret-5d1e' -AsPlainText -Force

        { Connect-AcsTeamsAdmin -TenantId fabrikam.onmicrosoft.com -ClientId 'not-a-guid' -ClientSecret $secret -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidGuid,AcsTeamsAdmin.Commands.ConnectAcsTeamsAdminCommand'
    }

    It 'refuses common as the tenant of an app sign-in' {
        $secret = ConvertTo-SecureString 'x' -AsPlainText -Force

        $err = { Connect-AcsTeamsAdmin -TenantId common -ClientId ([guid]::NewGuid()) -ClientSecret $secret -ErrorAction Stop } |
            Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidTenant,*'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.TargetObject | Should -Be 'common'
    }

    It 'never shows the secret in any stream, even with -Verbose and -Debug' {
        $canary = 'canary-secret-{0}' -f [guid]::NewGuid()
        $secret = ConvertTo-SecureString $canary -AsPlainText -Force

        # A malformed -ClientId fails the whole call (terminating): catch it so its text is checked too.
        $all = & {
            try {
                Connect-AcsTeamsAdmin -TenantId fabrikam.onmicrosoft.com -ClientId 'bad' -ClientSecret $secret -Verbose -Debug
            }
            catch {
                $_ | Format-List * -Force | Out-String
                $_.Exception.ToString()
            }
        } *>&1 | Out-String

        $all | Should -Match 'ClientId'
        $all | Should -Not -Match ([regex]::Escape($canary))
    }
}
