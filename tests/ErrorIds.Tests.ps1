#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# Every error id each cmdlet's help page documents, raised for real. The documented ids are read from
# docs/en-US/<Cmdlet>.md: every **Id** in bold that is one of the module's error ids (the constants of
# AcsTeamsAdmin.Engine.Failures.ErrorIds), and for a page that says "Errors are those of `A`, `B` and
# `C`", theirs. Each (cmdlet, id) has one trigger in $Triggers or a reason in $NotRaised; a documented
# pair with neither, or an entry for a pair the page does not document, fails the run.
#
# A trigger is a script run in a runspace of its own (a pool that has the module, disconnected at the
# start) and passes when it records an error whose FullyQualifiedErrorId is '<Id>,<cmdlet's class>'
# ('<Id>,acsteams' for the command line's). By names another cmdlet when the page documents the id as
# the one a later cmdlet raises (after Disconnect-AcsTeamsAdmin, say). What triggers can use:
# - the in-process sandbox (Connect-AcsTeamsAdmin -Sandbox) and a state file with extra apps ($Special);
# - a loopback sandbox ($Loop, read-only use) with minted tokens ($Tokens): restricted permissions, the
#   wrong audience; triggers that change its state are in Group 'mutable' (one at a time);
# - a stub service ($StubBase) that answers each trigger's own key ($Key) with the Stub plan of its
#   entry: 429, 503 and 504 with a Retry-After beyond the module's 60-second limit (so the retries end at
#   once), 500, 400, 409, a dropped connection (retried with back-off for ~10 s: these run in parallel).
#   Connect-Stub connects to it with an access token; Get-StubAcs is a connection string for it.

BeforeDiscovery {
    $fabrikamApp = '5a3c9e71-0b2d-4c8e-9f16-7d4a2b8c1e02'   # Fabrikam's own app (single-tenant, public client)
    $isvApp = 'c0a1b2c3-d4e5-4f60-8a71-b2c3d4e5f614'        # Contoso's multi-tenant app
    $acsApp = '1fd5118e-2576-4263-8130-9503064c837a'
    $identity = '8:acs:5e1f7a2b-9c3d-4e8f-a6b1-2c7d9e0f3a20_1b7e6c59-0a0f-4f0e-9b3a-8f4c7d2e1a90'
    $otherIdentity = '8:acs:0b1c2d3e-4f50-4a61-8b72-9c83d4e5f607_1b7e6c59-0a0f-4f0e-9b3a-8f4c7d2e1a90'
    $fabrikamSubscription = 'b6e1d2c3-4f5a-4b6c-9d7e-8f9a0b1c2d21'   # holds the sandbox's ACS resource

    # Service answers from the stub, with a Retry-After beyond the retry budget (120 s): the retries end at once.
    $fault = @{
        Throttled          = @{ Status = 429; Code = 'TooManyRequests'; Headers = @{ 'Retry-After' = '3600' } }
        ServiceUnavailable = @{ Status = 503; Code = 'serviceNotAvailable'; Headers = @{ 'Retry-After' = '3600' } }
        ServiceTimeout     = @{ Status = 504; Code = 'UnknownError'; Headers = @{ 'Retry-After' = '3600' } }
        ServiceError       = @{ Status = 500; Code = 'generalException' }
        BadRequest         = @{ Status = 400; Code = 'Request_BadRequest' }
        ConnectionFailed   = @{ Reset = $true }
    }
    # A Graph call of each cmdlet, to run against the stub (after Connect-Stub) or a loopback sandbox.
    $graphCall = @{
        'Get-AcsAdminConsent'          = "Get-AcsAdminConsent -AppId $fabrikamApp"
        'Get-AcsTeamsApplication'      = "Get-AcsTeamsApplication -ApplicationId $fabrikamApp"
        'Get-AcsTeamsServicePrincipal' = 'Get-AcsTeamsServicePrincipal'
        'Grant-AcsAdminConsent'        = "Grant-AcsAdminConsent -AppId $isvApp -Confirm:`$false"
        'New-AcsTeamsServicePrincipal' = 'New-AcsTeamsServicePrincipal'
        'Set-AcsVoipPermission'        = "Set-AcsVoipPermission -ApplicationId $fabrikamApp"
        'Test-AcsTeamsReadiness'       = "Test-AcsTeamsReadiness -AppId $fabrikamApp"
        'Initialize-AcsTeams'          = "Initialize-AcsTeams -AppId $fabrikamApp -Confirm:`$false"
        'New-AcsIdentity'              = 'New-AcsIdentity -ConnectionString (Get-StubAcs)'
        'New-AcsTeamsMeeting'          = 'New-AcsTeamsMeeting -OrganizerId 6e7f8091-a2b3-4c4d-8e5f-607182930a05'
    }
    # Which stub faults each cmdlet's page documents, triggered as above.
    $stubFaults = @{
        'Get-AcsAdminConsent'          = 'Throttled', 'ServiceUnavailable', 'ServiceTimeout', 'ServiceError', 'ConnectionFailed'
        'Get-AcsTeamsApplication'      = 'Throttled', 'ServiceUnavailable', 'ServiceTimeout', 'ConnectionFailed'
        'Get-AcsTeamsServicePrincipal' = 'Throttled', 'ServiceUnavailable', 'ServiceTimeout', 'ServiceError', 'BadRequest', 'ConnectionFailed'
        'Grant-AcsAdminConsent'        = 'Throttled', 'ServiceUnavailable', 'ServiceTimeout', 'ServiceError', 'ConnectionFailed'
        'New-AcsTeamsServicePrincipal' = 'Throttled', 'ServiceUnavailable', 'ServiceTimeout', 'ServiceError', 'BadRequest', 'ConnectionFailed'
        'Set-AcsVoipPermission'        = 'Throttled', 'ServiceUnavailable', 'ServiceTimeout', 'ConnectionFailed'
        'Test-AcsTeamsReadiness'       = 'Throttled'
        'Initialize-AcsTeams'          = 'Throttled', 'ServiceUnavailable', 'ServiceTimeout', 'ServiceError', 'BadRequest', 'ConnectionFailed'
        'New-AcsIdentity'              = 'Throttled', 'ServiceUnavailable', 'ServiceTimeout', 'ConnectionFailed'
        'New-AcsTeamsMeeting'          = 'Throttled', 'ServiceUnavailable', 'ServiceTimeout', 'ConnectionFailed'
    }

    $all = [System.Collections.Generic.List[hashtable]]::new()
    foreach ($cmdlet in $stubFaults.Keys) {
        foreach ($id in $stubFaults[$cmdlet]) {
            $all.Add(@{ Cmdlet = $cmdlet; Id = $id; Stub = $fault[$id]; Run = "Connect-Stub`n$($graphCall[$cmdlet])" })
        }
    }

    # An address nothing listens on: the connection is refused, retried three times, and nothing was sent.
    foreach ($cmdlet in 'Get-AcsAdminConsent', 'Get-AcsTeamsApplication', 'Get-AcsTeamsServicePrincipal', 'Grant-AcsAdminConsent',
        'New-AcsTeamsServicePrincipal', 'Set-AcsVoipPermission', 'Initialize-AcsTeams', 'New-AcsTeamsMeeting') {
        $all.Add(@{ Cmdlet = $cmdlet; Id = 'EndpointUnreachable'; Slow = $true
                Run = "Connect-AcsTeamsAdmin -AccessToken (ConvertTo-SecureString `$GraphToken -AsPlainText -Force) -GraphEndpoint 'http://127.0.0.1:9/v1.0' | Out-Null`n$($graphCall[$cmdlet])" })
    }
    $all.Add(@{ Cmdlet = 'New-AcsIdentity'; Id = 'EndpointUnreachable'; Slow = $true
            Run = "New-AcsIdentity -ConnectionString ('endpoint=https://127.0.0.1:9/;accesskey=' + [Convert]::ToBase64String([byte[]]::new(32))) -Confirm:`$false" })

    # The Graph 401 and 403 of a loopback sandbox, for tokens with the wrong audience or too few permissions.
    foreach ($cmdlet in 'Get-AcsAdminConsent', 'Get-AcsTeamsApplication', 'Get-AcsTeamsServicePrincipal', 'Grant-AcsAdminConsent',
        'New-AcsTeamsServicePrincipal', 'Set-AcsVoipPermission', 'Initialize-AcsTeams') {
        $all.Add(@{ Cmdlet = $cmdlet; Id = 'AccessTokenRejected'; Run = "Connect-Loop -Token `$Tokens.WrongAudience`n$($graphCall[$cmdlet])" })
    }
    $readOnly = @{   # Application.Read.All only
        'Grant-AcsAdminConsent'        = "Grant-AcsAdminConsent -AppId $isvApp -Confirm:`$false"
        'New-AcsTeamsServicePrincipal' = 'New-AcsTeamsServicePrincipal'
        'New-AcsTeamsApplication'      = "New-AcsTeamsApplication -DisplayName 'Read-only app'"
        'Set-AcsVoipPermission'        = "Set-AcsVoipPermission -ApplicationId $fabrikamApp"
        'Test-AcsTeamsReadiness'       = "Test-AcsTeamsReadiness -AppId $fabrikamApp"
        'Initialize-AcsTeams'          = "Initialize-AcsTeams -AppId $fabrikamApp -Confirm:`$false"
    }
    foreach ($cmdlet in $readOnly.Keys) {
        $all.Add(@{ Cmdlet = $cmdlet; Id = 'InsufficientPrivileges'; Run = "Connect-Loop -Token `$Tokens.ReadOnly`n$($readOnly[$cmdlet])" })
    }
    foreach ($cmdlet in 'Get-AcsTeamsApplication', 'Get-AcsTeamsServicePrincipal', 'Get-AcsAdminConsent') {
        $all.Add(@{ Cmdlet = $cmdlet; Id = 'InsufficientPrivileges'; Run = "Connect-Loop -Token `$Tokens.NoRoles`n$($graphCall[$cmdlet])" })
    }

    # No connection.
    $notConnected = @{
        'Get-AcsAdminConsent'          = "Get-AcsAdminConsent -AppId $isvApp"
        'Get-AcsTeamsApplication'      = "Get-AcsTeamsApplication -ApplicationId $isvApp"
        'Get-AcsTeamsServicePrincipal' = 'Get-AcsTeamsServicePrincipal'
        'Grant-AcsAdminConsent'        = "Grant-AcsAdminConsent -AppId $isvApp -Confirm:`$false"
        'New-AcsTeamsServicePrincipal' = 'New-AcsTeamsServicePrincipal'
        'Set-AcsVoipPermission'        = "Set-AcsVoipPermission -ApplicationId $fabrikamApp"
        'Initialize-AcsTeams'          = "Initialize-AcsTeams -AppId $fabrikamApp -Confirm:`$false"
        'New-AcsIdentity'              = 'New-AcsIdentity -Endpoint https://contoso-acs.communication.azure.com/'
        'New-AcsAccessToken'           = "New-AcsAccessToken -IdentityId '$identity' -Scope chat -Endpoint https://contoso-acs.communication.azure.com/"
        'Revoke-AcsAccessToken'        = "Revoke-AcsAccessToken -IdentityId '$identity' -Endpoint https://contoso-acs.communication.azure.com/"
        'Remove-AcsIdentity'           = "Remove-AcsIdentity -IdentityId '$identity' -Endpoint https://contoso-acs.communication.azure.com/ -Confirm:`$false"
        'Convert-AadTokenToTeamsToken' = "Convert-AadTokenToTeamsToken -AadToken `$TeamsToken -ClientId $fabrikamApp -UserObjectId 6e7f8091-a2b3-4c4d-8e5f-607182930a05 -Endpoint https://contoso-acs.communication.azure.com/"
    }
    foreach ($cmdlet in $notConnected.Keys) {
        $all.Add(@{ Cmdlet = $cmdlet; Id = 'NotConnected'; Run = $notConnected[$cmdlet] })
    }

    # ACS answers: a wrong access key (401 Denied) at the loopback sandbox, the in-process sandbox's resource.
    $acsKeyRejected = @{
        'New-AcsIdentity'              = 'New-AcsIdentity -ConnectionString $Loop.WrongKeyConnectionString'
        'New-AcsAccessToken'           = "New-AcsAccessToken -IdentityId '$identity' -Scope chat -ConnectionString `$Loop.WrongKeyConnectionString"
        'Revoke-AcsAccessToken'        = "Revoke-AcsAccessToken -IdentityId '$identity' -ConnectionString `$Loop.WrongKeyConnectionString"
        'Remove-AcsIdentity'           = "Remove-AcsIdentity -IdentityId '$identity' -ConnectionString `$Loop.WrongKeyConnectionString -Confirm:`$false"
        'Convert-AadTokenToTeamsToken' = "Convert-AadTokenToTeamsToken -AadToken `$TeamsToken -ClientId $fabrikamApp -UserObjectId 6e7f8091-a2b3-4c4d-8e5f-607182930a05 -ConnectionString `$Loop.WrongKeyConnectionString"
    }
    foreach ($cmdlet in $acsKeyRejected.Keys) {
        $all.Add(@{ Cmdlet = $cmdlet; Id = 'AccessTokenRejected'; Run = $acsKeyRejected[$cmdlet] })
    }
    foreach ($cmdlet in 'New-AcsIdentity', 'New-AcsAccessToken', 'Revoke-AcsAccessToken', 'Remove-AcsIdentity', 'Convert-AadTokenToTeamsToken') {
        $call = @{
            'New-AcsIdentity'              = 'New-AcsIdentity'
            'New-AcsAccessToken'           = "New-AcsAccessToken -IdentityId '$identity' -Scope chat"
            'Revoke-AcsAccessToken'        = "Revoke-AcsAccessToken -IdentityId '$identity'"
            'Remove-AcsIdentity'           = "Remove-AcsIdentity -IdentityId '$identity' -Confirm:`$false"
            'Convert-AadTokenToTeamsToken' = "Convert-AadTokenToTeamsToken -AadToken `$TeamsToken -ClientId $fabrikamApp -UserObjectId 6e7f8091-a2b3-4c4d-8e5f-607182930a05"
        }[$cmdlet]
        $all.Add(@{ Cmdlet = $cmdlet; Id = 'UnsupportedApiVersion'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`n$call -ApiVersion 2020-01-01" })
        $all.Add(@{ Cmdlet = $cmdlet; Id = 'InvalidConnectionString'; Run = "$call -ConnectionString 'endpoint=https://contoso-acs.communication.azure.com/'" })
    }

    $explicit = @(
        # Connect-AcsTeamsAdmin
        @{ Cmdlet = 'Connect-AcsTeamsAdmin'; Id = 'MissingParameter'; Run = 'Connect-AcsTeamsAdmin -Sandbox -SaveSandboxState' }
        @{ Cmdlet = 'Connect-AcsTeamsAdmin'; Id = 'InvalidGuid'; Run = "Connect-AcsTeamsAdmin -TenantId fabrikam.onmicrosoft.com -ClientId not-a-guid -ClientSecret (ConvertTo-SecureString x -AsPlainText -Force)" }
        @{ Cmdlet = 'Connect-AcsTeamsAdmin'; Id = 'InvalidTenant'; Run = "Connect-AcsTeamsAdmin -TenantId common -ClientId $fabrikamApp -ClientSecret (ConvertTo-SecureString x -AsPlainText -Force)" }
        @{ Cmdlet = 'Connect-AcsTeamsAdmin'; Id = 'InvalidUrl'; Run = 'Connect-AcsTeamsAdmin -AccessToken (ConvertTo-SecureString $GraphToken -AsPlainText -Force) -GraphEndpoint http://graph.example.com/v1.0' }
        @{ Cmdlet = 'Connect-AcsTeamsAdmin'; Id = 'InvalidInput'; Run = "Connect-AcsTeamsAdmin -TenantId fabrikam.onmicrosoft.com -ClientId $fabrikamApp -CertificateThumbprint not-a-thumbprint" }
        @{ Cmdlet = 'Connect-AcsTeamsAdmin'; Id = 'AccessTokenRejected'; Run = 'Connect-AcsTeamsAdmin -AccessToken (ConvertTo-SecureString $ExpiredGraphToken -AsPlainText -Force)' }
        @{ Cmdlet = 'Connect-AcsTeamsAdmin'; Id = 'CertificateNotFound'; Run = "Connect-AcsTeamsAdmin -TenantId fabrikam.onmicrosoft.com -ClientId $fabrikamApp -CertificateThumbprint $('0F' * 20)" }
        @{ Cmdlet = 'Connect-AcsTeamsAdmin'; Id = 'SignInFailed'; Run = "Connect-AcsTeamsAdmin -TenantId fabrikam.onmicrosoft.com -ClientId $fabrikamApp -ClientSecret (ConvertTo-SecureString wrong-secret -AsPlainText -Force) -AuthorityHost `$Loop.authorityHost -GraphEndpoint `$Loop.graphEndpoint" }
        @{ Cmdlet = 'Connect-AcsTeamsAdmin'; Id = 'SignInCancelled'; Stub = @{ Routes = 'DeviceCodeExpired' }; Run = "Connect-AcsTeamsAdmin -TenantId `"`$Key.example`" -ClientId $fabrikamApp -UseDeviceCode -AuthorityHost `$StubBase -WarningAction SilentlyContinue" }
        @{ Cmdlet = 'Connect-AcsTeamsAdmin'; Id = 'SandboxStateUnreadable'; Run = "Connect-AcsTeamsAdmin -Sandbox -SandboxStatePath (Join-Path ([System.IO.Path]::GetTempPath()) 'no-such-sandbox-state-e2e.json')" }
        @{ Cmdlet = 'Connect-AcsTeamsAdmin'; Id = 'ManagedIdentityUnavailable'
            # No managed identity endpoint answers (a refused port as the IMDS address): Azure.Identity retries for ~23 s.
            Run = "`$env:AZURE_POD_IDENTITY_AUTHORITY_HOST = 'http://127.0.0.1:9'`ntry { Connect-AcsTeamsAdmin -Identity } finally { `$env:AZURE_POD_IDENTITY_AUTHORITY_HOST = `$null }" }
        @{ Cmdlet = 'Connect-AcsTeamsAdmin'; Id = 'ConflictingParameters'; By = 'acsteams'; Run = 'acsteams Connect-AcsTeamsAdmin --sandbox --identity' }
        @{ Cmdlet = 'Connect-AcsTeamsAdmin'; Id = 'InsufficientPrivileges'; By = 'New-AcsTeamsServicePrincipal'; Run = "Connect-Loop -Token `$Tokens.ReadOnly`nNew-AcsTeamsServicePrincipal" }

        # Disconnect-AcsTeamsAdmin and Get-AcsTeamsAdminContext document what later cmdlets raise.
        @{ Cmdlet = 'Disconnect-AcsTeamsAdmin'; Id = 'NotConnected'; By = 'Get-AcsTeamsServicePrincipal'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nDisconnect-AcsTeamsAdmin | Out-Null`nGet-AcsTeamsServicePrincipal" }
        @{ Cmdlet = 'Get-AcsTeamsAdminContext'; Id = 'InsufficientPrivileges'; By = 'New-AcsTeamsServicePrincipal'; Run = "Connect-Loop -Token `$Tokens.ReadOnly`nif ((Get-AcsTeamsAdminContext).Permissions -notcontains 'Application.ReadWrite.All') { New-AcsTeamsServicePrincipal }" }

        # Convert-AadTokenToTeamsToken
        @{ Cmdlet = 'Convert-AadTokenToTeamsToken'; Id = 'AcsValidationFailed'; Stub = @{ Status = 400; Code = 'ValidationError'; Message = 'The appId is not valid.'; Target = 'appId' }
            Run = "Convert-AadTokenToTeamsToken -AadToken `$TeamsToken -ClientId $fabrikamApp -UserObjectId 6e7f8091-a2b3-4c4d-8e5f-607182930a05 -ConnectionString (Get-StubAcs)" }
        @{ Cmdlet = 'Convert-AadTokenToTeamsToken'; Id = 'TeamsTokenRejected'; Stub = @{ Status = 401; Code = 'InvalidAccessToken'; Message = 'Provided access token is not valid.' }
            Run = "Convert-AadTokenToTeamsToken -AadToken `$TeamsToken -ClientId $fabrikamApp -UserObjectId 6e7f8091-a2b3-4c4d-8e5f-607182930a05 -ConnectionString (Get-StubAcs)" }
        @{ Cmdlet = 'Convert-AadTokenToTeamsToken'; Id = 'InvalidGuid'; Run = "Convert-AadTokenToTeamsToken -AadToken `$TeamsToken -ClientId not-a-guid -UserObjectId 6e7f8091-a2b3-4c4d-8e5f-607182930a05 -ConnectionString `$Loop.acsConnectionString" }
        @{ Cmdlet = 'Convert-AadTokenToTeamsToken'; Id = 'InvalidInput'; Run = "Convert-AadTokenToTeamsToken -AadToken not-a-jwt -ClientId $fabrikamApp -UserObjectId 6e7f8091-a2b3-4c4d-8e5f-607182930a05 -ConnectionString `$Loop.acsConnectionString" }
        @{ Cmdlet = 'Convert-AadTokenToTeamsToken'; Id = 'TeamsTokenUnusable'; Run = "Convert-AadTokenToTeamsToken -AadToken `$GraphToken -ClientId $fabrikamApp -UserObjectId 6e7f8091-a2b3-4c4d-8e5f-607182930a05 -ConnectionString `$Loop.acsConnectionString" }

        @{ Cmdlet = 'ConvertFrom-AcsToken'; Id = 'InvalidInput'; Run = 'ConvertFrom-AcsToken -Token not-a-jwt' }

        # Get-AcsAdminConsent
        @{ Cmdlet = 'Get-AcsAdminConsent'; Id = 'InvalidGuid'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nGet-AcsAdminConsent -AppId contoso" }
        @{ Cmdlet = 'Get-AcsAdminConsent'; Id = 'MissingParameter'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nGet-AcsAdminConsent -AppId ' '" }
        @{ Cmdlet = 'Get-AcsAdminConsent'; Id = 'UnknownAcsScope'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nGet-AcsAdminConsent -AppId $isvApp -Scope Mail.Read" }

        # Get-AcsAdminConsentUrl
        @{ Cmdlet = 'Get-AcsAdminConsentUrl'; Id = 'InvalidGuid'; Run = 'Get-AcsAdminConsentUrl -TenantId fabrikam.onmicrosoft.com -ClientId contoso' }
        @{ Cmdlet = 'Get-AcsAdminConsentUrl'; Id = 'InvalidTenant'; Run = "Get-AcsAdminConsentUrl -TenantId 'bad tenant!' -ClientId $isvApp" }
        @{ Cmdlet = 'Get-AcsAdminConsentUrl'; Id = 'InvalidUrl'; Run = "Get-AcsAdminConsentUrl -TenantId fabrikam.onmicrosoft.com -ClientId $isvApp -RedirectUri 'not a url'" }
        @{ Cmdlet = 'Get-AcsAdminConsentUrl'; Id = 'MissingParameter'; Run = "Get-AcsAdminConsentUrl -TenantId fabrikam.onmicrosoft.com -ClientId $isvApp -Scope Teams.ManageCalls" }
        @{ Cmdlet = 'Get-AcsAdminConsentUrl'; Id = 'UnknownAcsScope'; Run = "Get-AcsAdminConsentUrl -TenantId fabrikam.onmicrosoft.com -ClientId $isvApp -Scope Teams.ManageMeetings -RedirectUri http://localhost" }

        # Get-AcsTeamsApplication
        @{ Cmdlet = 'Get-AcsTeamsApplication'; Id = 'ApplicationInAnotherTenant'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nNew-AcsTeamsServicePrincipal | Out-Null`nGet-AcsTeamsApplication -ApplicationId $acsApp" }
        @{ Cmdlet = 'Get-AcsTeamsApplication'; Id = 'ApplicationNotFound'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nGet-AcsTeamsApplication -ApplicationId $isvApp" }
        @{ Cmdlet = 'Get-AcsTeamsApplication'; Id = 'InvalidGuid'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nGet-AcsTeamsApplication -ApplicationId 'Contoso Teams Calling'" }
        @{ Cmdlet = 'Get-AcsTeamsApplication'; Id = 'MissingParameter'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nGet-AcsTeamsApplication -ApplicationId ' '" }

        # Get-AcsTeamsServicePrincipal
        @{ Cmdlet = 'Get-AcsTeamsServicePrincipal'; Id = 'InvalidGuid'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nGet-AcsTeamsServicePrincipal -AppId not-a-guid" }
        @{ Cmdlet = 'Get-AcsTeamsServicePrincipal'; Id = 'MissingParameter'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nGet-AcsTeamsServicePrincipal -AppId ''" }
        @{ Cmdlet = 'Get-AcsTeamsServicePrincipal'; Id = 'SignInFailed'; Group = 'mutable'; Run = "Connect-Mutable`nGet-AcsTeamsServicePrincipal" }

        # Get-AcsTeamsUserAadToken
        @{ Cmdlet = 'Get-AcsTeamsUserAadToken'; Id = 'InvalidGuid'; Run = 'Get-AcsTeamsUserAadToken -ClientId not-a-guid' }
        @{ Cmdlet = 'Get-AcsTeamsUserAadToken'; Id = 'InvalidTenant'; Run = "Get-AcsTeamsUserAadToken -ClientId $fabrikamApp -TenantId 'bad tenant!'" }
        @{ Cmdlet = 'Get-AcsTeamsUserAadToken'; Id = 'InvalidInput'; Run = "Get-AcsTeamsUserAadToken -ClientId $fabrikamApp -Account adele" }
        # The sandbox's Fabrikam has no ACS service principal yet: Entra ID refuses the sign-in.
        @{ Cmdlet = 'Get-AcsTeamsUserAadToken'; Id = 'SignInFailed'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nGet-AcsTeamsUserAadToken -ClientId $fabrikamApp -TenantId fabrikam.onmicrosoft.com -UseDeviceCode -WarningAction SilentlyContinue" }
        @{ Cmdlet = 'Get-AcsTeamsUserAadToken'; Id = 'SignInCancelled'; Stub = @{ Routes = 'DeviceCodeExpired' }
            Run = "Get-AcsTeamsUserAadToken -ClientId $fabrikamApp -TenantId `"`$Key.example`" -UseDeviceCode -AuthorityHost `$StubBase -WarningAction SilentlyContinue" }

        # Grant-AcsAdminConsent
        @{ Cmdlet = 'Grant-AcsAdminConsent'; Id = 'InvalidGuid'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nGrant-AcsAdminConsent -AppId c0a1b2c3-xxxx -Confirm:`$false" }
        @{ Cmdlet = 'Grant-AcsAdminConsent'; Id = 'MissingParameter'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nGrant-AcsAdminConsent -AppId $isvApp -Scope ' ' -Confirm:`$false" }
        @{ Cmdlet = 'Grant-AcsAdminConsent'; Id = 'UnknownAcsScope'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nGrant-AcsAdminConsent -AppId $isvApp -Scope Mail.Read -Confirm:`$false" }
        @{ Cmdlet = 'Grant-AcsAdminConsent'; Id = 'ClientAppNotFound'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nGrant-AcsAdminConsent -AppId 4b8d5e3c-8a2f-4c73-9c9a-5f3e7d4c0c11 -Confirm:`$false" }
        @{ Cmdlet = 'Grant-AcsAdminConsent'; Id = 'ResourceConflict'; Stub = @{ GET = @{ Status = 404; Code = 'Request_ResourceNotFound' }; PATCH = @{ Status = 409; Code = 'Request_MultipleObjectsWithSameKeyValue' } }
            Run = "Connect-Stub`nGrant-AcsAdminConsent -AppId $isvApp -Confirm:`$false" }
        @{ Cmdlet = 'Grant-AcsAdminConsent'; Id = 'SignInFailed'; Group = 'mutable'; Run = "Connect-Mutable`nGrant-AcsAdminConsent -AppId $isvApp -Confirm:`$false" }

        # Initialize-AcsTeams (the errors it raises; a change failing for its own app is a Failed check, not an error)
        @{ Cmdlet = 'Initialize-AcsTeams'; Id = 'InvalidGuid'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nInitialize-AcsTeams -AppId not-a-guid -Confirm:`$false" }
        @{ Cmdlet = 'Initialize-AcsTeams'; Id = 'InvalidUrl'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nInitialize-AcsTeams -AppId $fabrikamApp -RedirectUri 'not a uri' -Confirm:`$false" }
        @{ Cmdlet = 'Initialize-AcsTeams'; Id = 'MissingParameter'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nInitialize-AcsTeams -AppId $fabrikamApp -RedirectUri '' -Confirm:`$false" }
        @{ Cmdlet = 'Initialize-AcsTeams'; Id = 'SignInFailed'; Group = 'mutable'; Run = "Connect-Mutable`nInitialize-AcsTeams -AppId $isvApp -Confirm:`$false" }

        # New-AcsAccessToken, Revoke-AcsAccessToken, Remove-AcsIdentity against the in-process sandbox's resource
        @{ Cmdlet = 'New-AcsAccessToken'; Id = 'AcsIdentityNotFound'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`n`$gone = New-AcsIdentity`n`$gone | Remove-AcsIdentity -Confirm:`$false`nNew-AcsAccessToken -IdentityId `$gone.Id -Scope chat" }
        @{ Cmdlet = 'New-AcsAccessToken'; Id = 'AcsIdentityNotOwned'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nNew-AcsAccessToken -IdentityId '$otherIdentity' -Scope chat" }
        @{ Cmdlet = 'New-AcsAccessToken'; Id = 'AcsValidationFailed'; Stub = @{ Status = 400; Code = 'ValidationError'; Message = 'The scopes are not valid.'; Target = 'scopes' }; Run = "New-AcsAccessToken -IdentityId '$identity' -Scope chat -ConnectionString (Get-StubAcs)" }
        @{ Cmdlet = 'New-AcsAccessToken'; Id = 'InvalidIdentityId'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nNew-AcsAccessToken -IdentityId '8:orgid:6e7f8091-a2b3-4c4d-8e5f-607182930a05' -Scope chat" }
        @{ Cmdlet = 'New-AcsAccessToken'; Id = 'InvalidTokenLifetime'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nNew-AcsAccessToken -IdentityId '$identity' -Scope chat -ExpiresInMinutes 59" }
        @{ Cmdlet = 'New-AcsAccessToken'; Id = 'InvalidTokenScope'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nNew-AcsAccessToken -IdentityId '$identity' -Scope admin" }
        @{ Cmdlet = 'Revoke-AcsAccessToken'; Id = 'AcsIdentityNotFound'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`n`$gone = New-AcsIdentity`n`$gone | Remove-AcsIdentity -Confirm:`$false`nRevoke-AcsAccessToken -IdentityId `$gone.Id" }
        @{ Cmdlet = 'Revoke-AcsAccessToken'; Id = 'AcsIdentityNotOwned'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nRevoke-AcsAccessToken -IdentityId '$otherIdentity'" }
        @{ Cmdlet = 'Revoke-AcsAccessToken'; Id = 'InvalidIdentityId'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nRevoke-AcsAccessToken -IdentityId bad" }
        @{ Cmdlet = 'Remove-AcsIdentity'; Id = 'AcsIdentityNotOwned'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nRemove-AcsIdentity -IdentityId '$otherIdentity' -Confirm:`$false" }
        @{ Cmdlet = 'Remove-AcsIdentity'; Id = 'InvalidIdentityId'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nRemove-AcsIdentity -IdentityId bad -Confirm:`$false" }

        # New-AcsIdentity
        @{ Cmdlet = 'New-AcsIdentity'; Id = 'ConflictingParameters'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`n1, 2 | New-AcsIdentity -Count 2" }
        @{ Cmdlet = 'New-AcsIdentity'; Id = 'InvalidTokenLifetime'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nNew-AcsIdentity -Scope chat -ExpiresInMinutes 1441" }
        @{ Cmdlet = 'New-AcsIdentity'; Id = 'InvalidTokenScope'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nNew-AcsIdentity -Scope admin" }
        @{ Cmdlet = 'New-AcsIdentity'; Id = 'InvalidUrl'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nNew-AcsIdentity -Endpoint http://contoso-acs.example.com/" }
        @{ Cmdlet = 'New-AcsIdentity'; Id = 'MissingParameter'; Run = 'New-AcsIdentity' }

        # New-AcsTeamsApplication
        @{ Cmdlet = 'New-AcsTeamsApplication'; Id = 'AmbiguousApplicationName'; Run = "Connect-AcsTeamsAdmin -Sandbox -SandboxStatePath `$Special.StatePath | Out-Null`nNew-AcsTeamsApplication -DisplayName `$Special.TwinName" }
        @{ Cmdlet = 'New-AcsTeamsApplication'; Id = 'InvalidUrl'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nNew-AcsTeamsApplication -DisplayName 'Bad redirect' -RedirectUri 'not a uri'" }
        @{ Cmdlet = 'New-AcsTeamsApplication'; Id = 'MissingParameter'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nNew-AcsTeamsApplication -DisplayName ' '" }
        @{ Cmdlet = 'New-AcsTeamsApplication'; Id = 'UnknownAcsScope'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nNew-AcsTeamsApplication -DisplayName 'Bad scope' -Scope Mail.Read" }

        # New-AcsTeamsServicePrincipal
        @{ Cmdlet = 'New-AcsTeamsServicePrincipal'; Id = 'InvalidGuid'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nNew-AcsTeamsServicePrincipal -AppId 1fd5118e-2576-4263-8130" }
        @{ Cmdlet = 'New-AcsTeamsServicePrincipal'; Id = 'MissingParameter'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nNew-AcsTeamsServicePrincipal -AppId ''" }
        @{ Cmdlet = 'New-AcsTeamsServicePrincipal'; Id = 'ResourceConflict'; Stub = @{ GET = @{ Status = 404; Code = 'Request_ResourceNotFound' }; PATCH = @{ Status = 409; Code = 'Request_MultipleObjectsWithSameKeyValue' } }
            Run = "Connect-Stub`nNew-AcsTeamsServicePrincipal" }
        @{ Cmdlet = 'New-AcsTeamsServicePrincipal'; Id = 'SignInFailed'; Group = 'mutable'; Run = "Connect-Mutable`nNew-AcsTeamsServicePrincipal" }

        # Set-AcsVoipPermission
        @{ Cmdlet = 'Set-AcsVoipPermission'; Id = 'ApplicationChangedConcurrently'; Stub = @{ Routes = 'ApplicationThatNeverChanges' }; Run = "Connect-Stub`nSet-AcsVoipPermission -ApplicationId 22222222-2222-4222-8222-222222222222" }
        @{ Cmdlet = 'Set-AcsVoipPermission'; Id = 'ApplicationInAnotherTenant'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nNew-AcsTeamsServicePrincipal | Out-Null`nSet-AcsVoipPermission -ApplicationId $acsApp" }
        @{ Cmdlet = 'Set-AcsVoipPermission'; Id = 'ApplicationNotFound'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nSet-AcsVoipPermission -ApplicationId $isvApp" }
        @{ Cmdlet = 'Set-AcsVoipPermission'; Id = 'InvalidGuid'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nSet-AcsVoipPermission -ApplicationId c0a1b2c3-xxxx" }
        @{ Cmdlet = 'Set-AcsVoipPermission'; Id = 'InvalidUrl'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nSet-AcsVoipPermission -ApplicationId $fabrikamApp -RedirectUri 'not a uri'" }
        @{ Cmdlet = 'Set-AcsVoipPermission'; Id = 'MissingParameter'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nSet-AcsVoipPermission -ApplicationId ' '" }
        @{ Cmdlet = 'Set-AcsVoipPermission'; Id = 'RequiredResourceAccessLimit'; Run = "Connect-AcsTeamsAdmin -Sandbox -SandboxStatePath `$Special.StatePath | Out-Null`nSet-AcsVoipPermission -ApplicationId `$Special.CrowdedApp" }
        @{ Cmdlet = 'Set-AcsVoipPermission'; Id = 'SignInAudienceChangeRefused'; Run = "Connect-AcsTeamsAdmin -Sandbox -SandboxStatePath `$Special.StatePath | Out-Null`nSet-AcsVoipPermission -ApplicationId `$Special.PersonalApp -MultiTenant" }
        @{ Cmdlet = 'Set-AcsVoipPermission'; Id = 'UnknownAcsScope'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nSet-AcsVoipPermission -ApplicationId $fabrikamApp -Scope Teams.ManageMeetings" }

        # Test-AcsAnonymousJoinPolicy (offline)
        @{ Cmdlet = 'Test-AcsAnonymousJoinPolicy'; Id = 'InvalidGuid'; Run = 'Test-AcsAnonymousJoinPolicy -AutoAdmittedUsers Everyone -AcsResourceId contoso-acs' }
        @{ Cmdlet = 'Test-AcsAnonymousJoinPolicy'; Id = 'InvalidTeamsSetting'; Run = 'Test-AcsAnonymousJoinPolicy -AutoAdmittedUsers Everybody' }
        @{ Cmdlet = 'Test-AcsAnonymousJoinPolicy'; Id = 'TeamsSettingsNotRecognized'; Run = "Test-AcsAnonymousJoinPolicy -MeetingConfiguration ([pscustomobject]@{ Identity = 'Global'; AllowAnonymousUsersToJoinMeeting = `$true; AutoAdmittedUsers = 'Everyone' })" }
        @{ Cmdlet = 'Test-AcsAnonymousJoinPolicy'; Id = 'TeamsSettingsFileUnreadable'; Run = "Test-AcsAnonymousJoinPolicy -Path (Join-Path ([System.IO.Path]::GetTempPath()) 'no-such-teams-settings-e2e.json')" }

        # Test-AcsTeamsReadiness
        @{ Cmdlet = 'Test-AcsTeamsReadiness'; Id = 'ConflictingParameters'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nTest-AcsTeamsReadiness -AcsEndpoint https://contoso-acs.communication.azure.com/ -AcsConnectionString (ConvertTo-SecureString `$Loop.acsConnectionString -AsPlainText -Force)" }
        @{ Cmdlet = 'Test-AcsTeamsReadiness'; Id = 'InvalidGuid'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nTest-AcsTeamsReadiness -AppId not-a-guid" }
        @{ Cmdlet = 'Test-AcsTeamsReadiness'; Id = 'InvalidInput'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nTest-AcsTeamsReadiness -AppId $fabrikamApp -TeamsUserToken (ConvertTo-SecureString not-a-jwt -AsPlainText -Force) -TeamsUserId 6e7f8091-a2b3-4c4d-8e5f-607182930a05" }
        @{ Cmdlet = 'Test-AcsTeamsReadiness'; Id = 'InvalidUrl'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nTest-AcsTeamsReadiness -AcsEndpoint 'not a url'" }
        # Get-AcsResource: Azure Resource Manager. The in-process sandbox's Fabrikam has the ACS resource (its admin app is
        # Contributor); $Special.ReaderStatePath makes it only Reader; Contoso has no subscription of its own.
        @{ Cmdlet = 'Get-AcsResource'; Id = 'NotConnected'; Run = 'Get-AcsResource' }
        @{ Cmdlet = 'Get-AcsResource'; Id = 'InvalidGuid'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nGet-AcsResource -SubscriptionId not-a-guid" }
        @{ Cmdlet = 'Get-AcsResource'; Id = 'InvalidInput'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nGet-AcsResource -Name 'fabrikam acs!'" }
        @{ Cmdlet = 'Get-AcsResource'; Id = 'MissingParameter'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nGet-AcsResource -ResourceGroupName ' '" }
        @{ Cmdlet = 'Get-AcsResource'; Id = 'AcsResourceNotFound'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nGet-AcsResource -SubscriptionId $fabrikamSubscription -ResourceGroupName rg-communication -Name contoso-acs" }
        @{ Cmdlet = 'Get-AcsResource'; Id = 'ResourceGroupNotFound'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nGet-AcsResource -SubscriptionId $fabrikamSubscription -ResourceGroupName rg-missing" }
        @{ Cmdlet = 'Get-AcsResource'; Id = 'SubscriptionNotFound'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nGet-AcsResource -SubscriptionId 00000000-0000-4000-8000-0000000000aa" }
        @{ Cmdlet = 'Get-AcsResource'; Id = 'InsufficientPrivileges'; Run = "Connect-AcsTeamsAdmin -Sandbox -SandboxStatePath `$Special.ReaderStatePath | Out-Null`nGet-AcsResource -IncludeConnectionString" }
        @{ Cmdlet = 'Get-AcsResource'; Id = 'AccessTokenRejected'; Run = "Connect-AcsTeamsAdmin -Sandbox -TenantId contoso.onmicrosoft.com | Out-Null`nGet-AcsResource -SubscriptionId $fabrikamSubscription" }
        @{ Cmdlet = 'Get-AcsResource'; Id = 'SignInFailed'; Group = 'mutable'; Run = "Connect-Mutable`nGet-AcsResource" }
        @{ Cmdlet = 'Get-AcsResource'; Id = 'Throttled'; Group = 'mutable'; Run = 'Invoke-ArmFault TooManyRequests' }
        @{ Cmdlet = 'Get-AcsResource'; Id = 'ServiceUnavailable'; Group = 'mutable'; Run = 'Invoke-ArmFault ServiceUnavailable' }
        @{ Cmdlet = 'Get-AcsResource'; Id = 'ServiceTimeout'; Group = 'mutable'; Run = 'Invoke-ArmFault GatewayTimeout' }
        @{ Cmdlet = 'Get-AcsResource'; Id = 'ConnectionFailed'; Group = 'mutable'; Run = 'Invoke-ArmFault ConnectionReset' }
        @{ Cmdlet = 'Get-AcsResource'; Id = 'EndpointUnreachable'; Slow = $true
            Run = "`$t = @(`$Loop.tenants | Where-Object domain -EQ 'fabrikam.onmicrosoft.com')[0]`nConnect-AcsTeamsAdmin -TenantId `$t.id -ClientId `$t.adminClientId -ClientSecret (ConvertTo-SecureString `$t.adminClientSecret -AsPlainText -Force) -AuthorityHost `$Loop.authorityHost -GraphEndpoint 'http://127.0.0.1:9/v1.0' | Out-Null`nGet-AcsResource" }

        # New-AcsTeamsMeeting: the in-process sandbox's admin app may create meetings for everyone; $Special.NoPolicyStatePath has no policy.
        @{ Cmdlet = 'New-AcsTeamsMeeting'; Id = 'NotConnected'; Run = 'New-AcsTeamsMeeting -OrganizerId adele@fabrikam.onmicrosoft.com' }
        @{ Cmdlet = 'New-AcsTeamsMeeting'; Id = 'InvalidGuid'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nNew-AcsTeamsMeeting -OrganizerId 6e7f8091-a2b3-4c4d-8e5f" }
        @{ Cmdlet = 'New-AcsTeamsMeeting'; Id = 'InvalidInput'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nNew-AcsTeamsMeeting -OrganizerId adele@fabrikam.onmicrosoft.com -StartDateTime (Get-Date).AddDays(2) -EndDateTime (Get-Date).AddDays(1)" }
        @{ Cmdlet = 'New-AcsTeamsMeeting'; Id = 'MissingParameter'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nNew-AcsTeamsMeeting -OrganizerId adele@fabrikam.onmicrosoft.com -Subject ' '" }
        @{ Cmdlet = 'New-AcsTeamsMeeting'; Id = 'ResourceNotFound'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nNew-AcsTeamsMeeting -OrganizerId nobody@fabrikam.onmicrosoft.com" }
        @{ Cmdlet = 'New-AcsTeamsMeeting'; Id = 'ApplicationAccessPolicyMissing'; Run = "Connect-AcsTeamsAdmin -Sandbox -SandboxStatePath `$Special.NoPolicyStatePath | Out-Null`nNew-AcsTeamsMeeting -OrganizerId adele@fabrikam.onmicrosoft.com" }
        @{ Cmdlet = 'New-AcsTeamsMeeting'; Id = 'InsufficientPrivileges'; Run = "Connect-Loop -Token `$Tokens.ReadOnly`nNew-AcsTeamsMeeting -OrganizerId 6e7f8091-a2b3-4c4d-8e5f-607182930a05" }
        @{ Cmdlet = 'New-AcsTeamsMeeting'; Id = 'AccessTokenRejected'; Run = "Connect-Loop -Token `$Tokens.WrongAudience`nNew-AcsTeamsMeeting -OrganizerId 6e7f8091-a2b3-4c4d-8e5f-607182930a05" }

        @{ Cmdlet = 'Test-AcsTeamsReadiness'; Id = 'MissingParameter'; Run = "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nTest-AcsTeamsReadiness -AppId $fabrikamApp -TeamsUserToken (ConvertTo-SecureString `$TeamsToken -AsPlainText -Force)" }
    )
    foreach ($entry in $explicit) { $all.Add($entry) }

    # Documented ids no trigger raises here, and why.
    $script:NotRaised = @(
    )

    $script:Triggers = @($all | ForEach-Object {
            $entry = $_
            @{
                Cmdlet = $entry.Cmdlet
                Id     = $entry.Id
                By     = $(if ($entry['By']) { $entry['By'] } else { $entry.Cmdlet })
                Run    = [string]$entry.Run
                Stub   = $entry['Stub']
                Group  = $entry['Group']
                Skip   = $entry['Skip']
                Slow   = ($entry.Id -in 'ConnectionFailed', 'ManagedIdentityUnavailable' -or $entry['Slow'])
            }
        })
}

Describe 'Documented error ids' -ForEach @(@{ Triggers = $Triggers; NotRaised = $NotRaised }) {
    BeforeAll {
        Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'EndToEnd.Helpers.psm1')) -Force
        $paths = Get-E2EPath
        Import-Module $paths.Manifest -Force -ErrorAction Stop
        Connect-AcsTeamsAdmin -Sandbox | Out-Null   # loads the engine, whose ErrorIds are the catalog
        $script:Catalog = Get-E2EErrorIdCatalog
        $script:Documented = @(Get-E2EDocumentedErrorId -Catalog $script:Catalog)
        Disconnect-AcsTeamsAdmin | Out-Null

        # The slowest trigger first, on its own, so its ~23 s overlap all the rest: no managed identity
        # endpoint answers (a refused port as the IMDS address), and Azure.Identity retries before it
        # gives up. It sets a process-wide variable that only Connect-AcsTeamsAdmin -Identity reads.
        $identityTrigger = @($Triggers | Where-Object { $_.Cmdlet -eq 'Connect-AcsTeamsAdmin' -and $_.Id -eq 'ManagedIdentityUnavailable' })[0]
        $script:IdentityRun = Start-E2EIsolated -Script $identityTrigger.Run

        $script:Stub = Start-E2EStub
        $script:Loop = Start-E2ESandbox

        # The stub's routed answers some triggers share.
        $deviceCode = @{ user_code = 'ABCDEFGHJ'; device_code = 'stub-device-code'; verification_uri = 'https://microsoft.com/devicelogin'; expires_in = 900; interval = 1
            message = 'To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code ABCDEFGHJ to authenticate.' } | ConvertTo-Json -Compress
        $expired = @{ error = 'expired_token'; error_description = 'AADSTS70020: The provided value for the input parameter ''device_code'' is not valid. This device code has expired.'; error_codes = @(70020) } | ConvertTo-Json -Compress
        $stubApp = @{ id = '11111111-1111-4111-8111-111111111111'; appId = '22222222-2222-4222-8222-222222222222'; displayName = 'Stub App'; signInAudience = 'AzureADMyOrg'
            isFallbackPublicClient = $true; publicClient = @{ redirectUris = @('http://localhost') }; requiredResourceAccess = @(); publisherDomain = 'fabrikam.onmicrosoft.com' } | ConvertTo-Json -Depth 5 -Compress
        $routes = @{
            DeviceCodeExpired           = @(
                @{ Method = 'POST'; Path = '/devicecode'; Answer = @{ Status = 200; Body = $deviceCode } }
                @{ Method = 'POST'; Path = '/token'; Answer = @{ Status = 400; Body = $expired } }
            )
            # An app registration that reads back unchanged after every write: another writer, to the module.
            ApplicationThatNeverChanges = @(
                @{ Method = 'GET'; Path = '/applications'; Answer = @{ Status = 200; Body = $stubApp } }
                @{ Method = 'PATCH'; Path = '/applications'; Answer = @{ Status = 204 } }
            )
        }

        # Tokens for the loopback sandbox: too few permissions, the wrong audience.
        $tokens = @{
            ReadOnly      = New-E2ESandboxToken -Sandbox $script:Loop -Roles 'Application.Read.All'
            NoRoles       = New-E2ESandboxToken -Sandbox $script:Loop -Roles @()
            WrongAudience = New-E2ESandboxToken -Sandbox $script:Loop -Roles 'Application.ReadWrite.All', 'DelegatedPermissionGrant.ReadWrite.All' -Audience 'https://communication.azure.com'
        }
        $loop = $script:Loop.Description
        $loop | Add-Member -NotePropertyName WrongKeyConnectionString -NotePropertyValue ($loop.acsConnectionString -replace 'accesskey=.*$', "accesskey=$([Convert]::ToBase64String([byte[]](1..32)))")

        # A state with apps the seed lacks: two of one name, one at the 50-API limit, one for personal accounts only.
        $writer = New-E2ESandboxToken -Sandbox $script:Loop -Roles 'Application.ReadWrite.All'
        $graph = @{ Method = 'Post'; Uri = "$($loop.graphEndpoint)/applications"; Headers = @{ Authorization = "Bearer $writer" }; ContentType = 'application/json' }
        $twin = 'Twin Calling'
        1..2 | ForEach-Object { $null = Invoke-RestMethod @graph -Body (@{ displayName = $twin } | ConvertTo-Json) }
        $crowded = Invoke-RestMethod @graph -Body (@{ displayName = 'Crowded App'; requiredResourceAccess = @(1..50 | ForEach-Object {
                        @{ resourceAppId = [guid]::NewGuid().ToString(); resourceAccess = @(@{ id = [guid]::NewGuid().ToString(); type = 'Scope' }) } }) } | ConvertTo-Json -Depth 6)
        $personal = Invoke-RestMethod @graph -Body (@{ displayName = 'Personal App'; signInAudience = 'PersonalMicrosoftAccount' } | ConvertTo-Json)
        $statePath = Join-Path $TestDrive 'special-sandbox.json'
        Invoke-WebRequest -Uri "$($script:Loop.Base)/_sandbox/state" -OutFile $statePath
        # Two more states: Fabrikam's admin app only Reader of its Azure subscription (no listKeys), and no Teams
        # application access policy (no meetings as an app).
        $seeded = (Invoke-WebRequest -Uri "$($script:Loop.Base)/_sandbox/state").Content
        $readerPath = New-E2ESandboxState -Json $seeded -Change ReaderRole -Path (Join-Path $TestDrive 'reader-sandbox.json')
        $noPolicyPath = New-E2ESandboxState -Json $seeded -Change NoMeetingPolicy -Path (Join-Path $TestDrive 'no-meeting-policy-sandbox.json')
        $special = @{ StatePath = $statePath; TwinName = $twin; CrowdedApp = $crowded.appId; PersonalApp = $personal.appId; ReaderStatePath = $readerPath; NoPolicyStatePath = $noPolicyPath }

        # For the 'mutable' triggers: short-lived tokens, so every call signs in again; Connect-Mutable
        # signs Contoso's admin app in, then takes its secret away (no other trigger uses that app).
        $pristine = (Invoke-WebRequest -Uri "$($script:Loop.Base)/_sandbox/state").Content
        $short = $pristine | ConvertFrom-Json -AsHashtable
        $short.settings.accessTokenLifetimeSeconds = 120
        $withoutSecret = $pristine | ConvertFrom-Json -AsHashtable
        $withoutSecret.settings.accessTokenLifetimeSeconds = 120
        $contoso = @($withoutSecret.tenants | Where-Object { $_.defaultDomain -eq 'contoso.onmicrosoft.com' })[0]
        @($contoso.appCredentials | Where-Object { $_.appId -eq $contoso.adminClientId })[0].secrets = @()

        $now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
        $teamsToken = New-E2EJwt -Claims ([ordered]@{ aud = 'https://auth.msft.communication.azure.com'; iss = 'https://sts.windows.net/2f6b3c1a-6e0d-4a51-9a7e-3f1d5c2b8a01/'
                tid = '2f6b3c1a-6e0d-4a51-9a7e-3f1d5c2b8a01'; appid = '5a3c9e71-0b2d-4c8e-9f16-7d4a2b8c1e02'; oid = '6e7f8091-a2b3-4c4d-8e5f-607182930a05'
                scp = 'Teams.ManageCalls Teams.ManageChats'; iat = $now - 60; nbf = $now - 60; exp = $now + 3600 })

        $prelude = {
            function Connect-Stub {
                Connect-AcsTeamsAdmin -AccessToken (ConvertTo-SecureString $GraphToken -AsPlainText -Force) -GraphEndpoint "$StubBase/k/$Key/v1.0" | Out-Null
            }
            function Get-StubAcs { "endpoint=$StubBase/k/$Key/;accesskey=$([Convert]::ToBase64String([byte[]](1..32)))" }
            function Connect-Loop([string]$Token) {
                Connect-AcsTeamsAdmin -AccessToken (ConvertTo-SecureString $Token -AsPlainText -Force) -GraphEndpoint $Loop.graphEndpoint | Out-Null
            }
            function Connect-Mutable {
                Invoke-RestMethod -Method Put -Uri "$($Mutable.Base)/_sandbox/state" -Body $Mutable.Short -ContentType 'application/json'
                $t = @($Mutable.Description.tenants | Where-Object domain -EQ 'contoso.onmicrosoft.com')[0]
                Connect-AcsTeamsAdmin -TenantId $t.id -ClientId $t.adminClientId -ClientSecret (ConvertTo-SecureString $t.adminClientSecret -AsPlainText -Force) `
                    -AuthorityHost $Mutable.Description.authorityHost -GraphEndpoint $Mutable.Description.graphEndpoint | Out-Null
                Invoke-RestMethod -Method Put -Uri "$($Mutable.Base)/_sandbox/state" -Body $Mutable.WithoutSecret -ContentType 'application/json'
            }
            # Get-AcsResource against the loopback sandbox's Azure Resource Manager with one fault on every ARM
            # request, and no retry (-MaxRetryWaitSeconds 0); the 'mutable' group runs these one at a time.
            function Invoke-ArmFault([string]$Kind) {
                $faults = "$($Loop.authorityHost.TrimEnd('/'))/_sandbox/faults"
                Invoke-RestMethod -Method Post -Uri $faults -ContentType 'application/json' -Body (@{ kind = $Kind; rate = 1; pathPrefix = '/subscriptions'; retryAfterSeconds = 3600 } | ConvertTo-Json)
                try {
                    $t = @($Loop.tenants | Where-Object domain -EQ 'fabrikam.onmicrosoft.com')[0]
                    Connect-AcsTeamsAdmin -TenantId $t.id -ClientId $t.adminClientId -ClientSecret (ConvertTo-SecureString $t.adminClientSecret -AsPlainText -Force) `
                        -AuthorityHost $Loop.authorityHost -GraphEndpoint $Loop.graphEndpoint -MaxRetryWaitSeconds 0 | Out-Null
                    Get-AcsResource
                }
                finally { Invoke-RestMethod -Method Delete -Uri $faults }
            }
            function acsteams {
                [CmdletBinding()]
                param([Parameter(ValueFromRemainingArguments)] [string[]]$Arguments)
                $lines = & dotnet $Cli @Arguments 2>&1
                foreach ($line in $lines) {
                    if ("$line" -match '^acsteams: error (\w+):') {
                        $PSCmdlet.WriteError([System.Management.Automation.ErrorRecord]::new([Exception]::new("$line"), $Matches[1], 'NotSpecified', $null))
                    }
                }
            }
        }

        $variables = @{
            StubBase          = $script:Stub.Base
            GraphToken        = New-E2EGraphToken
            ExpiredGraphToken = New-E2EGraphToken -ExpiresInSeconds -600
            TeamsToken        = $teamsToken
            Loop              = $loop
            Tokens            = $tokens
            Special           = $special
            Mutable           = @{ Base = $script:Loop.Base; Description = $script:Loop.Description; Short = ($short | ConvertTo-Json -Depth 100 -Compress); WithoutSecret = ($withoutSecret | ConvertTo-Json -Depth 100 -Compress) }
            Cli               = $paths.Cli
        }

        $number = 0
        $jobs = foreach ($trigger in @($Triggers | Where-Object { ($_ -ne $identityTrigger) -and (-not $_.Skip -or $env:ACSTEAMS_E2E_KNOWN_BUGS) } | Sort-Object { -not $_.Slow })) {
            $number++
            $key = "t$number"
            if ($trigger.Stub) {
                $plan = $trigger.Stub
                if ($plan['Routes'] -is [string]) { $plan = @{ Routes = $routes[$plan['Routes']] } }
                # Authority requests are keyed by their tenant, <key>.example.
                $script:Stub.Plan[$key] = $plan
                $script:Stub.Plan["$key.example"] = $plan
            }
            @{
                Key       = "$($trigger.Cmdlet)/$($trigger.Id)"
                Script    = $prelude.ToString() + "`n" + $trigger.Run
                Variables = $variables + @{ Key = $key }
                Group     = $trigger.Group
            }
        }

        $script:Pool = New-E2EPool -Size 12
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $script:Results = Invoke-E2EParallel -Jobs @($jobs) -ThrottleLimit 12 -Pool $script:Pool -TimeoutSeconds 60
        $script:Results['Connect-AcsTeamsAdmin/ManagedIdentityUnavailable'] = Receive-E2EIsolated -Run $script:IdentityRun -TimeoutSeconds 60
        $script:Seconds = $watch.Elapsed.TotalSeconds
    }

    AfterAll {
        if ($script:Pool) { $script:Pool.Dispose() }
        Stop-E2EStub $script:Stub
        Stop-E2ESandbox $script:Loop
        Disconnect-AcsTeamsAdmin | Out-Null
    }

    It 'reads the documented ids of every exported cmdlet''s page' {
        $pages = @($script:Documented.Cmdlet | Sort-Object -Unique)
        foreach ($cmdlet in Get-E2EExportedCmdlet) {
            $cmdlet | Should -BeIn $pages -Because "docs/en-US/$cmdlet.md should document at least one error id"
        }
        $script:Documented.Count | Should -BeGreaterThan 150
    }

    It 'has a trigger or a reason for every documented (cmdlet, id), and nothing else' {
        $covered = @($Triggers | ForEach-Object { "$($_.Cmdlet)/$($_.Id)" }) + @($NotRaised | ForEach-Object { "$($_.Cmdlet)/$($_.Id)" })
        $documented = @($script:Documented | ForEach-Object { "$($_.Cmdlet)/$($_.Id)" })
        $documented | Where-Object { $_ -notin $covered } | Should -BeNullOrEmpty -Because 'every documented id needs a trigger (or a reason it cannot be raised here)'
        $covered | Where-Object { $_ -notin $documented } | Should -BeNullOrEmpty -Because 'a trigger or reason must name an id its cmdlet''s page documents'
        $covered | Group-Object | Where-Object Count -GT 1 | ForEach-Object Name | Should -BeNullOrEmpty -Because 'one trigger per (cmdlet, id)'
        Write-Host ('Error ids: {0} documented (cmdlet, id) pairs; {1} triggered in {2:0.0} s ({3} skipped for product bugs), {4} not raisable here.' -f `
                $documented.Count, @($Triggers).Count, $script:Seconds, @($Triggers | Where-Object Skip).Count, @($NotRaised).Count)
    }

    It '<Cmdlet> raises <Id>' -ForEach $Triggers {
        # Product bugs: set $env:ACSTEAMS_E2E_KNOWN_BUGS = 1 to run these (they fail today).
        if ($Skip -and -not $env:ACSTEAMS_E2E_KNOWN_BUGS) { Set-ItResult -Skipped -Because $Skip; return }
        $result = $script:Results["$Cmdlet/$Id"]
        $result | Should -Not -BeNullOrEmpty
        $expected = if ($By -eq 'acsteams') { "$Id,acsteams" } else { "$Id,AcsTeamsAdmin.Commands.$($By -replace '-', '')Command" }
        $seen = @(@($result.Errors) + @($result.StreamError) + @($result.Terminating) | Where-Object { $_ } | ForEach-Object { "$($_.FullyQualifiedErrorId)" } | Sort-Object -Unique)
        $seen | Should -Contain $expected -Because "the trigger should raise $expected (it raised: $($seen -join '; '))"
    }

    It '<Cmdlet> <Id> is not raised here: <Reason>' -ForEach $NotRaised {
        Set-ItResult -Skipped -Because $Reason
    }
}
