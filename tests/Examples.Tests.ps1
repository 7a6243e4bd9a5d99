#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# Runs every '### Example N' powershell block of every cmdlet page (docs/en-US/<Cmdlet>.md) against the
# sandbox, each example in a fresh runspace with the module imported. The examples name the sandbox's
# seeded tenants and ids (Fabrikam, Contoso and their apps) but sign in as a real administrator would,
# so each runspace gets thin stand-ins:
#
# - Connect-AcsTeamsAdmin: a function that turns any real sign-in (browser, device code, secret,
#   certificate, managed identity, access token) into Connect-AcsTeamsAdmin -Sandbox -TenantId <the same
#   tenant>, keeping -Sandbox, -SandboxStatePath and -SaveSandboxState when the example gives them.
# - acsteams: runs the built command line, with --sandbox in place of its real sign-in options (for the
#   commands that take them) and, for Get-AcsTeamsUserAadToken, --authority-host of a loopback sandbox.
#   An "acsteams: error <Id>:" line becomes an error record with that id; exit code 2 (the command line
#   itself is wrong) is a terminating error.
# - Get-Secret (connection strings of the loopback sandbox, the sandbox's own secrets), the MicrosoftTeams
#   cmdlets (Connect-MicrosoftTeams, Get-Cs*: the objects of docs/examples/teams-settings.json), Az
#   (Connect-AzAccount, Get-AzAccessToken, az): dummies.
# - The page's context: a connection to a sandbox whose Fabrikam has the ACS service principal and
#   consent (Contoso for the app registration pages), and the variables the examples take as given
#   ($acs, $appId, $id, $ids, $aad, ...), made against the loopback sandbox's ACS resource.
# - The files the examples read, in a folder of their own: customers.csv (its content is in the
#   example), apps.csv, customers-apps.csv, identities.csv, teams-settings.json.
# - The person at the keyboard: an example whose output shows a -Confirm prompt answered gets
#   -Confirm:$false by default ($PSDefaultParameterValues); any other prompt fails, as nobody can answer.
#
# An example passes when it ends without a terminating error and without an error record whose id is
# Unexpected; non-terminating errors it demonstrates are fine. Examples that cannot run here are listed
# in $NotRunnable, with the reason; an entry that matches no example fails the run, and so does an
# example that is neither run nor listed. $EndsWithOwnError lists the CI gates that throw their own
# message against the sandbox's unprepared tenants (checked the same way).

BeforeDiscovery {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'EndToEnd.Helpers.psm1')) -Force
    $script:AllExamples = @(Get-E2EDocExample)

    # Keyed '<Cmdlet>: <example title>'.
    $script:NotRunnable = @(
        @{ Key = 'Connect-AcsTeamsAdmin: Example 5: Sign in as an app with a certificate'; Reason = 'loads /secrets/fabrikam-acs-admin.pfx, a certificate file, with a password typed at a Read-Host prompt' }
        @{ Key = 'Connect-AcsTeamsAdmin: Example 9: Connect to a US Government tenant'; Reason = 'a US Government cloud tenant (fabrikam.onmicrosoft.us): the sandbox has only the Global cloud''s Fabrikam and Contoso' }
        @{ Key = 'Convert-AadTokenToTeamsToken: Example 3: A runbook with a managed identity, no key anywhere'; Reason = 'an ACS resource in Azure (-Endpoint https://contoso-acs.communication.azure.com/), which an explicit -Endpoint reaches even in a sandbox session' }
        @{ Key = 'New-AcsIdentity: Example 3: A runbook with a managed identity'; Reason = 'an ACS resource in Azure (-Endpoint https://contoso-acs.communication.azure.com/), which an explicit -Endpoint reaches even in a sandbox session' }
        @{ Key = 'Test-AcsTeamsReadiness: Example 2: A markdown report for a change ticket'; Reason = 'probes an ACS resource in Azure (-AcsEndpoint https://contoso-acs.communication.azure.com)' }
    )

    # Examples that end in a terminating error of their own making, because the sandbox's tenants are
    # not set up the way the example's CI gate demands: the gate works. Matched on the error message.
    $script:EndsWithOwnError = @(
        @{ Key = 'Get-AcsTeamsApplication: Example 4: acsteams in a CI check'; Message = '^Missing ACS permissions: Teams\.ManageCalls, Teams\.ManageChats$'; Reason = 'the gate throws: the sandbox''s Contoso Teams Calling lacks the ACS permissions' }
        @{ Key = 'Test-AcsTeamsReadiness: Example 3: Gate a pipeline with acsteams'; Message = '^ACS Teams prerequisites are missing: see readiness\.json$'; Reason = 'the gate throws: the sandbox''s Fabrikam is not ready (acsteams exits 1)' }
    )

    $skipKeys = @($NotRunnable.Key)
    $script:Runnable = @($AllExamples | Where-Object Key -NotIn $skipKeys | ForEach-Object {
            $key = $_.Key
            $own = @($EndsWithOwnError | Where-Object { $_.Key -eq $key })
            @{ Key = $key; OwnError = $(if ($own) { $own[0].Message } else { '' }) }
        })
    $script:OwnErrors = @($EndsWithOwnError | ForEach-Object { @{ Key = $_.Key; Reason = $_.Reason } })
    $script:Listed = @($NotRunnable | ForEach-Object { @{ Key = $_.Key; Reason = $_.Reason } })
}

Describe 'The documentation examples' -ForEach @(@{ Listed = $Listed; Runnable = $Runnable; OwnErrors = $OwnErrors }) {
    BeforeAll {
        Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'EndToEnd.Helpers.psm1')) -Force
        $paths = Get-E2EPath
        Import-Module $paths.Manifest -Force -ErrorAction Stop
        $script:Examples = @(Get-E2EDocExample)
        $script:NotRunnableKeys = @($Listed.Key)

        $fabrikamApp = '5a3c9e71-0b2d-4c8e-9f16-7d4a2b8c1e02'
        $isvApp = 'c0a1b2c3-d4e5-4f60-8a71-b2c3d4e5f614'

        # The loopback sandbox: the ACS resource the examples' connection strings name, and the authority
        # acsteams Get-AcsTeamsUserAadToken signs a Teams user in to. Its Fabrikam gets the ACS service
        # principal and consent for Fabrikam's app, so a Teams user can sign in there.
        $script:Loopback = Start-E2ESandbox
        $connect = Get-E2ESandboxConnect -Sandbox $script:Loopback
        Connect-AcsTeamsAdmin @connect | Out-Null
        New-AcsTeamsServicePrincipal | Out-Null
        Grant-AcsAdminConsent -AppId $fabrikamApp -Confirm:$false | Out-Null
        $acs = $script:Loopback.Description.acsConnectionString

        # The in-process context the pages assume: Fabrikam with the ACS service principal and consent for
        # Fabrikam's app and Contoso's, saved once and only read by every example.
        $root = Join-Path $TestDrive 'examples'
        $null = New-Item -ItemType Directory -Path $root
        $ready = Join-Path $root 'ready-sandbox.json'
        Connect-AcsTeamsAdmin -Sandbox -SandboxStatePath $ready -SaveSandboxState | Out-Null
        New-AcsTeamsServicePrincipal | Out-Null
        Grant-AcsAdminConsent -AppId $fabrikamApp -Confirm:$false | Out-Null
        Grant-AcsAdminConsent -AppId $isvApp -Confirm:$false | Out-Null
        $aad = Get-AcsTeamsUserAadToken -ClientId $fabrikamApp -TenantId fabrikam.onmicrosoft.com -UseDeviceCode -WarningAction SilentlyContinue
        $aadText = Get-AcsTeamsUserAadToken -ClientId $fabrikamApp -TenantId fabrikam.onmicrosoft.com -UseDeviceCode -AsPlainText -WarningAction SilentlyContinue
        Disconnect-AcsTeamsAdmin | Out-Null

        $identities = @(New-AcsIdentity -Count 4 -ConnectionString $acs)
        $graphToken = New-E2ESandboxToken -Sandbox $script:Loopback -ClientAppId $fabrikamApp -User adele@fabrikam.onmicrosoft.com `
            -Audience 'https://auth.msft.communication.azure.com' -Scopes 'Teams.ManageCalls'

        $script:Context = @{
            acs        = ConvertTo-SecureString $acs -AsPlainText -Force
            cs         = $acs
            appId      = $fabrikamApp
            id         = $identities[0].Id
            id1        = $identities[1].Id
            id2        = $identities[2].Id
            ids        = @($identities[2], $identities[3])
            aad        = $aad
            aadToken   = $aadText.Token
            tokenText  = $aadText.Token
            userId     = $aadText.UserObjectId
            oid        = $aadText.UserObjectId
            graphToken = $graphToken
        }

        $script:E2E = @{
            Cli            = $paths.Cli
            Authority      = $script:Loopback.Description.authorityHost
            Acs            = $acs
            Ready          = $ready
            TeamsSettings  = Get-Content -Raw ([System.IO.Path]::Combine($paths.Examples, 'teams-settings.json')) | ConvertFrom-Json
            Pester         = (Get-Module Pester).Path
            # The acsteams commands that take the sign-in options (acsteams help <command> lists --sandbox).
            SignInCommands = @('Connect-AcsTeamsAdmin', 'Get-AcsTeamsAdminContext', 'Get-AcsTeamsServicePrincipal', 'New-AcsTeamsServicePrincipal',
                'Grant-AcsAdminConsent', 'Get-AcsAdminConsent', 'Get-AcsTeamsApplication', 'Set-AcsVoipPermission', 'New-AcsTeamsApplication',
                'New-AcsIdentity', 'New-AcsAccessToken', 'Revoke-AcsAccessToken', 'Remove-AcsIdentity', 'Test-AcsTeamsReadiness', 'Initialize-AcsTeams',
                'Get-AcsResource', 'New-AcsTeamsMeeting')
        }

        # The stand-ins, defined as globals in each example's runspace (a function wins over a cmdlet of
        # the same name).
        $standIns = {
            function global:Connect-AcsTeamsAdmin {
                [CmdletBinding()]
                param(
                    [Alias('Tenant')] [string]$TenantId,
                    [Alias('AppId', 'ApplicationId')] [string]$ClientId,
                    [string[]]$Scopes,
                    [switch]$UseDeviceCode,
                    [string]$Environment,
                    [string]$GraphEndpoint,
                    [string]$AuthorityHost,
                    [securestring]$ClientSecret,
                    [string]$CertificateThumbprint,
                    [object]$Certificate,
                    [Alias('ManagedIdentity')] [switch]$Identity,
                    [securestring]$AccessToken,
                    [switch]$Sandbox,
                    [string]$SandboxStatePath,
                    [switch]$SaveSandboxState
                )
                $real = @{ Sandbox = $true }
                if ($TenantId -and $TenantId -notin 'common', 'organizations') { $real.TenantId = $TenantId }
                if ($Sandbox -and $SandboxStatePath) { $real.SandboxStatePath = $SandboxStatePath }
                if ($Sandbox -and $SaveSandboxState) { $real.SaveSandboxState = $true }
                foreach ($name in 'Verbose', 'Debug', 'ErrorAction', 'WarningAction', 'InformationAction') {
                    if ($PSBoundParameters.ContainsKey($name)) { $real[$name] = $PSBoundParameters[$name] }
                }
                AcsTeamsAdmin\Connect-AcsTeamsAdmin @real
            }

            function global:acsteams {
                [CmdletBinding()]
                param([Parameter(ValueFromRemainingArguments)] [object[]]$Arguments)
                # As for a native command: $null arguments are left out, arrays are spread.
                $argv = @($Arguments | Where-Object { $null -ne $_ } | ForEach-Object { "$_" })
                $command = if ($argv.Count) { $argv[0] } else { '' }
                $rest = @($argv | Select-Object -Skip 1)
                $final = [System.Collections.Generic.List[string]]::new()
                if ($command -in $E2E.SignInCommands) {
                    $valued = '--client-id', '--client-secret', '--certificate-thumbprint', '--access-token', '--scopes', '--environment', '--graph-endpoint', '--authority-host'
                    for ($i = 0; $i -lt $rest.Count; $i++) {
                        if ($rest[$i] -in $valued) { $i++; continue }
                        if ($rest[$i] -in '--identity', '--use-device-code') { continue }
                        $final.Add($rest[$i])
                    }
                    if ('--sandbox' -notin $final) { $final.Add('--sandbox') }
                }
                else {
                    foreach ($a in $rest) { $final.Add($a) }
                    if ($command -eq 'Get-AcsTeamsUserAadToken' -and '--authority-host' -notin $final) {
                        $final.Add('--authority-host')
                        $final.Add($E2E.Authority)
                    }
                }

                $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
                $start.ArgumentList.Add($E2E.Cli)
                if ($command) { $start.ArgumentList.Add($command) }
                foreach ($a in $final) { $start.ArgumentList.Add($a) }
                $start.UseShellExecute = $false
                $start.RedirectStandardOutput = $true
                $start.RedirectStandardError = $true
                $start.WorkingDirectory = (Get-Location).ProviderPath
                # The ACS resource a real environment would name in ACSTEAMS_ACS_CONNECTION_STRING.
                if (-not $env:ACSTEAMS_ACS_CONNECTION_STRING) { $start.Environment['ACSTEAMS_ACS_CONNECTION_STRING'] = $E2E.Acs }
                $process = [System.Diagnostics.Process]::Start($start)
                $stdout = $process.StandardOutput.ReadToEndAsync()
                $stderr = $process.StandardError.ReadToEndAsync()
                $process.WaitForExit()
                $global:LASTEXITCODE = $process.ExitCode
                $global:AcsteamsCalls.Add([pscustomobject]@{ Arguments = "$command $final"; ExitCode = $process.ExitCode; Stderr = $stderr.Result })
                foreach ($line in $stderr.Result -split '\r?\n' | Where-Object { $_ }) {
                    if ($line -match '^acsteams: error (\w+):') {
                        $PSCmdlet.WriteError([System.Management.Automation.ErrorRecord]::new(
                                [System.Exception]::new($line), $Matches[1], 'NotSpecified', "acsteams $command"))
                    }
                    else {
                        Write-Information $line
                    }
                }
                if ($process.ExitCode -eq 2) {
                    throw "acsteams $command $final : the command line is wrong (exit code 2): $($stderr.Result)"
                }
                $stdout.Result -split '\r?\n' | Select-Object -SkipLast 1
            }

            function global:Get-Secret {
                param([Parameter(Position = 0)] [string]$Name, [switch]$AsPlainText, [string]$Vault)
                $value = switch -Wildcard ($Name) {
                    '*ConnectionString*' { $E2E.Acs; break }
                    'Contoso*' { 'Con8Q~sandbox.admin.secret-1111111111111'; break }
                    default { 'Fab8Q~sandbox.admin.secret-0000000000000' }
                }
                if ($AsPlainText) { $value } else { ConvertTo-SecureString $value -AsPlainText -Force }
            }

            function global:Connect-MicrosoftTeams { }
            function global:Get-CsTeamsMeetingPolicy {
                param([string]$Identity)
                $E2E.TeamsSettings.MeetingPolicy | Where-Object { -not $Identity -or $_.Identity -eq $Identity }
            }
            function global:Get-CsTeamsMeetingConfiguration { $E2E.TeamsSettings.MeetingConfiguration }
            function global:Get-CsTeamsAcsFederationConfiguration { $E2E.TeamsSettings.AcsFederationConfiguration }
            function global:Get-CsExternalAccessPolicy {
                param([string]$Identity)
                $E2E.TeamsSettings.ExternalAccessPolicy
            }
            function global:Connect-AzAccount { param([string]$Tenant) }
            function global:Get-AzAccessToken {
                param([string]$ResourceTypeName, [switch]$AsSecureString)
                [pscustomobject]@{ Token = ConvertTo-SecureString 'eyJ0eXAiOiJKV1QifQ.e30.c2ln' -AsPlainText -Force }
            }
            function global:az { 'eyJ0eXAiOiJKV1QifQ.e30.c2ln' }
        }

        # Runs in the example's runspace: stand-ins, then the page's context, then the example.
        $script:RunExample = {
            param([string]$Code, [string]$Tenant, [bool]$Pester, [bool]$AnswerYes)
            $global:AcsteamsCalls = [System.Collections.Generic.List[object]]::new()
            # The example shows a -Confirm prompt answered Yes (this runspace has no one to ask).
            if ($AnswerYes) { $global:PSDefaultParameterValues['*:Confirm'] = $false }
            AcsTeamsAdmin\Connect-AcsTeamsAdmin -Sandbox -SandboxStatePath $E2E.Ready -TenantId $Tenant | Out-Null
            if ($Pester) {
                Import-Module $E2E.Pester
                Set-Content -LiteralPath ./Example.Tests.ps1 -Value $Code
                $run = Invoke-Pester -Path ./Example.Tests.ps1 -PassThru -Output None
                if ($run.FailedCount -or $run.TotalCount -eq 0) {
                    throw "The example's Pester tests failed: $($run.Failed | ForEach-Object { "$($_.ExpandedName): $($_.ErrorRecord)" })"
                }
            }
            else {
                . ([scriptblock]::Create($Code))
            }
        }

        $teamsSettings = [System.IO.Path]::Combine($paths.Examples, 'teams-settings.json')
        $appOwnerPages = 'Get-AcsTeamsApplication', 'Set-AcsVoipPermission', 'New-AcsTeamsApplication'
        $jobs = foreach ($example in $script:Examples | Where-Object Key -NotIn $script:NotRunnableKeys) {
            $folder = Join-Path $root ('{0}-{1}' -f $example.Cmdlet, $example.Number)
            $null = New-Item -ItemType Directory -Path $folder
            Set-Content -LiteralPath (Join-Path $folder 'customers.csv') -Value "TenantId,State`nfabrikam.onmicrosoft.com,cust-0001`n2f6b3c1a-6e0d-4a51-9a7e-3f1d5c2b8a01,cust-0002"
            Set-Content -LiteralPath (Join-Path $folder 'apps.csv') -Value "AppId`n1fd5118e-2576-4263-8130-9503064c837a`n$isvApp"
            Set-Content -LiteralPath (Join-Path $folder 'customers-apps.csv') -Value "AppId,Customer`n$isvApp,Fabrikam`n$fabrikamApp,Fabrikam"
            Set-Content -LiteralPath (Join-Path $folder 'identities.csv') -Value "Id`n$($identities[3].Id)"
            Copy-Item -LiteralPath $teamsSettings -Destination $folder

            $tenant = if ($example.Cmdlet -in $appOwnerPages) { 'contoso.onmicrosoft.com' } else { 'fabrikam.onmicrosoft.com' }
            $script = $standIns.ToString() + "`n& { " + $script:RunExample.ToString() + " } -Code `$ExampleCode -Tenant '$tenant'" +
                " -Pester `$$([bool]($example.Code -match '(?m)^\s*Describe\s')) -AnswerYes `$$($example.ShowsPrompt)"
            @{
                Key       = $example.Key
                Script    = $script
                Location  = $folder
                Variables = $script:Context + @{ E2E = $script:E2E; ExampleCode = $example.Code }
                # The environment is the process's: examples that set the variable a command without sign-in
                # options reads (ACSTEAMS_AAD_TOKEN) run one at a time. --sandbox makes acsteams ignore the others.
                Group     = $(if ($example.Code -match 'ACSTEAMS_AAD_TOKEN') { 'ACSTEAMS_AAD_TOKEN' } else { '' })
            }
        }

        $envBefore = @{}
        foreach ($name in 'ACSTEAMS_ACS_CONNECTION_STRING', 'ACSTEAMS_CLIENT_SECRET', 'ACSTEAMS_ACCESS_TOKEN', 'ACSTEAMS_AAD_TOKEN', 'ACS_IMMUTABLE_RESOURCE_ID') {
            $envBefore[$name] = [Environment]::GetEnvironmentVariable($name)
        }
        # Test-AcsAnonymousJoinPolicy Example 4 reads the resource id from the environment of its CI job.
        $env:ACS_IMMUTABLE_RESOURCE_ID = 'f6a2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d'
        try {
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $script:Results = Invoke-E2EParallel -Jobs @($jobs) -ThrottleLimit 3 -TimeoutSeconds 90
            $script:Seconds = $watch.Elapsed.TotalSeconds
        }
        finally {
            foreach ($name in $envBefore.Keys) { [Environment]::SetEnvironmentVariable($name, $envBefore[$name]) }
        }
    }

    AfterAll {
        Stop-E2ESandbox $script:Loopback
        Disconnect-AcsTeamsAdmin | Out-Null
    }

    It 'finds the examples of every cmdlet page' {
        $script:Examples.Count | Should -BeGreaterThan 60
        $pages = @(Get-E2EDocPage).Cmdlet
        $pages | Where-Object { $_ -notin $script:Examples.Cmdlet } | Should -BeNullOrEmpty -Because 'every cmdlet page has examples'
        # Every exported cmdlet has its page.
        Get-E2EExportedCmdlet | Where-Object { $_ -notin $pages } | Should -BeNullOrEmpty
    }

    It 'lists as not runnable only examples that exist, each with a reason' {
        $keys = @($script:Examples.Key)
        foreach ($entry in $Listed) {
            $entry.Key | Should -BeIn $keys -Because "the not-runnable entry '$($entry.Key)' must name an example (retitled or removed?)"
            $entry.Reason | Should -Not -BeNullOrEmpty
        }
    }

    It 'runs or lists every example, and says how many' {
        $ran = @($script:Results.Keys)
        foreach ($example in $script:Examples) {
            ($example.Key -in $ran -or $example.Key -in $Listed.Key) | Should -BeTrue -Because "'$($example.Key)' must be run or listed as not runnable"
        }
        $ran.Count | Should -Be $Runnable.Count
        Write-Host ('Examples: {0} of {1} ran against the sandbox in {2:0.0} s; {3} are listed as not runnable here.' -f `
                $ran.Count, $script:Examples.Count, $script:Seconds, $Listed.Count)
    }

    It 'lists as ending in its own error only examples that exist' {
        foreach ($entry in $OwnErrors) {
            $entry.Key | Should -BeIn @($script:Examples.Key) -Because "the entry '$($entry.Key)' must name an example"
            $entry.Key | Should -Not -BeIn $script:NotRunnableKeys
            $entry.Reason | Should -Not -BeNullOrEmpty
        }
    }

    It '<Key>' -ForEach $Runnable {
        $result = $script:Results[$Key]
        $result | Should -Not -BeNullOrEmpty
        $unexpected = @($result.Errors) + @($result.StreamError) | Where-Object { $_ -and "$($_.FullyQualifiedErrorId)" -like 'Unexpected*' }
        $why = ($result.Terminating, @($result.Errors | Select-Object -First 3) | Out-String) + ($result.Information -join "`n")
        if ($OwnError) {
            $result.Terminating | Should -Not -BeNullOrEmpty -Because 'the example''s own gate throws in the sandbox'
            $result.Terminating.Exception.Message | Should -Match $OwnError -Because "only the example's own error may end it: $why"
        }
        else {
            $result.Terminating | Should -BeNullOrEmpty -Because "the example must end without a terminating error: $why"
        }
        $unexpected | Should -BeNullOrEmpty -Because 'no error may be Unexpected (a bug of the module)'
    }

    It '<Key> is not runnable here: <Reason>' -ForEach $Listed {
        Set-ItResult -Skipped -Because $Reason
    }
}
