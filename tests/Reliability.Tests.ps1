#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# The reliability campaigns against a LOOPBACK sandbox (acsteams sandbox --port 0, one process per Describe), through
# the real cmdlets in pwsh and the real acsteams command line: the counterparts of the in-process xunit campaigns in
# tests/AcsTeamsAdmin.Tests/Reliability, with real sockets, real TCP resets and real signals. Each campaign prints one
# line "campaign <name>: ..." with its figures and fails when the module loses, duplicates or hides something.
#
#   faults            200+ one-shot setups (Connect-AcsTeamsAdmin + Initialize-AcsTeams) under a seeded mix of 429,
#                     503, 504 and TCP resets (before and after processing) on Graph and the token endpoint.
#   bulk              1,000 New-AcsIdentity with 5% of the answers cut (the identity exists, the answer is lost), stopped
#                     half-way with SIGINT, in a child pwsh and in acsteams: every identity the sandbox holds is written
#                     out, listed by the stop summary, or reported as possibly created.
#   concurrent edits  5 writers at once x 20 rounds of Set-AcsVoipPermission on one app registration: nothing a writer
#                     reported done is lost, nothing the app had is lost.

BeforeAll {
    $script:Manifest = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', 'out', 'AcsTeamsAdmin', 'AcsTeamsAdmin.psd1'))
    Import-Module $script:Manifest -Force -ErrorAction Stop
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'TestHelpers.psm1')) -Force -ErrorAction Stop

    $script:AcsAppId = '1fd5118e-2576-4263-8130-9503064c837a'
    $script:GraphAppId = '00000003-0000-0000-c000-000000000000'
    $script:AcsScopeIds = @{
        'Teams.ManageCalls'          = 'de8ec1df-066a-4817-bc5d-9a985b986262'
        'Teams.ManageChats'          = '6290af7f-b407-49f9-92d5-bf584fdc4019'
        'TeamsExtension.ManageCalls' = '9ed60762-c537-4e50-8984-4b1db3d922ce'
        'VoIP'                       = '31f1efa3-6f54-4008-ac59-1bf1f0ff9958'
    }
    # What the admin app registration requests before any campaign touches it (the seed has nothing): Graph's
    # User.Read scope and Application.ReadWrite.All role. Every campaign checks that both are still there.
    $script:SeededPermissions = @(
        @{ resourceAppId = $script:GraphAppId; id = 'e1fe6dd8-ba31-4d61-89e7-88639da4683d'; type = 'Scope' }
        @{ resourceAppId = $script:GraphAppId; id = '1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9'; type = 'Role' }
    )

    # The acsteams the build made (Debug or Release, whichever is newer), run by the dotnet host.
    function Get-AcsteamsCommand {
        $root = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', 'src', 'AcsTeamsAdmin.Cli', 'bin'))
        $dll = Get-ChildItem -Path ([System.IO.Path]::Combine($root, '*', 'net8.0', 'acsteams.dll')) -File -ErrorAction SilentlyContinue |
            Sort-Object LastWriteTimeUtc -Descending | Select-Object -First 1
        if (-not $dll) {
            throw "No acsteams.dll under $root; build the solution first."
        }

        $dotnet = (Get-Command -Name dotnet -CommandType Application -ErrorAction Stop | Select-Object -First 1).Source
        , [string[]]@($dotnet, $dll.FullName)
    }

    # A process with stdin, stdout and stderr redirected; stderr is drained in the background (Stderr, a task of its text).
    function Start-RedirectedProcess {
        param([string[]]$Command, [string[]]$Arguments, [hashtable]$Environment = @{})

        $start = [System.Diagnostics.ProcessStartInfo]::new($Command[0])
        foreach ($argument in @($Command | Select-Object -Skip 1) + $Arguments) {
            $start.ArgumentList.Add($argument)
        }

        foreach ($name in $Environment.Keys) {
            $start.Environment[$name] = $Environment[$name]
        }

        $start.UseShellExecute = $false
        $start.RedirectStandardInput = $true
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $process = [System.Diagnostics.Process]::Start($start)
        [pscustomobject]@{
            Process = $process
            Stderr  = $process.StandardError.ReadToEndAsync()
        }
    }

    # One line of a redirected stdout, or $null at its end; fails rather than hang when nothing comes for a minute.
    function Read-OutputLine {
        param($Started, [int]$TimeoutSeconds = 60)

        $read = $Started.Process.StandardOutput.ReadLineAsync()
        if (-not $read.Wait([TimeSpan]::FromSeconds($TimeoutSeconds))) {
            $Started.Process.Kill($true)
            throw "No output from process $($Started.Process.Id) for $TimeoutSeconds s; killed it."
        }

        $read.Result
    }

    function Start-LoopbackSandbox {
        $started = Start-RedirectedProcess -Command (Get-AcsteamsCommand) -Arguments 'sandbox', '--port', '0'
        $first = Read-OutputLine -Started $started
        if (-not $first) {
            $started.Process.WaitForExit(10000) | Out-Null
            throw "acsteams sandbox wrote nothing on stdout: $($started.Stderr.Result)"
        }

        $description = $first | ConvertFrom-Json
        $started | Add-Member -NotePropertyName Description -NotePropertyValue $description
        $started | Add-Member -NotePropertyName Base -NotePropertyValue $description.authorityHost.TrimEnd('/')
        $started | Add-Member -NotePropertyName Stdout -NotePropertyValue $started.Process.StandardOutput.ReadToEndAsync()
        $started
    }

    function Stop-LoopbackSandbox {
        param($Sandbox)

        if ($Sandbox -and -not $Sandbox.Process.HasExited) {
            $Sandbox.Process.Kill($true)
            $Sandbox.Process.WaitForExit(10000) | Out-Null
        }
    }

    # A test hook of the sandbox; a body that is not a string is sent as JSON.
    function Invoke-SandboxHook {
        param([string]$Method, [string]$Path, $Body)

        $request = @{ Method = $Method; Uri = $script:Sandbox.Base + $Path }
        if ($null -ne $Body) {
            $request.Body = if ($Body -is [string]) { $Body } else { ConvertTo-Json -InputObject $Body -Depth 20 -Compress }
            $request.ContentType = 'application/json'
        }

        # Invoke-RestMethod writes a JSON array as ONE object; its items are what callers filter.
        foreach ($item in (Invoke-RestMethod @request)) {
            $item
        }
    }

    # The sandbox state as text, with the admin app registration requesting $SeededPermissions (JsonNode: the rest of the
    # state goes back byte for byte, dates included).
    function Get-FreshState {
        $text = (Invoke-WebRequest -Uri ($script:Sandbox.Base + '/_sandbox/state')).Content
        $state = [System.Text.Json.Nodes.JsonNode]::Parse($text)
        $appId = $script:Sandbox.Description.adminClientId
        foreach ($tenant in $state['tenants'].AsArray()) {
            foreach ($app in $tenant['applications'].AsArray()) {
                if ($app['appId'].ToString() -eq $appId) {
                    $access = [System.Text.Json.Nodes.JsonArray]::new()
                    foreach ($permission in $script:SeededPermissions) {
                        $access.Add([System.Text.Json.Nodes.JsonNode]::Parse((@{ id = $permission.id; type = $permission.type } | ConvertTo-Json -Compress)))
                    }

                    $resource = [System.Text.Json.Nodes.JsonObject]::new()
                    $resource['resourceAppId'] = [System.Text.Json.Nodes.JsonValue]::Create($script:GraphAppId)
                    $resource['resourceAccess'] = $access
                    $list = [System.Text.Json.Nodes.JsonArray]::new()
                    $list.Add($resource)
                    $app['requiredResourceAccess'] = $list
                }
            }
        }

        $state.ToJsonString()
    }

    # "resource|id|type" for each permission an app registration (from GET /_sandbox/state) requests.
    function Get-PermissionEntry {
        param($App)

        foreach ($resource in @($App.requiredResourceAccess)) {
            foreach ($access in @($resource.resourceAccess)) {
                ('{0}|{1}|{2}' -f $resource.resourceAppId, $access.id, $access.type).ToLowerInvariant()
            }
        }
    }

    function Get-SeededEntry {
        foreach ($permission in $script:SeededPermissions) {
            ('{0}|{1}|{2}' -f $permission.resourceAppId, $permission.id, $permission.type).ToLowerInvariant()
        }
    }

    function Get-AdminApp {
        param($State)

        $tenant = $State.tenants | Where-Object id -EQ $script:Sandbox.Description.tenantId
        @($tenant.applications | Where-Object appId -EQ $script:Sandbox.Description.adminClientId)
    }

    function Get-GroupCount {
        param($Groups, [string]$Name)
        $group = $Groups | Where-Object Name -EQ $Name
        if ($group) { $group.Count } else { 0 }
    }

    # Sends SIGINT, what Ctrl+C sends to the foreground process (the kill program: 'kill' in pwsh is Stop-Process).
    function Send-Interrupt {
        param([int]$ProcessId)

        $kill = (Get-Command -Name kill -CommandType Application -ErrorAction Stop | Select-Object -First 1).Source
        & $kill -s INT $ProcessId
        if ($LASTEXITCODE -ne 0) {
            throw "kill -s INT $ProcessId failed with exit code $LASTEXITCODE."
        }
    }

    # A time from the sandbox's JSON as UTC ticks: the identity's createdOn and its request's timeUtc are the same value.
    function Get-TimeKey {
        param($Value)

        if ($Value -is [datetime]) { return $Value.ToUniversalTime().Ticks }
        if ($Value -is [datetimeoffset]) { return $Value.UtcTicks }
        [datetimeoffset]::Parse([string]$Value, [cultureinfo]::InvariantCulture).UtcTicks
    }

    # Accounts for every ACS identity the sandbox holds after a stopped bulk run. Written: the ids on stdout. Listed:
    # the ids the stop summary lists as created as it stopped. Errors: the ConnectionFailed errors ("may have been
    # created"). CutOff: the requests the summary says were cut off. The sandbox may hold at most Errors + CutOff
    # identities that are neither written nor listed; each of those is traced to the request that created it.
    function Measure-IdentityRecord {
        param([string[]]$Written, [string[]]$Listed, [int]$Errors, [int]$CutOff)

        $state = Invoke-SandboxHook GET /_sandbox/state
        $log = @(Invoke-SandboxHook GET /_sandbox/requests | Where-Object { $_.method -eq 'POST' -and $_.pathAndQuery -like '/identities*' })
        $held = @($state.acsIdentities)
        $known = [System.Collections.Generic.HashSet[string]]::new([string[]](@($Written) + @($Listed)))
        $heldIds = [System.Collections.Generic.HashSet[string]]::new([string[]]@($held.id))
        $unknown = @($held | Where-Object { -not $known.Contains($_.id) })
        $requests = @{}
        foreach ($entry in $log) {
            $requests[(Get-TimeKey $entry.timeUtc)] = $entry
        }

        $traced = foreach ($identity in $unknown) {
            $request = $requests[(Get-TimeKey $identity.createdOn)]
            [pscustomobject]@{
                Id       = $identity.id
                Sequence = $request.sequence
                Outcome  = if (-not $request) { 'no request found' } elseif ($request.fault) { $request.fault } else { [string]$request.status }
            }
        }

        [pscustomobject]@{
            Held             = $held.Count
            Written          = @($Written).Count
            Duplicates       = @($Written).Count - @($Written | Select-Object -Unique).Count
            Listed           = @($Listed).Count
            Errors           = $Errors
            CutOff           = $CutOff
            Unknown          = $unknown.Count
            Unaccounted      = [Math]::Max(0, $unknown.Count - $Errors - $CutOff)
            NotHeld          = @(@($Written) + @($Listed) | Where-Object { -not $heldIds.Contains($_) }).Count
            CutAnswers       = @($log | Where-Object fault -EQ 'reset-after-processing').Count
            UnknownByOutcome = (@($traced | Group-Object Outcome | Sort-Object Name | ForEach-Object { "$($_.Name) x$($_.Count)" }) -join ', ')
            Traced           = @($traced)
            LastRequests     = @($log | Select-Object -Last 12 | ForEach-Object { "#$($_.sequence) $($_.status) $($_.fault)" })
        }
    }

    # What the failure message shows: the identities neither written nor listed, by the request that created them
    # (answered ones in full: a cut answer is expected to have its ConnectionFailed error), and the stop summary.
    function Format-IdentityTrace {
        param($Record, $Summary)
        $answered = @($Record.Traced | Where-Object Outcome -NE 'reset-after-processing' | ForEach-Object { "$($_.Id) <- request #$($_.Sequence) $($_.Outcome)" })
        "identities neither written nor listed: $($Record.UnknownByOutcome) (ConnectionFailed errors $($Record.Errors), cut off $($Record.CutOff)); not cut: $($answered -join '; '); last requests: $($Record.LastRequests -join ', '); summary: '$($Summary.Text)'"
    }
}

AfterAll {
    Disconnect-AcsTeamsAdmin -ErrorAction SilentlyContinue | Out-Null
    Remove-Module AcsTeamsAdmin -Force -ErrorAction SilentlyContinue
}

Describe 'Campaign: faults' {
    BeforeAll {
        $script:Sandbox = Start-LoopbackSandbox
        $script:FreshState = Get-FreshState
        $script:Secret = ConvertTo-SecureString $script:Sandbox.Description.adminClientSecret -AsPlainText -Force
        $script:TokenPath = "/$($script:Sandbox.Description.tenantId)/oauth2/v2.0/token"
    }

    AfterAll {
        Disconnect-AcsTeamsAdmin -ErrorAction SilentlyContinue | Out-Null
        Stop-LoopbackSandbox $script:Sandbox
    }

    It 'converges in every one of 200 one-shot setups under seeded 429/503/504 and TCP resets, creating nothing twice' {
        $runs = 200
        $description = $script:Sandbox.Description
        $tenantId = $description.tenantId
        $appId = $description.adminClientId
        $seeded = @(Get-SeededEntry)

        # Costly faults: no Retry-After, so each is retried after the shipped back-off (0.4 to 0.8 s), and a reset of a
        # PATCH also lengthens its settle. One in every 8 runs gets one of them, in turn, so every kind and every write
        # is met; the writes' resets after processing are the dangerous ones (the change is made, the answer lost).
        $token = $script:TokenPath
        $costly = @(
            @{ kind = 'ConnectionReset'; afterProcessing = $true; method = 'POST'; pathPrefix = '/v1.0/oauth2PermissionGrants'; onRequests = @(1) }
            @{ kind = 'ConnectionReset'; afterProcessing = $true; method = 'PATCH'; pathPrefix = '/v1.0/servicePrincipals'; onRequests = @(1) }
            @{ kind = 'ConnectionReset'; afterProcessing = $true; method = 'PATCH'; pathPrefix = '/v1.0/applications'; onRequests = @(1) }
            @{ kind = 'ConnectionReset'; afterProcessing = $true; pathPrefix = '/v1.0/'; rate = 0.3; maxFaults = 1 }
            @{ kind = 'ConnectionReset'; method = 'POST'; pathPrefix = '/v1.0/oauth2PermissionGrants'; onRequests = @(1) }
            @{ kind = 'ConnectionReset'; pathPrefix = '/v1.0/'; rate = 0.3; maxFaults = 1 }
            @{ kind = 'GatewayTimeout'; pathPrefix = '/v1.0/'; rate = 0.3; maxFaults = 1 }
            @{ kind = 'ConnectionReset'; pathPrefix = $token; onRequests = @(1) }
            @{ kind = 'ConnectionReset'; afterProcessing = $true; pathPrefix = $token; onRequests = @(1) }
            @{ kind = 'TooManyRequests'; pathPrefix = $token; onRequests = @(1); retryAfterSeconds = 0.1 }
            @{ kind = 'ServiceUnavailable'; pathPrefix = $token; onRequests = @(1); retryAfterSeconds = 0.1 }
            @{ kind = 'GatewayTimeout'; pathPrefix = $token; onRequests = @(1) }
        )

        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $problems = [System.Collections.Generic.List[string]]::new()
        $faults = [System.Collections.Generic.List[object]]::new()
        $converged = 0
        $gaveUp = 0
        $duplicates = 0
        foreach ($run in 1..$runs) {
            # Cheap faults on every run: 429 and 503 on any Graph call, with a seeded Retry-After of 0.02 to 0.2 s.
            $random = [System.Random]::new(20261206 + $run)
            $retryAfter = [Math]::Round(0.02 + ($random.NextDouble() * 0.18), 2)
            $rules = [System.Collections.Generic.List[object]]::new()
            $rules.Add(@{ kind = 'TooManyRequests'; rate = 0.025; seed = ($run * 10) + 1; pathPrefix = '/v1.0/'; retryAfterSeconds = $retryAfter })
            $rules.Add(@{ kind = 'ServiceUnavailable'; rate = 0.025; seed = ($run * 10) + 2; pathPrefix = '/v1.0/'; retryAfterSeconds = $retryAfter })
            if ($run % 8 -eq 0) {
                $rule = $costly[(($run / 8) - 1) % $costly.Count].Clone()
                $rule.seed = ($run * 10) + 3
                $rules.Add($rule)
            }

            Invoke-SandboxHook PUT /_sandbox/state $script:FreshState | Out-Null
            Invoke-SandboxHook DELETE /_sandbox/faults | Out-Null
            Invoke-SandboxHook DELETE /_sandbox/requests | Out-Null
            Invoke-SandboxHook POST /_sandbox/faults @($rules) | Out-Null

            $problem = $null
            $records = @()
            $errors = @()
            try {
                Connect-AcsTeamsAdmin -TenantId $tenantId -ClientId $appId -ClientSecret $script:Secret -AuthorityHost $description.authorityHost -GraphEndpoint $description.graphEndpoint -ErrorAction Stop | Out-Null
                $records = @(Initialize-AcsTeams -AppId $appId -Confirm:$false -Verbose -ErrorAction SilentlyContinue -ErrorVariable errors 4>&1)
            }
            catch {
                $problem = "stopped with $($_.FullyQualifiedErrorId): $_"
            }

            Invoke-SandboxHook DELETE /_sandbox/faults | Out-Null
            $log = @(Invoke-SandboxHook GET /_sandbox/requests | Where-Object { $null -eq $_.parentSequence })
            foreach ($entry in $log | Where-Object fault) {
                $faults.Add([pscustomobject]@{ Fault = $entry.fault; Token = $entry.pathAndQuery.StartsWith($script:TokenPath) })
            }

            $verbose = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
            $checks = @($records | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
            if ($errors.Count -gt 0 -or @($verbose | Where-Object Message -Match 'not retried again').Count -gt 0) {
                $gaveUp++
            }

            if (-not $problem -and $errors.Count -gt 0) {
                $problem = 'errors: ' + (@($errors | ForEach-Object { "$($_.FullyQualifiedErrorId): $_" }) -join '; ')
            }

            $notPassing = @($checks | Where-Object { "$($_.Status)" -ne 'Pass' })
            if (-not $problem -and ($checks.Count -eq 0 -or $notPassing.Count -gt 0)) {
                $problem = "checks not passing: $(@($notPassing | ForEach-Object { "$($_.Name)=$($_.Status)/$($_.Change)" }) -join ', ') (of $($checks.Count))"
            }

            # The tenant as one clean setup leaves it.
            $state = Invoke-SandboxHook GET /_sandbox/state
            $tenant = $state.tenants | Where-Object id -EQ $tenantId
            $acs = @($tenant.servicePrincipals | Where-Object appId -EQ $script:AcsAppId)
            $client = @($tenant.servicePrincipals | Where-Object appId -EQ $appId)
            $grants = @($tenant.oAuth2PermissionGrants | Where-Object { $_.clientId -in $client.id -and $_.resourceId -in $acs.id })
            $apps = @(Get-AdminApp $state)
            $entries = @(Get-PermissionEntry $apps[0])
            $scopes = @(if ($grants.Count -gt 0) { "$($grants[0].scope)".Split(' ', [System.StringSplitOptions]::RemoveEmptyEntries) })
            $twice = ($entries.Count - @($entries | Select-Object -Unique).Count) +
                ($scopes.Count - @($scopes | Sort-Object -Unique).Count) +
                [Math]::Max(0, $acs.Count - 1) + [Math]::Max(0, $grants.Count - 1) + [Math]::Max(0, $client.Count - 1) +
                (@($apps[0].requiredResourceAccess).Count - @($apps[0].requiredResourceAccess.resourceAppId | Sort-Object -Unique).Count)
            $duplicates += $twice
            if (-not $problem) {
                $problem = if ($acs.Count -ne 1 -or $client.Count -ne 1 -or $grants.Count -ne 1) {
                    "expected one ACS service principal, one client service principal and one grant; found $($acs.Count), $($client.Count), $($grants.Count)"
                }
                elseif ($grants[0].consentType -ne 'AllPrincipals' -or @('Teams.ManageCalls', 'Teams.ManageChats' | Where-Object { $_ -notin $scopes }).Count -gt 0) {
                    "the grant is $($grants[0].consentType) with scope '$($grants[0].scope)'"
                }
                elseif ($twice -gt 0) {
                    "$twice duplicated entr(ies): app permissions $($entries -join ', '); grant scope '$($grants[0].scope)'"
                }
                elseif (@($seeded | Where-Object { $_ -notin $entries }).Count -gt 0) {
                    "the app lost permissions it had: it requests $($entries -join ', ')"
                }
                elseif (@($script:AcsScopeIds['Teams.ManageCalls'], $script:AcsScopeIds['Teams.ManageChats'] | Where-Object { "$($script:AcsAppId)|$_|scope" -notin $entries }).Count -gt 0) {
                    "the app lacks the ACS permissions: it requests $($entries -join ', ')"
                }
            }

            if ($problem) {
                $injected = @($log | Where-Object fault | ForEach-Object { "$($_.method) $($_.pathAndQuery.Split('?')[0]) $($_.fault)" }) -join '; '
                $problems.Add("run $run (faults: $injected): $problem")
            }
            else {
                $converged++
            }
        }

        $clock.Stop()
        Disconnect-AcsTeamsAdmin -ErrorAction SilentlyContinue | Out-Null
        $byKind = $faults | Group-Object Fault
        $onToken = @($faults | Where-Object Token).Count
        Write-Host ('campaign faults: runs converged {0}/{1}, duplicates {2}, faults injected {3} (429 {4}, 503 {5}, 504 {6}, reset {7}, reset after processing {8}; {9} of them on the token endpoint), runs that gave up {10}, {11:0.0} s' -f
            $converged, $runs, $duplicates, $faults.Count, (Get-GroupCount $byKind '429'), (Get-GroupCount $byKind '503'), (Get-GroupCount $byKind '504'),
            (Get-GroupCount $byKind 'reset'), (Get-GroupCount $byKind 'reset-after-processing'), $onToken, $gaveUp, $clock.Elapsed.TotalSeconds)
        foreach ($problem in $problems) {
            Write-Host "  $problem"
        }

        $problems | Should -BeNullOrEmpty
        $converged | Should -Be $runs
        $duplicates | Should -Be 0
        $gaveUp | Should -Be 0
        # The plan must really have reached every kind of fault, or the campaign proves less than it says.
        foreach ($kind in '429', '503', '504', 'reset', 'reset-after-processing') {
            Get-GroupCount $byKind $kind | Should -BeGreaterThan 0 -Because "the plan injects $kind faults"
        }

        $onToken | Should -BeGreaterThan 0
    }
}

# Sending SIGINT needs a POSIX system; on Windows Ctrl+C cannot be sent to another console process this way.
Describe 'Campaign: bulk' -Skip:$IsWindows {
    BeforeAll {
        $script:Sandbox = Start-LoopbackSandbox
        $script:FreshState = (Invoke-WebRequest -Uri ($script:Sandbox.Base + '/_sandbox/state')).Content
        $script:BulkStops = [System.Collections.Generic.List[object]]::new()
        $script:BulkClock = [System.Diagnostics.Stopwatch]::StartNew()

        # A fresh state, and 5% of the answers to POST /identities cut after the identity was created.
        function Reset-BulkSandbox {
            param([int]$Seed)

            Invoke-SandboxHook PUT /_sandbox/state $script:FreshState | Out-Null
            Invoke-SandboxHook DELETE /_sandbox/faults | Out-Null
            Invoke-SandboxHook DELETE /_sandbox/requests | Out-Null
            Invoke-SandboxHook POST /_sandbox/faults @{ kind = 'ConnectionReset'; rate = 0.05; seed = $Seed; afterProcessing = $true; method = 'POST'; pathPrefix = '/identities' } | Out-Null
        }

        # Reads the child's stdout to its end, sending SIGINT once 500 identities have come; the lines and the exit code.
        # Read in blocks, not line by line: a slow reader lets the pipe fill, and the child runs far ahead of the count.
        function Invoke-StoppedHalfway {
            param($Started, [regex]$Identity)

            $reader = $Started.Process.StandardOutput
            $block = [char[]]::new(65536)
            $text = [System.Text.StringBuilder]::new()
            $scanned = 0
            $seen = 0
            $interrupted = $false
            while ($true) {
                $read = $reader.ReadAsync($block, 0, $block.Length)
                if (-not $read.Wait([TimeSpan]::FromSeconds(60))) {
                    $Started.Process.Kill($true)
                    throw "No output from process $($Started.Process.Id) for 60 s; killed it."
                }

                if ($read.Result -eq 0) {
                    break
                }

                $null = $text.Append($block, 0, $read.Result)
                if (-not $interrupted) {
                    $end = $text.ToString().LastIndexOf("`n")
                    if ($end -ge $scanned) {
                        $seen += $Identity.Matches($text.ToString($scanned, $end + 1 - $scanned)).Count
                        $scanned = $end + 1
                    }

                    if ($seen -ge 500) {
                        Send-Interrupt -ProcessId $Started.Process.Id
                        $interrupted = $true
                    }
                }
            }

            if (-not $Started.Process.WaitForExit(60000)) {
                $Started.Process.Kill($true)
                throw 'The interrupted process did not exit within 60 s.'
            }

            [pscustomobject]@{
                Stdout      = @($text.ToString() -split '\r?\n' | Where-Object { $_ })
                StdoutText  = $text.ToString()
                Stderr      = @($Started.Stderr.Result -split '\r?\n' | Where-Object { $_ })
                ExitCode    = $Started.Process.ExitCode
                Interrupted = $interrupted
                SeenAtStop  = $seen
            }
        }

        # The stop summary: "Stopped: N ACS identities were created and written out; M more were created as it
        # stopped: <ids>; K request(s) were cut off ...".
        function Read-StopSummary {
            param([string[]]$Lines)

            $summary = @($Lines | Where-Object { $_ -match 'Stopped: \d+ ACS identit' })
            $text = "$($summary | Select-Object -First 1)"
            [pscustomobject]@{
                Count   = $summary.Count
                Text    = $text
                Written = if ($text -match 'Stopped: (\d+) ') { [int]$Matches[1] } else { -1 }
                Listed  = @([regex]::Matches($text, '8:acs:[^\s,;.]+') | ForEach-Object Value)
                CutOff  = if ($text -match '(\d+) request\(s\) were cut off') { [int]$Matches[1] } else { 0 }
            }
        }
    }

    AfterAll {
        $frontEnds = foreach ($frontEnd in 'pwsh', 'acsteams') {
            $stops = @($script:BulkStops | Where-Object FrontEnd -EQ $frontEnd)
            if ($stops.Count -eq 0) {
                continue
            }

            $records = @($stops.Record)
            $sum = { param($name) [int](@($records | ForEach-Object { $_.$name }) | Measure-Object -Sum).Sum }
            '{0} {1} stop(s) at {2} ids read: written {3}, listed as created as it stopped {4}, ConnectionFailed {5}, cut off {6}; the sandbox held {7}, {8} of them neither written nor listed; unaccounted {9}, written twice {10}, stop summaries missing {11}' -f
            $frontEnd, $stops.Count, ($stops.SeenAtStop -join '/'), (& $sum Written), (& $sum Listed), (& $sum Errors), (& $sum CutOff), (& $sum Held), (& $sum Unknown),
            (& $sum Unaccounted), (& $sum Duplicates), @($stops | Where-Object SummaryMissing).Count
        }

        $cut = [int](@($script:BulkStops | ForEach-Object { $_.Record.CutAnswers }) | Measure-Object -Sum).Sum
        Write-Host ('campaign bulk: New-AcsIdentity -Count 1000 stopped by SIGINT half-way, 5% of answers cut ({0} in all); {1}; {2:0.0} s' -f
            $cut, ($frontEnds -join '; '), $script:BulkClock.Elapsed.TotalSeconds)
        Stop-LoopbackSandbox $script:Sandbox
    }

    # Several stops each: the accounting holes are races at the moment of the stop, so one stop may miss them.
    It 'New-AcsIdentity in pwsh, stopped by SIGINT half-way, writes out, lists or reports every identity it created (stop <Stop>)' -ForEach @(
        @{ Stop = 1; Seed = 7 }
        @{ Stop = 2; Seed = 8 }
    ) {
        Reset-BulkSandbox -Seed $Seed
        $script = "Import-Module -Name '{0}' -ErrorAction Stop; New-AcsIdentity -Count 1000 -ThrottleLimit 8 -ConnectionString `$env:ACSTEAMS_CAMPAIGN_CONNECTION_STRING -Confirm:`$false | ForEach-Object {{ `$_.Id }}" -f $script:Manifest.Replace("'", "''")
        $started = Start-RedirectedProcess -Command (Get-ChildPwshCommand) -Arguments '-NoProfile', '-NonInteractive', '-Command', $script -Environment @{
            ACSTEAMS_CAMPAIGN_CONNECTION_STRING = $script:Sandbox.Description.acsConnectionString
            NO_COLOR                            = '1'
        }
        $run = Invoke-StoppedHalfway -Started $started -Identity '(?m)^8:acs:\S+$'

        # pwsh's console host writes the cmdlet's host warning on stdout; errors go to stderr, one per failed identity.
        $written = @($run.Stdout | Where-Object { $_ -match '^8:acs:\S+$' })
        $summary = Read-StopSummary -Lines (@($run.Stdout) + @($run.Stderr))
        $failed = @($run.Stderr | Where-Object { $_ -match '^New-AcsIdentity: .*dropped before it answered' })
        $other = @($run.Stderr | Where-Object { $_ -match '^New-AcsIdentity: ' -and $_ -notmatch 'dropped before it answered' })
        $record = Measure-IdentityRecord -Written $written -Listed $summary.Listed -Errors $failed.Count -CutOff $summary.CutOff
        $script:BulkStops.Add([pscustomobject]@{ FrontEnd = 'pwsh'; SeenAtStop = $run.SeenAtStop; Record = $record; SummaryMissing = $summary.Count -ne 1 })
        $trace = Format-IdentityTrace $record $summary

        $run.Interrupted | Should -BeTrue -Because 'the run must get half-way before it is stopped'
        $record.Written + $record.Listed | Should -BeLessThan 1000 -Because 'SIGINT stops the pipeline before the end'
        $other | Should -BeNullOrEmpty
        $record.Duplicates | Should -Be 0 -Because 'no identity may be written twice'
        $record.NotHeld | Should -Be 0 -Because 'every identity written or listed must exist'
        $summary.Count | Should -Be 1 -Because "a stop must write its summary to the host, or the identities created as it stopped are lost ($trace)"
        # The identity being written when the stop came may have reached ForEach-Object before the stop did: WriteObject
        # throws either way, so the summary lists it instead of counting it. Never more than that one.
        $writtenAndListed = @($written | Where-Object { $summary.Listed -contains $_ })
        $writtenAndListed.Count | Should -BeLessOrEqual 1 -Because "only the identity being written as the stop came may be both written and listed ($trace)"
        $summary.Written | Should -Be ($record.Written - $writtenAndListed.Count) -Because 'the summary counts the identities written out'
        $record.Unaccounted | Should -Be 0 -Because $trace
    }

    It 'acsteams New-AcsIdentity --output json, stopped by SIGINT half-way, keeps a complete JSON array and accounts for every identity (stop <Stop>)' -ForEach @(
        1..6 | ForEach-Object { @{ Stop = $_; Seed = 10 + $_ } }
    ) {
        Reset-BulkSandbox -Seed $Seed
        $started = Start-RedirectedProcess -Command (Get-AcsteamsCommand) -Arguments 'New-AcsIdentity', '--count', '1000', '--throttle-limit', '8', '--output', 'json' -Environment @{
            ACSTEAMS_ACS_CONNECTION_STRING = $script:Sandbox.Description.acsConnectionString
        }
        $run = Invoke-StoppedHalfway -Started $started -Identity '"Id": "8:acs:'

        $json = $run.StdoutText
        $parsed = try { ConvertFrom-Json -InputObject $json -NoEnumerate -ErrorAction Stop } catch { "not JSON: $_" }
        $parsed -is [array] | Should -BeTrue -Because "stdout must be a complete JSON array even when interrupted ($parsed)"
        $written = @($parsed.Id)
        $summary = Read-StopSummary -Lines $run.Stderr
        $failed = @($run.Stderr | Where-Object { $_ -match '^acsteams: error ConnectionFailed: ' })
        $other = @($run.Stderr | Where-Object { $_ -match '^acsteams: error' -and $_ -notmatch '^acsteams: error ConnectionFailed: ' })
        $record = Measure-IdentityRecord -Written $written -Listed $summary.Listed -Errors $failed.Count -CutOff $summary.CutOff
        $script:BulkStops.Add([pscustomobject]@{ FrontEnd = 'acsteams'; SeenAtStop = $run.SeenAtStop; Record = $record; SummaryMissing = $summary.Count -ne 1 })
        $trace = Format-IdentityTrace $record $summary

        $run.Interrupted | Should -BeTrue -Because 'the run must get half-way before it is stopped'
        $run.ExitCode | Should -Be 130
        $json.TrimStart() | Should -BeLike '`[*'
        $json.TrimEnd() | Should -BeLike '*`]'
        $record.Written | Should -BeLessThan 1000 -Because 'SIGINT stops the command before the end'
        $other | Should -BeNullOrEmpty
        $failed.Count | Should -BeLessOrEqual $record.CutAnswers -Because 'stderr has one ConnectionFailed line per cut answer, no more'
        $record.Duplicates | Should -Be 0 -Because 'no identity may be written twice'
        $record.NotHeld | Should -Be 0 -Because 'every identity written must exist'
        $summary.Count | Should -Be 1 -Because 'a stop writes one Stopped: warning'
        $summary.Listed | Should -BeNullOrEmpty -Because 'acsteams writes the identities created as it stopped to stdout'
        $summary.Written | Should -Be $record.Written -Because 'the summary counts the identities written out'
        $record.Unaccounted | Should -Be 0 -Because $trace
    }
}

Describe 'Campaign: concurrent edits' {
    BeforeAll {
        $script:Sandbox = Start-LoopbackSandbox
        $script:FreshState = Get-FreshState
    }

    AfterAll {
        Stop-LoopbackSandbox $script:Sandbox
    }

    It 'keeps every change a writer reported done, and every permission the app had, with 5 writers at once x 20 rounds' {
        $rounds = 20
        $writers = 5
        $description = $script:Sandbox.Description
        $seeded = @(Get-SeededEntry)
        # What each writer adds besides its redirect URI http://localhost:600N/ (every writer adds the default ACS scopes,
        # Teams.ManageCalls and Teams.ManageChats, unless -Scope names others).
        $asks = @{
            1 = @{}
            2 = @{ Scope = 'TeamsExtension.ManageCalls' }
            3 = @{ IncludeLegacyVoip = $true }
            4 = @{ Scope = 'Teams.ManageCalls', 'VoIP' }
            5 = @{}
        }

        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $problems = [System.Collections.Generic.List[string]]::new()
        $done = 0
        $concurrently = 0
        $merges = 0
        $missing = 0
        $otherErrors = 0
        foreach ($round in 1..$rounds) {
            Invoke-SandboxHook PUT /_sandbox/state $script:FreshState | Out-Null
            # Every writer imports and connects first, then all write at once.
            $start = [System.Threading.Barrier]::new($writers)
            $results = 1..$writers | ForEach-Object -ThrottleLimit $writers -Parallel {
                $writer = $_
                $sandbox = $using:description
                $ask = ($using:asks)[$writer]
                $barrier = $using:start
                $setup = $null
                try {
                    Import-Module $using:Manifest -ErrorAction Stop
                    $secret = ConvertTo-SecureString $sandbox.adminClientSecret -AsPlainText -Force
                    Connect-AcsTeamsAdmin -TenantId $sandbox.tenantId -ClientId $sandbox.adminClientId -ClientSecret $secret -AuthorityHost $sandbox.authorityHost -GraphEndpoint $sandbox.graphEndpoint -ErrorAction Stop | Out-Null
                }
                catch {
                    $setup = $_
                }
                finally {
                    $null = $barrier.SignalAndWait([TimeSpan]::FromSeconds(60))
                }

                $uri = "http://localhost:600$writer/"
                $records = @()
                $errors = @()
                if (-not $setup) {
                    $records = @(Set-AcsVoipPermission -ApplicationId $sandbox.adminClientId -RedirectUri $uri @ask -PassThru -Confirm:$false -Verbose -ErrorAction SilentlyContinue -ErrorVariable errors 4>&1)
                    Disconnect-AcsTeamsAdmin -ErrorAction SilentlyContinue | Out-Null
                }

                $app = @($records | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }) | Select-Object -First 1
                [pscustomobject]@{
                    Writer         = $writer
                    Uri            = $uri
                    Scopes         = if ($ask.Scope) { @($ask.Scope) } else { @('Teams.ManageCalls', 'Teams.ManageChats') + @(if ($ask.IncludeLegacyVoip) { 'VoIP' }) }
                    Done           = [bool]($app -and @($app.PublicClientRedirectUris) -contains $uri)
                    AppPermissions = if ($app) { @($app.AcsPermissions) } else { @() }
                    ErrorIds       = @(@($errors) + @($setup | Where-Object { $_ }) | ForEach-Object { "$($_.FullyQualifiedErrorId)".Split(',')[0] })
                    Errors         = @(@($errors) + @($setup | Where-Object { $_ }) | ForEach-Object { "$_" })
                    Merges         = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match 'merging again' }).Count
                }
            }
            $start.Dispose()

            $app = @(Get-AdminApp (Invoke-SandboxHook GET /_sandbox/state))[0]
            $entries = @(Get-PermissionEntry $app)
            $redirects = @($app.publicClient.redirectUris)
            foreach ($result in $results) {
                $merges += $result.Merges
                $concurrently += @($result.ErrorIds | Where-Object { $_ -eq 'ApplicationChangedConcurrently' }).Count
                $unexpected = @($result.ErrorIds | Where-Object { $_ -ne 'ApplicationChangedConcurrently' })
                if ($unexpected.Count -gt 0) {
                    $otherErrors += $unexpected.Count
                    $problems.Add("round $round, writer $($result.Writer): $($result.Errors -join '; ')")
                }

                if (-not $result.Done) {
                    continue
                }

                $done++
                # What it reported done, checked against the app as every writer left it.
                $lost = @(
                    if ($redirects -notcontains $result.Uri) { $result.Uri }
                    foreach ($scope in $result.Scopes) {
                        if ($result.AppPermissions -notcontains $scope) { "$scope (not in its own -PassThru output)" }
                        elseif ("$($script:AcsAppId)|$($script:AcsScopeIds[$scope])|scope" -notin $entries) { $scope }
                    }
                )
                if ($lost.Count -gt 0) {
                    $missing += $lost.Count
                    $problems.Add("round $round, writer $($result.Writer) reported done, but the app lacks: $($lost -join ', ') (it has redirect URIs $($redirects -join ', '); permissions $($entries -join ', '))")
                }
            }

            $gone = @(@($seeded | Where-Object { $_ -notin $entries }) + @(if ($redirects -notcontains 'http://localhost') { 'http://localhost' }))
            $twice = ($entries.Count - @($entries | Select-Object -Unique).Count) + ($redirects.Count - @($redirects | Select-Object -Unique).Count)
            if ($gone.Count -gt 0 -or $twice -gt 0) {
                $missing += $gone.Count
                $problems.Add("round $($round): the app lost what it had ($($gone -join ', ')) or holds $twice duplicate(s): permissions $($entries -join ', '); redirect URIs $($redirects -join ', ')")
            }
        }

        $clock.Stop()
        Write-Host ('campaign concurrent edits: writes {0}, reported done {1}, missing at the end {2}, ApplicationChangedConcurrently {3}, other errors {4}, merges {5}, {6:0.0} s' -f
            ($rounds * $writers), $done, $missing, $concurrently, $otherErrors, $merges, $clock.Elapsed.TotalSeconds)
        foreach ($problem in $problems) {
            Write-Host "  $problem"
        }

        $problems | Should -BeNullOrEmpty
        $missing | Should -Be 0
        $otherErrors | Should -Be 0
        $done + $concurrently | Should -Be ($rounds * $writers) -Because 'every writer either reports its change done or says the app changed concurrently'
        $done | Should -BeGreaterThan 0
    }
}
