#Requires -Version 7.4

# Shared by the end-to-end test files (Examples, ErrorIds, EndToEnd, Host): where the built module and
# the acsteams command line are, the loopback sandbox (acsteams sandbox) and its test hooks, a stub
# HTTP service that answers with whatever status a test asks for, fresh runspaces that run a script
# with the module imported and report every stream, and the parsing of docs/en-US/<cmdlet>.md.
# Not a test file: Pester runs *.Tests.ps1 only.

Set-StrictMode -Version 3.0

$script:RepoRoot = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..'))

function Get-E2EPath {
    <# The paths the end-to-end tests use: the built manifest, the acsteams CLI (newest build), the docs. #>
    $manifest = [System.IO.Path]::Combine($script:RepoRoot, 'out', 'AcsTeamsAdmin', 'AcsTeamsAdmin.psd1')
    if (-not (Test-Path -LiteralPath $manifest)) {
        throw "The module is not built: $manifest is missing. Run ./build.ps1 -Task Build first."
    }

    # The portable build (net8.0), not the one built for the newest runtime or a platform's publish.
    $cli = Get-ChildItem -Path ([System.IO.Path]::Combine($script:RepoRoot, 'src', 'AcsTeamsAdmin.Cli', 'bin', '*', 'net8.0', 'acsteams.dll')) -File -ErrorAction SilentlyContinue |
        Sort-Object LastWriteTimeUtc -Descending | Select-Object -First 1
    if (-not $cli) {
        throw 'The acsteams command line is not built (src/AcsTeamsAdmin.Cli/bin/*/net8.0/acsteams.dll). Run ./build.ps1 -Task Build first.'
    }

    [pscustomobject]@{
        RepoRoot = $script:RepoRoot
        Manifest = $manifest
        Cli      = $cli.FullName
        Docs     = [System.IO.Path]::Combine($script:RepoRoot, 'docs', 'en-US')
        Examples = [System.IO.Path]::Combine($script:RepoRoot, 'docs', 'examples')
    }
}

function Get-E2EExportedCmdlet {
    <# CmdletsToExport of the built manifest: what every per-cmdlet table must cover. #>
    @((Import-PowerShellDataFile -LiteralPath (Get-E2EPath).Manifest).CmdletsToExport)
}

#region The loopback sandbox (acsteams sandbox --port 0)

function Start-E2ESandbox {
    <#
    Starts `acsteams sandbox --port 0` and returns its description (the first stdout line) with the
    process and the base address. Stop it with Stop-E2ESandbox.
    #>
    param([string]$StatePath)

    $paths = Get-E2EPath
    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    $start.ArgumentList.Add($paths.Cli)
    $start.ArgumentList.Add('sandbox')
    $start.ArgumentList.Add('--port')
    $start.ArgumentList.Add('0')
    if ($StatePath) {
        $start.ArgumentList.Add('--state')
        $start.ArgumentList.Add($StatePath)
    }

    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($start)
    # stderr carries "Sandbox listening on ..." (and a crash's trace): read to its end in the background.
    $stderr = $process.StandardError.ReadToEndAsync()
    $line = $process.StandardOutput.ReadLineAsync()
    if (-not $line.Wait([TimeSpan]::FromSeconds(30)) -or -not $line.Result) {
        try { $process.Kill($true) } catch { }
        throw 'acsteams sandbox wrote no description within 30 seconds.'
    }

    $description = $line.Result | ConvertFrom-Json
    [pscustomobject]@{
        Process     = $process
        Description = $description
        Base        = $description.authorityHost.TrimEnd('/')
        Stderr      = $stderr
    }
}

function Assert-E2ESandbox {
    <# Throws, with what the process wrote on stderr, when a loopback sandbox has ended. #>
    param([Parameter(Mandatory)] $Sandbox)
    if ($Sandbox.Process.HasExited) {
        $null = $Sandbox.Stderr.Wait(2000)
        throw "The loopback sandbox at $($Sandbox.Base) ended (exit code $($Sandbox.Process.ExitCode)): $($Sandbox.Stderr.Result)"
    }
}

function Stop-E2ESandbox {
    param($Sandbox)
    if ($Sandbox -and $Sandbox.Process -and -not $Sandbox.Process.HasExited) {
        $Sandbox.Process.Kill($true)
        $null = $Sandbox.Process.WaitForExit(10000)
    }
}

function Invoke-E2ESandboxHook {
    <# Calls a /_sandbox/... test hook of a loopback sandbox; -Body is sent as JSON. #>
    param(
        [Parameter(Mandatory)] $Sandbox,
        [string]$Method = 'GET',
        [Parameter(Mandatory)] [string]$Path,
        $Body
    )

    Assert-E2ESandbox -Sandbox $Sandbox
    $request = @{ Method = $Method; Uri = "$($Sandbox.Base)$Path" }
    if ($null -ne $Body) {
        $request.ContentType = 'application/json'
        $request.Body = if ($Body -is [string]) { $Body } else { $Body | ConvertTo-Json -Depth 20 -Compress }
    }

    Invoke-RestMethod @request
}

function New-E2ESandboxToken {
    <# Mints a token with POST /_sandbox/tokens: what a restricted or expired connection signs in with. #>
    param(
        [Parameter(Mandatory)] $Sandbox,
        [string]$TenantId = 'fabrikam.onmicrosoft.com',
        [string]$ClientAppId = '5a3c9e71-0b2d-4c8e-9f16-7d4a2b8c1e02',
        [string[]]$Roles,
        [string[]]$Scopes,
        [string]$User,
        [string]$Audience,
        [string]$Lifetime
    )

    $body = @{ tenantId = $TenantId; clientAppId = $ClientAppId }
    if ($PSBoundParameters.ContainsKey('Roles')) { $body.roles = @($Roles) }
    if ($PSBoundParameters.ContainsKey('Scopes')) { $body.scopes = @($Scopes) }
    if ($User) { $body.user = $User }
    if ($Audience) { $body.audience = $Audience }
    if ($Lifetime) { $body.lifetime = $Lifetime }
    (Invoke-E2ESandboxHook -Sandbox $Sandbox -Method POST -Path '/_sandbox/tokens' -Body $body).accessToken
}

function Get-E2ESandboxConnect {
    <#
    The Connect-AcsTeamsAdmin parameters that sign in to a loopback sandbox: its admin app with a client
    secret (-Tenant 'contoso.onmicrosoft.com' for the ISV), or -AccessToken with a minted token.
    #>
    param(
        [Parameter(Mandatory)] $Sandbox,
        [string]$Tenant = 'fabrikam.onmicrosoft.com',
        [string]$AccessToken
    )

    $d = $Sandbox.Description
    if ($AccessToken) {
        return @{ AccessToken = (ConvertTo-SecureString $AccessToken -AsPlainText -Force); GraphEndpoint = $d.graphEndpoint }
    }

    $t = @($d.tenants | Where-Object { $_.domain -eq $Tenant -or $_.id -eq $Tenant })[0]
    @{
        TenantId      = $t.id
        ClientId      = $t.adminClientId
        ClientSecret  = (ConvertTo-SecureString $t.adminClientSecret -AsPlainText -Force)
        AuthorityHost = $d.authorityHost
        GraphEndpoint = $d.graphEndpoint
    }
}

#endregion

#region A stub HTTP service for service answers the sandbox cannot give (500, 409, 504 at once, ...)

function Start-E2EStub {
    <#
    Serves http://127.0.0.1:PORT/ from a background runspace of this process. A request to
    /k/<key>/... is answered with $stub.Plan[<key>]: @{ Status; Headers; Code; Message; Target; Body },
    or per method (@{ GET = @{...}; POST = @{...} }), or by the first of @{ Routes = @(@{ Method;
    Path (a regex); Answer }) } that matches, or @{ Reset = $true } to drop the connection (RST), or
    @{ Hang = $true } to keep it open without an answer.
    Keys let parallel tests share one stub: -GraphEndpoint http://127.0.0.1:PORT/k/<key>/v1.0, a
    connection string endpoint=http://127.0.0.1:PORT/k/<key>/, or, for a sign-in to -AuthorityHost
    http://127.0.0.1:PORT, the tenant (/<key>/oauth2/...). Unplanned keys answer 500.
    #>
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $plan = [hashtable]::Synchronized(@{})
    $log = [System.Collections.Concurrent.ConcurrentQueue[string]]::new()
    $server = [powershell]::Create()
    $null = $server.AddScript({
            param($Listener, $Plan, $Log)
            $Held = [System.Collections.Generic.List[object]]::new()
            while ($true) {
                try { $client = $Listener.AcceptTcpClient() } catch { break }
                try {
                    $stream = $client.GetStream()
                    $stream.ReadTimeout = 5000
                    $buffer = [byte[]]::new(65536)
                    $text = ''
                    while ($text.IndexOf("`r`n`r`n") -lt 0) {
                        $n = $stream.Read($buffer, 0, $buffer.Length)
                        if ($n -le 0) { break }
                        $text += [Text.Encoding]::ASCII.GetString($buffer, 0, $n)
                    }

                    $end = $text.IndexOf("`r`n`r`n")
                    if ($end -lt 0) { $client.Close(); continue }
                    $head = $text.Substring(0, $end)
                    $length = if ($head -match '(?im)^content-length:\s*(\d+)') { [int]$Matches[1] } else { 0 }
                    $rest = $text.Substring($end + 4)
                    if ($head -match '(?im)^transfer-encoding:\s*chunked') {
                        # Read the chunked body to its last, empty chunk.
                        while (-not ($rest.StartsWith("0`r`n`r`n") -or $rest.Contains("`r`n0`r`n`r`n"))) {
                            $n = $stream.Read($buffer, 0, $buffer.Length)
                            if ($n -le 0) { break }
                            $rest += [Text.Encoding]::ASCII.GetString($buffer, 0, $n)
                        }
                    }
                    $have = $rest.Length
                    while ($have -lt $length) {
                        $n = $stream.Read($buffer, 0, $buffer.Length)
                        if ($n -le 0) { break }
                        $have += $n
                    }

                    $requestLine = ($head -split "`r`n")[0]
                    $method, $target = ($requestLine -split ' ')[0, 1]
                    $Log.Enqueue("$method $target")
                    # /k/<key>/... (Graph and ACS), else the first segment: an authority's /<tenant>/oauth2/...
                    $key = if ($target -match '^/k/([^/?]+)') { $Matches[1] } elseif ($target -match '^/([^/?]+)/oauth2/') { $Matches[1] } else { '' }
                    $answer = $Plan[$key]
                    if ($answer -and $answer.ContainsKey('Routes')) {
                        $route = @($answer['Routes'] | Where-Object { (-not $_['Method'] -or $_['Method'] -eq $method) -and $target -match $_['Path'] })
                        $answer = if ($route) { $route[0]['Answer'] } else { @{ Status = 404; Code = 'Request_ResourceNotFound' } }
                    }
                    $methods = 'GET', 'POST', 'PATCH', 'PUT', 'DELETE'
                    if ($answer -and @($answer.Keys | Where-Object { $_ -in $methods }).Count) { $answer = $answer[$method] }
                    if (-not $answer -or -not ($answer['Status'] -or $answer['Reset'] -or $answer['Hang'])) { $answer = @{ Status = 500; Message = "The stub has no answer for $method $target." } }
                    if ($answer['Hang']) {
                        # Keep the connection open and never answer (until the stub stops): a timeout.
                        $Held.Add($client)
                        continue
                    }
                    if ($answer['Reset']) {
                        $client.Client.LingerState = [System.Net.Sockets.LingerOption]::new($true, 0)
                        $client.Close()
                        continue
                    }

                    $status = [int]$answer['Status']
                    $json = if ($answer['Body']) { [string]$answer['Body'] } elseif ($status -ge 400) {
                        $errorBody = [ordered]@{
                            code    = $(if ($answer['Code']) { $answer['Code'] } else { 'StubError' })
                            message = $(if ($answer['Message']) { $answer['Message'] } else { "The stub answered $status." })
                        }
                        if ($answer['Target']) { $errorBody.target = $answer['Target'] }
                        @{ error = $errorBody } | ConvertTo-Json -Compress
                    } else { '' }
                    $body = [Text.Encoding]::UTF8.GetBytes($json)
                    $headers = "HTTP/1.1 $status Stub`r`nContent-Length: $($body.Length)`r`nConnection: close`r`nrequest-id: stub-$key`r`n"
                    if ($body.Length) { $headers += "Content-Type: application/json`r`n" }
                    if ($answer['Headers']) {
                        foreach ($h in $answer['Headers'].GetEnumerator()) { $headers += "$($h.Key): $($h.Value)`r`n" }
                    }

                    $bytes = [Text.Encoding]::ASCII.GetBytes("$headers`r`n")
                    $stream.Write($bytes, 0, $bytes.Length)
                    $stream.Write($body, 0, $body.Length)
                    $stream.Flush()
                    $client.Close()
                }
                catch {
                    $Log.Enqueue("stub failure: $_")
                    try { $client.Close() } catch { }
                }
            }
        }).AddArgument($listener).AddArgument($plan).AddArgument($log)
    $handle = $server.BeginInvoke()
    [pscustomobject]@{
        Base     = "http://127.0.0.1:$($listener.LocalEndpoint.Port)"
        Plan     = $plan
        Log      = $log
        Listener = $listener
        Server   = $server
        Handle   = $handle
    }
}

function Stop-E2EStub {
    param($Stub)
    if ($Stub) {
        $Stub.Listener.Stop()
        try { $null = $Stub.Server.EndInvoke($Stub.Handle) } catch { }
        $Stub.Server.Dispose()
    }
}

function New-E2EJwt {
    <# An unsigned JWT with these claims (the module only decodes tokens; services judge them). #>
    param([Parameter(Mandatory)] [System.Collections.IDictionary]$Claims)
    $encode = {
        param($Value)
        [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes(($Value | ConvertTo-Json -Compress -Depth 5))).TrimEnd('=').Replace('+', '-').Replace('/', '_')
    }
    '{0}.{1}.{2}' -f (& $encode @{ alg = 'none'; typ = 'JWT' }), (& $encode $Claims), 'c2lnbmF0dXJl'
}

function New-E2EGraphToken {
    <# A Graph app-only token of Fabrikam's admin app, for -AccessToken connections to the stub. #>
    param([string[]]$Roles = @('Application.ReadWrite.All', 'DelegatedPermissionGrant.ReadWrite.All'), [int]$ExpiresInSeconds = 3600)
    $now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
    New-E2EJwt -Claims ([ordered]@{
            aud   = 'https://graph.microsoft.com'
            iss   = 'https://sts.windows.net/2f6b3c1a-6e0d-4a51-9a7e-3f1d5c2b8a01/'
            iat   = $now - 60
            nbf   = $now - 60
            exp   = $now + $ExpiresInSeconds
            tid   = '2f6b3c1a-6e0d-4a51-9a7e-3f1d5c2b8a01'
            appid = '5a3c9e71-0b2d-4c8e-9f16-7d4a2b8c1e02'
            oid   = '046da0d0-68e2-457f-93be-d17340dc57ae'
            roles = @($Roles)
        })
}

#endregion

#region Fresh runspaces

$script:Runner = {
    param([string]$Manifest, [string]$Script, [hashtable]$Variables, [string]$Location, [bool]$NoImport)
    $ErrorActionPreference = 'Continue'
    if (-not $NoImport) { Import-Module -Name $Manifest -ErrorAction Stop }
    if ($Location) { Set-Location -LiteralPath $Location }
    if ($Variables) {
        foreach ($entry in $Variables.GetEnumerator()) { Set-Variable -Name $entry.Key -Value $entry.Value -Scope Global }
    }

    $Error.Clear()
    $terminating = $null
    $output = [System.Collections.Generic.List[object]]::new()
    try {
        . ([scriptblock]::Create($Script)) | ForEach-Object { $output.Add($_) }
    }
    catch {
        $terminating = $_
    }

    $errors = @($Error | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
    if ($Variables) {
        foreach ($name in $Variables.Keys) { Remove-Variable -Name $name -Scope Global -ErrorAction SilentlyContinue -Confirm:$false }
    }

    [pscustomobject]@{
        Output      = $output.ToArray()
        Terminating = $terminating
        Errors      = $errors
    }
}

function Start-E2EIsolated {
    <#
    Starts $Script in a new runspace of this process (the module imported unless -NoImport), with
    $Variables set as globals. Returns a handle for Receive-E2EIsolated. -DebugPreference and
    -VerbosePreference set those preferences first.
    #>
    param(
        [Parameter(Mandatory)] [string]$Script,
        [hashtable]$Variables,
        [string]$Location,
        [switch]$NoImport,
        [string]$DebugPreference,
        [string]$VerbosePreference,
        # A pool from New-E2EPool: its runspaces already have the module, and the run starts disconnected.
        [System.Management.Automation.Runspaces.RunspacePool]$Pool
    )

    $ps = [powershell]::Create()
    if ($Pool) {
        $ps.RunspacePool = $Pool
        $NoImport = $true
        $Script = "AcsTeamsAdmin\Disconnect-AcsTeamsAdmin | Out-Null`n" + $Script
    }
    $prefix = ''
    if ($DebugPreference) { $prefix += "`$DebugPreference = '$DebugPreference'`n" }
    if ($VerbosePreference) { $prefix += "`$VerbosePreference = '$VerbosePreference'`n" }
    $null = $ps.AddScript($script:Runner.ToString(), $true).
        AddParameter('Manifest', (Get-E2EPath).Manifest).
        AddParameter('Script', $prefix + $Script).
        AddParameter('Variables', $Variables).
        AddParameter('Location', $Location).
        AddParameter('NoImport', [bool]$NoImport)
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    [pscustomobject]@{ PowerShell = $ps; Handle = $ps.BeginInvoke(); Watch = $watch }
}

function Receive-E2EIsolated {
    <# Waits for a Start-E2EIsolated run and returns what it did, stream by stream. #>
    param([Parameter(Mandatory)] $Run, [int]$TimeoutSeconds = 120)
    $ps = $Run.PowerShell
    try {
        if (-not $Run.Handle.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds($TimeoutSeconds))) {
            $stop = $ps.BeginStop($null, $null)
            $null = $stop.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(5))
            return [pscustomobject]@{
                Output = @(); Errors = @(); StreamError = @($ps.Streams.Error); Verbose = @(); Debug = @(); Warning = @(); Information = @()
                Terminating = [System.Management.Automation.ErrorRecord]::new([TimeoutException]::new("The run did not end within $([int]$Run.Watch.Elapsed.TotalSeconds) seconds."), 'E2ETimeout', 'OperationTimeout', $null)
                Seconds = $Run.Watch.Elapsed.TotalSeconds
            }
        }

        $result = $null
        $failure = $null
        try { $result = @($ps.EndInvoke($Run.Handle))[0] } catch { $failure = $_ }
        [pscustomobject]@{
            Output      = if ($result) { @($result.Output) } else { @() }
            Terminating = if ($result) { $result.Terminating } else { $failure }
            Errors      = if ($result) { @($result.Errors) } else { @($failure) }
            StreamError = @($ps.Streams.Error)
            Verbose     = @($ps.Streams.Verbose | ForEach-Object Message)
            Debug       = @($ps.Streams.Debug | ForEach-Object Message)
            Warning     = @($ps.Streams.Warning | ForEach-Object Message)
            Information = @($ps.Streams.Information | ForEach-Object { "$($_.MessageData)" })
            Seconds     = $Run.Watch.Elapsed.TotalSeconds
        }
    }
    finally {
        $ps.Dispose()
    }
}

function Invoke-E2EIsolated {
    <# Start-E2EIsolated and Receive-E2EIsolated in one. #>
    param(
        [Parameter(Mandatory)] [string]$Script,
        [hashtable]$Variables,
        [string]$Location,
        [switch]$NoImport,
        [string]$DebugPreference,
        [string]$VerbosePreference,
        [System.Management.Automation.Runspaces.RunspacePool]$Pool,
        [int]$TimeoutSeconds = 120
    )
    $start = @{} + $PSBoundParameters
    $start.Remove('TimeoutSeconds')
    Receive-E2EIsolated -Run (Start-E2EIsolated @start) -TimeoutSeconds $TimeoutSeconds
}

function Invoke-E2EParallel {
    <#
    Runs many jobs (hashtables with Key, Script and the Start-E2EIsolated parameters) in fresh
    runspaces, at most -ThrottleLimit at once; jobs with the same Group (a name) never overlap, for
    what they share (an environment variable, a sandbox's fault rules). Returns Key -> result.
    #>
    param([Parameter(Mandatory)] [object[]]$Jobs, [int]$ThrottleLimit = 4, [int]$TimeoutSeconds = 120,
        [System.Management.Automation.Runspaces.RunspacePool]$Pool)

    $pending = [System.Collections.Generic.List[object]]::new()
    foreach ($job in $Jobs) { $pending.Add($job) }
    $running = [System.Collections.Generic.List[object]]::new()
    $results = @{}
    while ($pending.Count -or $running.Count) {
        foreach ($job in @($pending)) {
            if ($running.Count -ge $ThrottleLimit) { break }
            $group = $job['Group']
            if ($group -and @($running | Where-Object { $_.Job['Group'] -eq $group }).Count) { continue }
            $null = $pending.Remove($job)
            if ($Pool) { $job['Pool'] = $Pool }
            $running.Add(@{ Job = $job; Run = (Start-E2EJob $job) })
        }

        foreach ($item in @($running)) {
            if ($item.Run.Handle.IsCompleted -or $item.Run.Watch.Elapsed.TotalSeconds -gt $TimeoutSeconds) {
                $results[$item.Job.Key] = Receive-E2EIsolated -Run $item.Run -TimeoutSeconds 1
                $null = $running.Remove($item)
            }
        }

        if ($running.Count) { Start-Sleep -Milliseconds 10 }
    }

    $results
}

function New-E2EPool {
    <# A pool of runspaces that import the module once each, for many short runs (Start-E2EIsolated -Pool). #>
    param([int]$Size = 4)
    $iss = [initialsessionstate]::CreateDefault2()
    $iss.ImportPSModule([string[]]@((Get-E2EPath).Manifest))
    # No host: like [powershell]::Create(), a prompt fails instead of waiting for an answer.
    $pool = [runspacefactory]::CreateRunspacePool($iss)
    $null = $pool.SetMaxRunspaces($Size)
    $pool.Open()
    $pool
}

function Start-E2EJob([hashtable]$Job) {
    $start = @{}
    foreach ($name in 'Script', 'Variables', 'Location', 'NoImport', 'DebugPreference', 'VerbosePreference', 'Pool') {
        if ($Job.ContainsKey($name)) { $start[$name] = $Job[$name] }
    }
    Start-E2EIsolated @start
}

#endregion

#region The cmdlet help pages

function Get-E2EDocPage {
    <# docs/en-US/<Cmdlet>.md, one object per exported cmdlet page (about_ topics left out). #>
    $docs = (Get-E2EPath).Docs
    foreach ($file in Get-ChildItem -LiteralPath $docs -Filter '*.md' | Where-Object Name -NotLike 'about_*' | Sort-Object Name) {
        [pscustomobject]@{ Cmdlet = $file.BaseName; Path = $file.FullName; Text = [System.IO.File]::ReadAllText($file.FullName) }
    }
}

function Get-E2EDocExample {
    <#
    Every '### Example N: title' section under '## EXAMPLES' of every cmdlet page, with its ```powershell
    code blocks joined in order (an example may show two blocks, run one after the other).
    #>
    foreach ($page in Get-E2EDocPage) {
        $section = [regex]::Match($page.Text, '(?ms)^## EXAMPLES\s*$(.*?)^## (?!#)')
        if (-not $section.Success) { continue }
        $parts = [regex]::Split($section.Groups[1].Value, '(?m)^(?=### )')
        foreach ($part in $parts) {
            $heading = [regex]::Match($part, '^### (Example (\d+)[^\r\n]*)')
            if (-not $heading.Success) { continue }
            $blocks = [regex]::Matches($part, '(?ms)^```powershell\s*\r?\n(.*?)^```') | ForEach-Object { $_.Groups[1].Value }
            $title = $heading.Groups[1].Value.Trim()
            [pscustomobject]@{
                Cmdlet      = $page.Cmdlet
                Number      = [int]$heading.Groups[2].Value
                Title       = $title
                Key         = "$($page.Cmdlet): $title"
                Code        = (@($blocks) -join "`n")
                Blocks      = @($blocks).Count
                # The example's output shows a -Confirm prompt being answered.
                ShowsPrompt = $part.Contains('Are you sure you want to perform this action?')
            }
        }
    }
}

function Get-E2EErrorIdCatalog {
    <# Every error id the module defines: the constants of AcsTeamsAdmin.Engine.Failures.ErrorIds. #>
    $engine = [System.Runtime.Loader.AssemblyLoadContext]::All |
        ForEach-Object { $_.Assemblies } |
        Where-Object { $_.GetName().Name -eq 'AcsTeamsAdmin.Engine' } |
        Select-Object -First 1
    if (-not $engine) { throw 'AcsTeamsAdmin.Engine is not loaded: import the module and run a cmdlet first.' }
    $type = $engine.GetType('AcsTeamsAdmin.Engine.Failures.ErrorIds', $true)
    @($type.GetFields([System.Reflection.BindingFlags]'Public, Static') | Where-Object IsLiteral | ForEach-Object { [string]$_.GetRawConstantValue() })
}

function Get-E2EDocumentedErrorId {
    <#
    The error ids each cmdlet page documents: every **Id** in bold (outside code blocks) that is one of
    the module's error ids, plus, for a page whose NOTES say "Errors are those of `A`, `B` and `C`", the
    ids of those pages. Returns objects Cmdlet, Id.
    #>
    param([Parameter(Mandatory)] [string[]]$Catalog)

    $pages = @{}
    foreach ($page in Get-E2EDocPage) { $pages[$page.Cmdlet] = $page.Text }
    $own = @{}
    foreach ($cmdlet in $pages.Keys) {
        $text = [regex]::Replace($pages[$cmdlet], '(?ms)^```.*?^```', '')
        $own[$cmdlet] = @([regex]::Matches($text, '\*\*([A-Za-z]+)\*\*') | ForEach-Object { $_.Groups[1].Value } |
                Where-Object { $Catalog.Contains($_) } | Sort-Object -Unique)
    }

    foreach ($cmdlet in $pages.Keys | Sort-Object) {
        $ids = [System.Collections.Generic.SortedSet[string]]::new([string[]]$own[$cmdlet])
        $reference = [regex]::Match($pages[$cmdlet], '(?m)^Errors are those of (.+?)\.\s*$')
        if ($reference.Success) {
            foreach ($other in [regex]::Matches($reference.Groups[1].Value, '`([\w-]+)`') | ForEach-Object { $_.Groups[1].Value }) {
                if (-not $own.ContainsKey($other)) { throw "$cmdlet.md refers to the errors of $other, which has no page." }
                foreach ($id in $own[$other]) { $null = $ids.Add($id) }
            }
        }

        foreach ($id in $ids) { [pscustomobject]@{ Cmdlet = $cmdlet; Id = $id } }
    }
}

#endregion

# A sandbox state (its JSON, as GET /_sandbox/state or -SaveSandboxState writes it) with one thing taken away, written
# to -Path for -SandboxStatePath or `acsteams sandbox --state`. ReaderRole: Fabrikam's admin app is only Reader of its
# Azure subscription (no listKeys). NoMeetingPolicy: no Teams application access policy (no meetings as an app).
function New-E2ESandboxState {
    param(
        [Parameter(Mandatory)][string]$Json,
        [Parameter(Mandatory)][ValidateSet('ReaderRole', 'NoMeetingPolicy')][string]$Change,
        [Parameter(Mandatory)][string]$Path
    )

    $state = $Json | ConvertFrom-Json -AsHashtable
    switch ($Change) {
        'ReaderRole' {
            foreach ($assignment in $state.azureSubscriptions[0].roleAssignments) {
                if ($assignment.roleName -eq 'Contributor') { $assignment.roleName = 'Reader' }
            }
        }
        'NoMeetingPolicy' {
            foreach ($tenant in $state.tenants) { $tenant.applicationAccessPolicies = @() }
        }
    }

    $state | ConvertTo-Json -Depth 100 | Set-Content -LiteralPath $Path
    $Path
}

Export-ModuleMember -Function *-E2E*
