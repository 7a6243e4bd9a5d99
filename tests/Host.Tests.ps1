#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# The module in the hosts it meets: a stop (PowerShell.Stop(), Ctrl+C) during a slow call, runspaces
# of ForEach-Object -Parallel and Start-ThreadJob, importing again, a second runspace with a connection
# of its own, and, after Connect-AcsTeamsAdmin in one pipeline step, later cmdlets writing their
# verbose and debug lines to their own streams (never through a step that has finished).

BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'EndToEnd.Helpers.psm1')) -Force
    $script:Manifest = (Get-E2EPath).Manifest
    Import-Module $script:Manifest -Force -ErrorAction Stop
    $script:Loop = Start-E2ESandbox
    $script:Connect = Get-E2ESandboxConnect -Sandbox $script:Loop

    # A runspace of this process with the module, connected to the loopback sandbox.
    function New-ConnectedPowerShell {
        $ps = [powershell]::Create()
        $null = $ps.AddScript({
                param($Manifest, $Connect)
                Import-Module $Manifest
                Connect-AcsTeamsAdmin @Connect | Out-Null
            }).AddArgument($script:Manifest).AddArgument($script:Connect).Invoke()
        $ps.Commands.Clear()
        $ps
    }

    function Add-Fault([hashtable]$Rule) {
        Invoke-E2ESandboxHook -Sandbox $script:Loop -Method POST -Path '/_sandbox/faults' -Body $Rule | Out-Null
    }
}

AfterAll {
    Stop-E2ESandbox $script:Loop
    Disconnect-AcsTeamsAdmin | Out-Null
}

Describe 'A stop during a slow call' {
    AfterEach {
        Invoke-E2ESandboxHook -Sandbox $script:Loop -Method DELETE -Path '/_sandbox/faults' | Out-Null
    }

    # The first request waits out a 30-second Retry-After (under the 60-second limit, so it is honoured).
    It 'stops <Name> within two seconds, and the runspace goes on working' -ForEach @(
        @{ Name = 'a Graph cmdlet'; Path = '/v1.0/servicePrincipals'; Slow = 'Get-AcsTeamsServicePrincipal'; After = 'Get-AcsTeamsServicePrincipal -AppId 5a3c9e71-0b2d-4c8e-9f16-7d4a2b8c1e02' }
        @{ Name = 'an ACS cmdlet'; Path = '/identities'; Slow = 'New-AcsIdentity -ConnectionString $args[0]'; After = 'New-AcsIdentity -ConnectionString $args[0]' }
    ) {
        $ps = New-ConnectedPowerShell
        try {
            Add-Fault @{ kind = 'TooManyRequests'; onRequests = @(1); pathPrefix = $Path; retryAfterSeconds = 30; maxFaults = 1 }
            $null = $ps.AddScript($Slow).AddArgument($script:Loop.Description.acsConnectionString)
            $handle = $ps.BeginInvoke()
            Start-Sleep -Milliseconds 300
            $handle.IsCompleted | Should -BeFalse -Because 'the call is waiting out the Retry-After'

            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 2
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'

            # The same runspace, the same connection: the next command works and writes through its own step.
            $ps.Commands.Clear()
            $ps.Streams.ClearStreams()
            $null = $ps.AddScript("`$DebugPreference = 'Continue'`n$After").AddArgument($script:Loop.Description.acsConnectionString)
            $after = $ps.Invoke()
            $ps.HadErrors | Should -BeFalse -Because ($ps.Streams.Error | Out-String)
            $after | Should -Not -BeNullOrEmpty
            $ps.Streams.Debug.Message | Should -Not -BeNullOrEmpty
        }
        finally {
            $ps.Dispose()
        }
    }
}

Describe 'Runspaces of ForEach-Object -Parallel and Start-ThreadJob' {
    BeforeAll {
        # What each runspace does: connect to its own in-process sandbox (Fabrikam or Contoso), then Graph
        # and ACS cmdlets, with the debug lines of this runspace's Graph request captured on the spot.
        $script:Work = {
            param($Manifest, $Tenant)
            Import-Module $Manifest
            $connection = Connect-AcsTeamsAdmin -Sandbox -TenantId $Tenant
            $principal = New-AcsTeamsServicePrincipal
            $debug = @(Get-AcsTeamsServicePrincipal -Debug 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message)
            $identities = @(1..3 | New-AcsIdentity)
            $token = $identities[0] | New-AcsAccessToken -Scope chat
            [pscustomobject]@{
                Tenant     = $connection.TenantId
                Context    = (Get-AcsTeamsAdminContext).TenantId
                Principal  = $principal.Status
                Debug      = $debug
                Identities = $identities.Count
                TokenFor   = $token.IdentityId
                FirstId    = $identities[0].Id
            }
        }
        $script:Tenants = @('fabrikam.onmicrosoft.com', 'contoso.onmicrosoft.com', 'fabrikam.onmicrosoft.com', 'contoso.onmicrosoft.com')
        $script:TenantIds = @{ 'fabrikam.onmicrosoft.com' = '2f6b3c1a-6e0d-4a51-9a7e-3f1d5c2b8a01'; 'contoso.onmicrosoft.com' = '3a7c4d2b-7f1e-4b62-8b8f-4e2d6c3b9b10' }

        function Assert-Work($Results) {
            @($Results).Count | Should -Be $script:Tenants.Count
            foreach ($result in $Results) {
                $result.Context | Should -Be $result.Tenant -Because 'each runspace sees its own connection'
                $result.Principal | Should -Be 'Created'
                $result.Debug | Should -HaveCount 1
                $result.Debug[0] | Should -BeLike 'GET /v1.0/servicePrincipals*'
                $result.Identities | Should -Be 3
                $result.TokenFor | Should -Be $result.FirstId
            }
            @($Results.Tenant | Sort-Object -Unique) | Should -Be @($script:TenantIds.Values | Sort-Object)
        }
    }

    It 'ForEach-Object -Parallel: each runspace imports, connects and runs Graph and ACS cmdlets' {
        $work = $script:Work.ToString()
        $manifest = $script:Manifest
        $results = $script:Tenants | ForEach-Object -ThrottleLimit 4 -Parallel {
            & ([scriptblock]::Create($using:work)) $using:manifest $_
        }
        Assert-Work $results
    }

    It 'Start-ThreadJob: each job imports, connects and runs Graph and ACS cmdlets' {
        $jobs = foreach ($tenant in $script:Tenants) {
            Start-ThreadJob -ThrottleLimit 4 -ScriptBlock ([scriptblock]::Create($script:Work.ToString())) -ArgumentList $script:Manifest, $tenant
        }
        try {
            $results = $jobs | Wait-Job -Timeout 60 | Receive-Job -ErrorAction Stop
            Assert-Work $results
        }
        finally {
            $jobs | Remove-Job -Force
        }
    }
}

Describe 'Importing again' {
    BeforeAll {
        # One call of every cmdlet against the in-process sandbox; returns cmdlet -> the error, or ''.
        $script:Smoke = {
            param($Manifest)
            $app = '5a3c9e71-0b2d-4c8e-9f16-7d4a2b8c1e02'
            $steps = [ordered]@{
                'Connect-AcsTeamsAdmin'        = { Connect-AcsTeamsAdmin -Sandbox }
                'Get-AcsTeamsAdminContext'     = { Get-AcsTeamsAdminContext }
                'Get-AcsTeamsServicePrincipal' = { Get-AcsTeamsServicePrincipal -AppId $app }
                'New-AcsTeamsServicePrincipal' = { New-AcsTeamsServicePrincipal }
                'Get-AcsAdminConsentUrl'       = { Get-AcsAdminConsentUrl -TenantId fabrikam.onmicrosoft.com -ClientId $app }
                'Grant-AcsAdminConsent'        = { Grant-AcsAdminConsent -AppId $app -Confirm:$false }
                'Get-AcsAdminConsent'          = { Get-AcsAdminConsent -AppId $app }
                'Test-AcsAnonymousJoinPolicy'  = { Test-AcsAnonymousJoinPolicy -AutoAdmittedUsers Everyone -WarningAction SilentlyContinue }
                'Get-AcsTeamsApplication'      = { Get-AcsTeamsApplication -ApplicationId $app }
                'Set-AcsVoipPermission'        = { Set-AcsVoipPermission -ApplicationId $app -PassThru }
                'New-AcsTeamsApplication'      = { New-AcsTeamsApplication -DisplayName 'Smoke app' }
                'Get-AcsTeamsUserAadToken'     = { $script:aad = Get-AcsTeamsUserAadToken -ClientId $app -TenantId fabrikam.onmicrosoft.com -UseDeviceCode -WarningAction SilentlyContinue; $script:aad }
                'Convert-AadTokenToTeamsToken' = { $script:aad | Convert-AadTokenToTeamsToken }
                'New-AcsIdentity'              = { $script:identity = New-AcsIdentity -Scope chat; $script:identity }
                'New-AcsAccessToken'           = { $script:identity | New-AcsAccessToken -Scope voip }
                'ConvertFrom-AcsToken'         = { $script:identity.AccessToken | ConvertFrom-AcsToken }
                'Revoke-AcsAccessToken'        = { $script:identity | Revoke-AcsAccessToken -PassThru }
                'Remove-AcsIdentity'           = { $script:identity | Remove-AcsIdentity -PassThru -Confirm:$false }
                'Test-AcsTeamsReadiness'       = { Test-AcsTeamsReadiness -AppId $app }
                'Initialize-AcsTeams'          = { Initialize-AcsTeams -AppId $app -Confirm:$false }
                'Get-AcsResource'              = { Get-AcsResource }
                'New-AcsTeamsMeeting'          = { New-AcsTeamsMeeting -OrganizerId adele@fabrikam.onmicrosoft.com -Confirm:$false }
                'Disconnect-AcsTeamsAdmin'     = { Disconnect-AcsTeamsAdmin }
            }
            $outcome = [ordered]@{}
            foreach ($name in $steps.Keys) {
                try {
                    $out = @(& $steps[$name] -ErrorAction Stop)
                    $outcome[$name] = if ($out.Count) { '' } else { 'no output' }
                }
                catch {
                    $outcome[$name] = "$($_.FullyQualifiedErrorId): $_"
                }
            }
            $outcome
        }
    }

    It 'every cmdlet works after Import-Module -Force, and after Remove-Module and Import-Module' {
        $result = Invoke-E2EIsolated -Variables @{ Smoke = $script:Smoke.ToString() } -Script @'
$manifest = (Get-Module AcsTeamsAdmin).Path -replace '\.psm1$', '.psd1'
$first = & ([scriptblock]::Create($Smoke)) $manifest
Import-Module $manifest -Force
$forced = & ([scriptblock]::Create($Smoke)) $manifest
Remove-Module AcsTeamsAdmin -Force
Import-Module $manifest
$again = & ([scriptblock]::Create($Smoke)) $manifest
[pscustomobject]@{ First = $first; Forced = $forced; Again = $again }
'@
        $result.Terminating | Should -BeNullOrEmpty
        $outcome = $result.Output[0]
        foreach ($round in 'First', 'Forced', 'Again') {
            $steps = $outcome.$round
            @($steps.Keys) | Sort-Object | Should -Be (Get-E2EExportedCmdlet | Sort-Object) -Because 'the smoke run covers every exported cmdlet'
            foreach ($name in $steps.Keys) {
                $steps[$name] | Should -BeNullOrEmpty -Because "$name should work ($round import)"
            }
        }
    }
}

Describe 'Two runspaces, two connections' {
    It 'connected in one runspace, NotConnected in the other; then each keeps its own tenant' {
        $a = New-ConnectedPowerShell
        $b = [powershell]::Create()
        try {
            $null = $b.AddScript({ param($Manifest) Import-Module $Manifest }).AddArgument($script:Manifest).Invoke()
            $b.Commands.Clear()
            $null = $b.AddScript('Get-AcsTeamsServicePrincipal')
            $b.Invoke()
            $b.Streams.Error[0].FullyQualifiedErrorId | Should -BeLike 'NotConnected,*'

            $a.Commands.Clear()
            $null = $a.AddScript('(Get-AcsTeamsAdminContext).TenantId')
            $a.Invoke() | Should -Be '2f6b3c1a-6e0d-4a51-9a7e-3f1d5c2b8a01'

            $b.Commands.Clear()
            $b.Streams.ClearStreams()
            $null = $b.AddScript('Connect-AcsTeamsAdmin -Sandbox -TenantId contoso.onmicrosoft.com | Out-Null; (Get-AcsTeamsAdminContext).TenantId')
            $b.Invoke() | Should -Be '3a7c4d2b-7f1e-4b62-8b8f-4e2d6c3b9b10'
            $a.Commands.Clear()
            $null = $a.AddScript('(Get-AcsTeamsAdminContext).TenantId')
            $a.Invoke() | Should -Be '2f6b3c1a-6e0d-4a51-9a7e-3f1d5c2b8a01' -Because 'connecting in one runspace leaves the other''s connection alone'
        }
        finally {
            $a.Dispose()
            $b.Dispose()
        }
    }

    It 'cmdlets running at once in two runspaces write their debug lines to their own streams' {
        $a = New-ConnectedPowerShell
        $b = New-ConnectedPowerShell
        try {
            $null = $a.AddScript("`$DebugPreference = 'Continue'; 1..5 | ForEach-Object { Get-AcsTeamsServicePrincipal }")
            $null = $b.AddScript("`$DebugPreference = 'Continue'; 1..5 | ForEach-Object { Get-AcsTeamsApplication -ApplicationId 5a3c9e71-0b2d-4c8e-9f16-7d4a2b8c1e02 }")
            $ha = $a.BeginInvoke()
            $hb = $b.BeginInvoke()
            $null = $a.EndInvoke($ha)
            $null = $b.EndInvoke($hb)

            $a.HadErrors | Should -BeFalse -Because ($a.Streams.Error | Out-String)
            $b.HadErrors | Should -BeFalse -Because ($b.Streams.Error | Out-String)
            $a.Streams.Debug.Message | Should -HaveCount 5
            $a.Streams.Debug.Message | Should -BeLike 'GET /v1.0/servicePrincipals*'
            # Get-AcsTeamsApplication reads the app, then the ACS service principal for the scope ids.
            @($b.Streams.Debug.Message | Where-Object { $_ -like 'GET /v1.0/applications*' }) | Should -HaveCount 5
            @($b.Streams.Debug.Message | Where-Object { $_ -like 'GET /v1.0/servicePrincipals*' }) | Should -HaveCount 5 -Because 'b has its own lines, and none of a''s'
            $b.Streams.Debug | Should -HaveCount 10
        }
        finally {
            $a.Dispose()
            $b.Dispose()
        }
    }
}

Describe 'After Connect in one pipeline step, later cmdlets write to their own streams' {
    # The bug this suite exists for: the session's handlers, built by Connect-AcsTeamsAdmin, wrote
    # through Connect's finished step instead of the cmdlet that sent the request.
    It 'the Graph cmdlet of a later statement writes its DEBUG lines (<Name>)' -ForEach @(
        @{ Name = 'in-process sandbox'; Connect = 'Connect-AcsTeamsAdmin -Sandbox | Out-Null' }
        @{ Name = 'loopback sandbox with a client secret'; Connect = 'Connect-AcsTeamsAdmin @Connect | Out-Null' }
    ) {
        $result = Invoke-E2EIsolated -Variables @{ Connect = $script:Connect } -Script @"
$Connect
# Only the later cmdlet asks for debug lines, and only its own stream is captured.
Get-AcsTeamsServicePrincipal -AppId 5a3c9e71-0b2d-4c8e-9f16-7d4a2b8c1e02 -Debug 5>&1 | Where-Object { `$_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object { "sp: `$(`$_.Message)" }
Get-AcsTeamsApplication -ApplicationId 5a3c9e71-0b2d-4c8e-9f16-7d4a2b8c1e02 -Verbose -Debug 4>&1 5>&1 | Where-Object { `$_ -is [System.Management.Automation.InformationalRecord] } | ForEach-Object { "app: `$(`$_.Message)" }
"@
        $result.Terminating | Should -BeNullOrEmpty
        @($result.Errors) + @($result.StreamError) | Should -BeNullOrEmpty
        $captured = @($result.Output | Where-Object { $_ -is [string] })
        $captured | Where-Object { $_ -like 'sp: *' } | Should -HaveCount 1
        $captured | Where-Object { $_ -like 'sp: GET /v1.0/servicePrincipals*' } | Should -HaveCount 1
        $captured | Where-Object { $_ -like 'app: GET /v1.0/applications*' } | Should -HaveCount 1
        $captured | Where-Object { $_ -like 'app: Found app registration*' } | Should -HaveCount 1
        # Nothing leaked to the runspace's own streams: the lines went where they were asked for.
        $result.Debug | Should -BeNullOrEmpty
    }

    It 'a cmdlet in a later step of the same pipeline as Connect writes through its own step' {
        $result = Invoke-E2EIsolated -Script @'
Connect-AcsTeamsAdmin -Sandbox | ForEach-Object {
    Get-AcsTeamsServicePrincipal -AppId $_.ClientId -Debug 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object { "captured: $($_.Message)" }
}
Get-AcsTeamsServicePrincipal -AppId 5a3c9e71-0b2d-4c8e-9f16-7d4a2b8c1e02 -Debug 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object { "after: $($_.Message)" }
'@
        $result.Terminating | Should -BeNullOrEmpty
        @($result.Errors) + @($result.StreamError) | Should -BeNullOrEmpty
        $result.Output | Where-Object { $_ -like 'captured: GET /v1.0/servicePrincipals*' } | Should -HaveCount 1
        $result.Output | Where-Object { $_ -like 'after: GET /v1.0/servicePrincipals*' } | Should -HaveCount 1
    }

    It 'retries in a later cmdlet write their VERBOSE lines to that cmdlet (loopback, throttled once)' {
        Invoke-E2ESandboxHook -Sandbox $script:Loop -Method POST -Path '/_sandbox/faults' -Body @{ kind = 'TooManyRequests'; onRequests = @(1); pathPrefix = '/v1.0/servicePrincipals'; retryAfterSeconds = 0; maxFaults = 1 } | Out-Null
        try {
            $result = Invoke-E2EIsolated -Variables @{ Connect = $script:Connect } -Script @'
Connect-AcsTeamsAdmin @Connect | Out-Null
Get-AcsTeamsServicePrincipal -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { "captured: $($_.Message)" }
'@
            $result.Terminating | Should -BeNullOrEmpty
            $result.Output | Where-Object { $_ -match '^captured: GET /v1\.0/servicePrincipals.*: 429 .*retrying' } | Should -HaveCount 1
        }
        finally {
            Invoke-E2ESandboxHook -Sandbox $script:Loop -Method DELETE -Path '/_sandbox/faults' | Out-Null
        }
    }
}
