#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.5.0' }

# Every exported cmdlet, end to end in real PowerShell, one table per concern, each checked against the
# manifest's CmdletsToExport (a cmdlet without a case fails the run) and against Get-Command:
# - -WhatIf writes nothing (the loopback sandbox's request log has no write) and -Confirm:$false runs
#   without a prompt (in a runspace with no one to answer, at $ConfirmPreference = 'Low');
# - pipeline input by value and by property name, from the cmdlets' own output where the docs say so;
# - -Verbose and $DebugPreference = 'Continue': the lines each cmdlet writes, one DEBUG line per Graph
#   or ACS request (counted against the request log), and no secret in any stream;
# - the error rule of about_AcsTeamsAdmin: a bad piped record is non-terminating and the next one goes
#   on; a bad whole-call value (or no connection) is terminating, before any request.
# The product bugs this suite found are kept at the end as tests of their fixes.

BeforeDiscovery {
    $fabrikamApp = '5a3c9e71-0b2d-4c8e-9f16-7d4a2b8c1e02'
    $isvApp = 'c0a1b2c3-d4e5-4f60-8a71-b2c3d4e5f614'

    # -WhatIf and -Confirm:$false against the loopback sandbox. Setup runs first (its requests are not
    # counted); State is the sandbox state the case starts from: Seed, or Ready (Fabrikam has the ACS
    # service principal and consent for its own app).
    $script:ShouldProcessCases = @(
        @{ Cmdlet = 'New-AcsTeamsServicePrincipal'; State = 'Seed'; Run = 'New-AcsTeamsServicePrincipal' }
        @{ Cmdlet = 'Grant-AcsAdminConsent'; State = 'Seed'; Run = "Grant-AcsAdminConsent -AppId $isvApp" }
        @{ Cmdlet = 'Set-AcsVoipPermission'; State = 'Seed'; Run = "Set-AcsVoipPermission -ApplicationId $fabrikamApp -PassThru" }
        @{ Cmdlet = 'New-AcsTeamsApplication'; State = 'Seed'; Run = "New-AcsTeamsApplication -DisplayName 'Fabrikam Calling'" }
        @{ Cmdlet = 'Initialize-AcsTeams'; State = 'Seed'; Run = "Initialize-AcsTeams -AppId $fabrikamApp"; Twice = $true }
        @{ Cmdlet = 'New-AcsIdentity'; State = 'Seed'; Run = 'New-AcsIdentity -Count 2 -ConnectionString $Loop.acsConnectionString' }
        @{ Cmdlet = 'New-AcsAccessToken'; State = 'Seed'; Setup = '$identity = New-AcsIdentity -ConnectionString $Loop.acsConnectionString'; Run = '$identity | New-AcsAccessToken -Scope chat -ConnectionString $Loop.acsConnectionString' }
        @{ Cmdlet = 'Revoke-AcsAccessToken'; State = 'Seed'; Setup = '$identity = New-AcsIdentity -ConnectionString $Loop.acsConnectionString'; Run = '$identity | Revoke-AcsAccessToken -PassThru -ConnectionString $Loop.acsConnectionString' }
        @{ Cmdlet = 'Remove-AcsIdentity'; State = 'Seed'; Setup = '$identity = New-AcsIdentity -ConnectionString $Loop.acsConnectionString'; Run = '$identity | Remove-AcsIdentity -PassThru -ConnectionString $Loop.acsConnectionString' }
        # The organizer by object id: nothing is read first, so -WhatIf sends no request at all.
        @{ Cmdlet = 'New-AcsTeamsMeeting'; State = 'Seed'; Run = 'New-AcsTeamsMeeting -OrganizerId 6e7f8091-a2b3-4c4d-8e5f-607182930a05' }
    )
    $script:NoShouldProcess = @('Connect-AcsTeamsAdmin', 'Disconnect-AcsTeamsAdmin', 'Get-AcsTeamsAdminContext', 'Get-AcsTeamsServicePrincipal', 'Get-AcsAdminConsentUrl',
        'Get-AcsAdminConsent', 'Test-AcsAnonymousJoinPolicy', 'Get-AcsTeamsApplication', 'Get-AcsTeamsUserAadToken', 'Convert-AadTokenToTeamsToken',
        'ConvertFrom-AcsToken', 'Test-AcsTeamsReadiness', 'Get-AcsResource') | ForEach-Object { @{ Cmdlet = $_ } }

    # Pipeline input against the in-process sandbox (Connect-AcsTeamsAdmin -Sandbox first, from the Ready
    # state). Each script returns what the piped records produced; Count is how many objects to expect.
    # None: the cmdlet has no parameter that takes pipeline input that way (checked against Get-Command).
    $script:PipelineCases = @(
        @{ Cmdlet = 'Connect-AcsTeamsAdmin'; ByValue = $null; ByName = $null }
        @{ Cmdlet = 'Disconnect-AcsTeamsAdmin'; ByValue = $null; ByName = $null }
        @{ Cmdlet = 'Get-AcsTeamsAdminContext'; ByValue = $null; ByName = $null }
        @{ Cmdlet = 'Get-AcsTeamsServicePrincipal'
            ByValue = "'1fd5118e-2576-4263-8130-9503064c837a', '$fabrikamApp' | Get-AcsTeamsServicePrincipal"; ByValueCount = 2
            # The app the session signs in with, through its ClientId property (Example 4).
            ByName = 'Get-AcsTeamsAdminContext | Get-AcsTeamsServicePrincipal'; ByNameCount = 1 }
        @{ Cmdlet = 'New-AcsTeamsServicePrincipal'
            ByValue = "'$isvApp' | New-AcsTeamsServicePrincipal"; ByValueCount = 1
            ByName = "Get-AcsAdminConsentUrl -TenantId fabrikam.onmicrosoft.com -ClientId $isvApp | New-AcsTeamsServicePrincipal"; ByNameCount = 1 }
        @{ Cmdlet = 'Get-AcsAdminConsentUrl'
            ByValue = "'fabrikam.onmicrosoft.com', 'contoso.onmicrosoft.com' | Get-AcsAdminConsentUrl -ClientId $isvApp"; ByValueCount = 2
            ByName = "'TenantId,ClientId,State', 'fabrikam.onmicrosoft.com,$isvApp,c1', '2f6b3c1a-6e0d-4a51-9a7e-3f1d5c2b8a01,$isvApp,c2' | ConvertFrom-Csv | Get-AcsAdminConsentUrl"; ByNameCount = 2 }
        @{ Cmdlet = 'Grant-AcsAdminConsent'
            ByValue = "'$isvApp' | Grant-AcsAdminConsent -Confirm:`$false"; ByValueCount = 1
            # A status record's ClientAppId (Example 5).
            ByName = "Get-AcsAdminConsent -AppId $isvApp | Where-Object Status -NE 'Granted' | Grant-AcsAdminConsent -Confirm:`$false"; ByNameCount = 1 }
        @{ Cmdlet = 'Get-AcsAdminConsent'
            ByValue = "'$isvApp', '$fabrikamApp' | Get-AcsAdminConsent"; ByValueCount = 2
            # A consent link's ClientId (Example 3).
            ByName = "Get-AcsAdminConsentUrl -TenantId fabrikam.onmicrosoft.com -ClientId $isvApp | Get-AcsAdminConsent"; ByNameCount = 1 }
        @{ Cmdlet = 'Test-AcsAnonymousJoinPolicy'
            # A meeting from New-AcsTeamsMeeting binds to -Meeting by value (New-AcsTeamsMeeting Example 2).
            ByValue = 'New-AcsTeamsMeeting -OrganizerId adele@fabrikam.onmicrosoft.com | Test-AcsAnonymousJoinPolicy -WarningAction SilentlyContinue'; ByValueCount = 1
            ByName = "[pscustomobject]@{ Identity = 'Global'; AllowAnonymousUsersToJoinMeeting = `$true; BlockedAnonymousJoinClientTypes = @(); AutoAdmittedUsers = 'Everyone' }, [pscustomobject]@{ Identity = 'Tag:Hosts'; AllowAnonymousUsersToJoinMeeting = `$false; AutoAdmittedUsers = 'Everyone' } | Test-AcsAnonymousJoinPolicy -WarningAction SilentlyContinue"; ByNameCount = 2 }
        @{ Cmdlet = 'Get-AcsTeamsApplication'
            ByValue = "'$fabrikamApp' | Get-AcsTeamsApplication"; ByValueCount = 1
            ByName = "Get-AcsTeamsServicePrincipal -AppId $fabrikamApp | Get-AcsTeamsApplication"; ByNameCount = 1 }
        @{ Cmdlet = 'Set-AcsVoipPermission'
            ByValue = "'$fabrikamApp' | Set-AcsVoipPermission -PassThru"; ByValueCount = 1
            # Get-AcsTeamsApplication | Set-AcsVoipPermission (Get-AcsTeamsApplication Example 2).
            ByName = "Get-AcsTeamsApplication -ApplicationId $fabrikamApp | Set-AcsVoipPermission -PassThru"; ByNameCount = 1 }
        @{ Cmdlet = 'New-AcsTeamsApplication'
            ByValue = "'Fabrikam Calling', 'Fabrikam Chat' | New-AcsTeamsApplication"; ByValueCount = 2
            # An app of that name is returned, not duplicated: its own output's DisplayName.
            ByName = "Get-AcsTeamsApplication -ApplicationId $fabrikamApp | New-AcsTeamsApplication"; ByNameCount = 1 }
        @{ Cmdlet = 'Get-AcsTeamsUserAadToken'; ByValue = $null
            ByName = "[pscustomobject]@{ AppId = '$fabrikamApp'; TenantId = 'fabrikam.onmicrosoft.com' } | Get-AcsTeamsUserAadToken -UseDeviceCode -WarningAction SilentlyContinue"; ByNameCount = 1 }
        @{ Cmdlet = 'Convert-AadTokenToTeamsToken'; ByValue = $null
            # Get-AcsTeamsUserAadToken | Convert-AadTokenToTeamsToken (Token, ClientId, UserObjectId).
            ByName = "Get-AcsTeamsUserAadToken -ClientId $fabrikamApp -TenantId fabrikam.onmicrosoft.com -UseDeviceCode -WarningAction SilentlyContinue | Convert-AadTokenToTeamsToken"; ByNameCount = 1 }
        @{ Cmdlet = 'New-AcsIdentity'
            ByValue = '1..3 | New-AcsIdentity'; ByValueCount = 3
            # A resource from Azure Resource Manager names where its identity is created (its Endpoint).
            ByName = 'Get-AcsResource -Name fabrikam-acs | New-AcsIdentity'; ByNameCount = 1 }
        @{ Cmdlet = 'New-AcsAccessToken'
            ByValue = '(New-AcsIdentity -Count 2).Id | New-AcsAccessToken -Scope chat'; ByValueCount = 2
            # New-AcsIdentity | New-AcsAccessToken (its Id).
            ByName = 'New-AcsIdentity -Count 2 | New-AcsAccessToken -Scope voip'; ByNameCount = 2 }
        @{ Cmdlet = 'Revoke-AcsAccessToken'
            ByValue = '(New-AcsIdentity -Count 2).Id | Revoke-AcsAccessToken -PassThru'; ByValueCount = 2
            ByName = 'New-AcsIdentity -Count 2 | Revoke-AcsAccessToken -PassThru'; ByNameCount = 2 }
        @{ Cmdlet = 'Remove-AcsIdentity'
            ByValue = '(New-AcsIdentity -Count 2).Id | Remove-AcsIdentity -PassThru -Confirm:$false'; ByValueCount = 2
            ByName = 'New-AcsIdentity -Count 2 | Remove-AcsIdentity -PassThru -Confirm:$false'; ByNameCount = 2 }
        @{ Cmdlet = 'ConvertFrom-AcsToken'
            ByValue = "(Get-AcsTeamsUserAadToken -ClientId $fabrikamApp -TenantId fabrikam.onmicrosoft.com -UseDeviceCode -AsPlainText -WarningAction SilentlyContinue).Token, (New-AcsIdentity -Scope chat).AccessToken | ConvertFrom-AcsToken"; ByValueCount = 2
            # Objects with a Token property are taken by value (the cmdlet reads their Token): no parameter binds by name.
            ByName = $null }
        @{ Cmdlet = 'Test-AcsTeamsReadiness'
            ByValue = "'$fabrikamApp', '$isvApp' | Test-AcsTeamsReadiness | Where-Object AppId | Select-Object -ExpandProperty AppId -Unique"; ByValueCount = 2
            ByName = "Get-AcsTeamsApplication -ApplicationId $fabrikamApp | Test-AcsTeamsReadiness | Where-Object AppId | Select-Object -ExpandProperty AppId -Unique"; ByNameCount = 1 }
        @{ Cmdlet = 'Get-AcsResource'; ByValue = $null; ByName = $null }
        @{ Cmdlet = 'New-AcsTeamsMeeting'
            ByValue = "'adele@fabrikam.onmicrosoft.com', '6e7f8091-a2b3-4c4d-8e5f-607182930a05' | New-AcsTeamsMeeting"; ByValueCount = 2
            # Users with a UserPrincipalName (Get-MgUser's output).
            ByName = "[pscustomobject]@{ UserPrincipalName = 'adele@fabrikam.onmicrosoft.com' } | New-AcsTeamsMeeting -Subject 'By name'"; ByNameCount = 1 }
        @{ Cmdlet = 'Initialize-AcsTeams'
            ByValue = "'$fabrikamApp' | Initialize-AcsTeams -Confirm:`$false | Out-Null; Get-AcsAdminConsent -AppId $fabrikamApp | Where-Object Status -EQ 'Granted'"; ByValueCount = 1
            ByName = "Get-AcsTeamsApplication -ApplicationId $fabrikamApp | Initialize-AcsTeams -Confirm:`$false | Out-Null; Get-AcsTeamsApplication -ApplicationId $fabrikamApp | Where-Object { -not `$_.MissingAcsPermissions }"; ByNameCount = 1 }
    )

    # -Verbose with $DebugPreference = 'Continue', against the loopback sandbox (signed in with Fabrikam's
    # admin app and its secret, from the Ready state). Verbose: a line every run writes ($null: writes
    # none). Requests: which requests get one DEBUG line each (Graph, Acs, or $null for none).
    $script:StreamCases = @(
        @{ Cmdlet = 'Connect-AcsTeamsAdmin'; Run = 'Connect-Loop -Verbose'; Verbose = '^Connected to tenant '; Requests = $null }
        @{ Cmdlet = 'Disconnect-AcsTeamsAdmin'; Run = 'Connect-Loop; Disconnect-AcsTeamsAdmin -Verbose'; Verbose = $null; Requests = $null }
        @{ Cmdlet = 'Get-AcsTeamsAdminContext'; Run = 'Connect-Loop; Get-AcsTeamsAdminContext -Verbose'; Verbose = $null; Requests = $null }
        @{ Cmdlet = 'Get-AcsTeamsServicePrincipal'; Run = "Connect-Loop; Get-AcsTeamsServicePrincipal -AppId $isvApp -Verbose"; Verbose = $null; Requests = 'Graph' }
        @{ Cmdlet = 'New-AcsTeamsServicePrincipal'; Run = "Connect-Loop; New-AcsTeamsServicePrincipal -AppId $isvApp -Verbose"; Verbose = 'service principal'; Requests = 'Graph' }
        @{ Cmdlet = 'Get-AcsAdminConsentUrl'; Run = "Get-AcsAdminConsentUrl -TenantId fabrikam.onmicrosoft.com -ClientId $isvApp -Verbose"; Verbose = $null; Requests = $null }
        @{ Cmdlet = 'Grant-AcsAdminConsent'; Run = "Connect-Loop; Grant-AcsAdminConsent -AppId $isvApp -Confirm:`$false -Verbose"; Verbose = 'consent'; Requests = 'Graph' }
        @{ Cmdlet = 'Get-AcsAdminConsent'; Run = "Connect-Loop; Get-AcsAdminConsent -AppId $fabrikamApp -Verbose"; Verbose = $null; Requests = 'Graph' }
        @{ Cmdlet = 'Test-AcsAnonymousJoinPolicy'; Run = 'Test-AcsAnonymousJoinPolicy -AutoAdmittedUsers Everyone -Verbose -WarningAction SilentlyContinue'; Verbose = '^Meeting policy Global: CanJoin'; Requests = $null }
        @{ Cmdlet = 'Get-AcsTeamsApplication'; Run = "Connect-Loop; Get-AcsTeamsApplication -ApplicationId $fabrikamApp -Verbose"; Verbose = '^Found app registration'; Requests = 'Graph' }
        @{ Cmdlet = 'Set-AcsVoipPermission'; Run = "Connect-Loop; Set-AcsVoipPermission -ApplicationId $fabrikamApp -PassThru -Verbose"; Verbose = '^Verified: '; Requests = 'Graph' }
        @{ Cmdlet = 'New-AcsTeamsApplication'; Run = "Connect-Loop; New-AcsTeamsApplication -DisplayName 'Fabrikam Calling' -Verbose"; Verbose = '.'; Requests = 'Graph' }
        @{ Cmdlet = 'Get-AcsTeamsUserAadToken'; Run = "Get-AcsTeamsUserAadToken -ClientId $fabrikamApp -TenantId fabrikam.onmicrosoft.com -UseDeviceCode -AuthorityHost `$Loop.authorityHost -WarningAction SilentlyContinue -Verbose"; Verbose = '^Signing in the Teams user'; Requests = $null }
        @{ Cmdlet = 'Convert-AadTokenToTeamsToken'; Run = "Get-AcsTeamsUserAadToken -ClientId $fabrikamApp -TenantId fabrikam.onmicrosoft.com -UseDeviceCode -AuthorityHost `$Loop.authorityHost -WarningAction SilentlyContinue | Convert-AadTokenToTeamsToken -ConnectionString `$Loop.acsConnectionString -Verbose"; Verbose = '^Exchanged: '; Requests = 'Acs' }
        @{ Cmdlet = 'New-AcsIdentity'; Run = 'New-AcsIdentity -Count 3 -Scope chat -ConnectionString $Loop.acsConnectionString -Verbose'; Verbose = '^Created ACS identity '; Requests = 'Acs' }
        @{ Cmdlet = 'New-AcsAccessToken'; Run = '$i = New-AcsIdentity -ConnectionString $Loop.acsConnectionString -Debug:$false; Clear-Log; $i | New-AcsAccessToken -Scope chat -ConnectionString $Loop.acsConnectionString -Verbose'; Verbose = '.'; Requests = 'Acs' }
        @{ Cmdlet = 'Revoke-AcsAccessToken'; Run = '$i = New-AcsIdentity -ConnectionString $Loop.acsConnectionString -Debug:$false; Clear-Log; $i | Revoke-AcsAccessToken -PassThru -ConnectionString $Loop.acsConnectionString -Verbose'; Verbose = '.'; Requests = 'Acs' }
        @{ Cmdlet = 'Remove-AcsIdentity'; Run = '$i = New-AcsIdentity -ConnectionString $Loop.acsConnectionString -Debug:$false; Clear-Log; $i | Remove-AcsIdentity -PassThru -Confirm:$false -ConnectionString $Loop.acsConnectionString -Verbose'; Verbose = '.'; Requests = 'Acs' }
        @{ Cmdlet = 'ConvertFrom-AcsToken'; Run = '$t = (New-AcsIdentity -Scope chat -ConnectionString $Loop.acsConnectionString -Debug:$false).AccessToken; Clear-Log; $t | ConvertFrom-AcsToken -Verbose'; Verbose = $null; Requests = $null }
        @{ Cmdlet = 'Test-AcsTeamsReadiness'; Run = "Connect-Loop; Test-AcsTeamsReadiness -AppId $fabrikamApp, $isvApp -AcsConnectionString (ConvertTo-SecureString `$Loop.acsConnectionString -AsPlainText -Force) -Verbose"; Verbose = 'batch'; Requests = 'Graph' }
        @{ Cmdlet = 'Initialize-AcsTeams'; Run = "Connect-Loop; Initialize-AcsTeams -AppId $fabrikamApp -Confirm:`$false -Verbose"; Verbose = '.'; Requests = 'Graph' }
        # The connection string is read (listKeys) but appears in no stream.
        @{ Cmdlet = 'Get-AcsResource'; Run = 'Connect-Loop; Get-AcsResource -IncludeConnectionString -Verbose'; Verbose = '^Looking for ACS resources'; Requests = 'Arm' }
        @{ Cmdlet = 'New-AcsTeamsMeeting'; Run = 'Connect-Loop; New-AcsTeamsMeeting -OrganizerId adele@fabrikam.onmicrosoft.com -Verbose'; Verbose = '^Created online meeting '; Requests = 'Graph' }
    )

    # The error rule against the loopback sandbox. BadRecord pipes a bad record, then a good one: one
    # non-terminating error with BadRecordId, and the good record's output. WholeCall passes a bad value
    # that applies to the whole call (or runs without a connection): a terminating error with
    # WholeCallId, even with -ErrorAction SilentlyContinue, and no request.
    $script:RuleCases = @(
        @{ Cmdlet = 'Connect-AcsTeamsAdmin'; BadRecord = $null; WholeCall = "Connect-AcsTeamsAdmin -TenantId fabrikam.onmicrosoft.com -ClientId not-a-guid -ClientSecret (ConvertTo-SecureString x -AsPlainText -Force)"; WholeCallId = 'InvalidGuid' }
        @{ Cmdlet = 'Disconnect-AcsTeamsAdmin'; BadRecord = $null; WholeCall = $null }
        @{ Cmdlet = 'Get-AcsTeamsAdminContext'; BadRecord = $null; WholeCall = $null }
        @{ Cmdlet = 'Get-AcsTeamsServicePrincipal'; BadRecord = "'not-a-guid', '$fabrikamApp' | Get-AcsTeamsServicePrincipal"; BadRecordId = 'InvalidGuid'
            WholeCall = "'$fabrikamApp', '$isvApp' | Get-AcsTeamsServicePrincipal"; WholeCallId = 'NotConnected'; Disconnected = $true }
        @{ Cmdlet = 'New-AcsTeamsServicePrincipal'; BadRecord = "'not-a-guid', '$fabrikamApp' | New-AcsTeamsServicePrincipal"; BadRecordId = 'InvalidGuid'
            WholeCall = "'$fabrikamApp', '$isvApp' | New-AcsTeamsServicePrincipal"; WholeCallId = 'NotConnected'; Disconnected = $true }
        @{ Cmdlet = 'Get-AcsAdminConsentUrl'; BadRecord = "'bad tenant!', 'fabrikam.onmicrosoft.com' | Get-AcsAdminConsentUrl -ClientId $isvApp"; BadRecordId = 'InvalidTenant'
            WholeCall = "'fabrikam.onmicrosoft.com', 'contoso.onmicrosoft.com' | Get-AcsAdminConsentUrl -ClientId $isvApp -Scope Mail.Read -RedirectUri http://localhost"; WholeCallId = 'UnknownAcsScope' }
        @{ Cmdlet = 'Grant-AcsAdminConsent'; BadRecord = "'not-a-guid', '$isvApp' | Grant-AcsAdminConsent -Confirm:`$false"; BadRecordId = 'InvalidGuid'
            WholeCall = "'$isvApp', '$fabrikamApp' | Grant-AcsAdminConsent -Scope Mail.Read -Confirm:`$false"; WholeCallId = 'UnknownAcsScope' }
        @{ Cmdlet = 'Get-AcsAdminConsent'; BadRecord = "'not-a-guid', '$isvApp' | Get-AcsAdminConsent"; BadRecordId = 'InvalidGuid'
            WholeCall = "'$isvApp', '$fabrikamApp' | Get-AcsAdminConsent -Scope Mail.Read"; WholeCallId = 'UnknownAcsScope' }
        @{ Cmdlet = 'Test-AcsAnonymousJoinPolicy'; BadRecord = "[pscustomobject]@{ Identity = 'Tag:Typo'; AutoAdmittedUsers = 'Everybody' }, [pscustomobject]@{ Identity = 'Global'; AutoAdmittedUsers = 'Everyone' } | Test-AcsAnonymousJoinPolicy -WarningAction SilentlyContinue"; BadRecordId = 'InvalidTeamsSetting'
            WholeCall = "[pscustomobject]@{ Identity = 'Global'; AutoAdmittedUsers = 'Everyone' } | Test-AcsAnonymousJoinPolicy -AcsResourceId contoso-acs -WarningAction SilentlyContinue"; WholeCallId = 'InvalidGuid' }
        @{ Cmdlet = 'Get-AcsTeamsApplication'; BadRecord = "'not-a-guid', '$fabrikamApp' | Get-AcsTeamsApplication"; BadRecordId = 'InvalidGuid'
            # -DisplayName names the input, like an application id: its errors are per input.
            WholeCall = "'$fabrikamApp', '$isvApp' | Get-AcsTeamsApplication"; WholeCallId = 'NotConnected'; Disconnected = $true }
        @{ Cmdlet = 'Set-AcsVoipPermission'; BadRecord = "'not-a-guid', '$fabrikamApp' | Set-AcsVoipPermission -PassThru"; BadRecordId = 'InvalidGuid'
            WholeCall = "'$fabrikamApp' | Set-AcsVoipPermission -RedirectUri 'not a uri'"; WholeCallId = 'InvalidUrl' }
        @{ Cmdlet = 'New-AcsTeamsApplication'; BadRecord = "' ', 'Fabrikam Calling' | New-AcsTeamsApplication"; BadRecordId = 'MissingParameter'
            WholeCall = "'Fabrikam Calling', 'Fabrikam Chat' | New-AcsTeamsApplication -Scope Mail.Read"; WholeCallId = 'UnknownAcsScope' }
        @{ Cmdlet = 'Get-AcsTeamsUserAadToken'; BadRecord = "[pscustomobject]@{ ClientId = 'not-a-guid'; TenantId = 'fabrikam.onmicrosoft.com' }, [pscustomobject]@{ ClientId = '$fabrikamApp'; TenantId = 'fabrikam.onmicrosoft.com' } | Get-AcsTeamsUserAadToken -UseDeviceCode -AuthorityHost `$Loop.authorityHost -WarningAction SilentlyContinue"; BadRecordId = 'InvalidGuid'
            WholeCall = "[pscustomobject]@{ ClientId = '$fabrikamApp'; TenantId = 'fabrikam.onmicrosoft.com' } | Get-AcsTeamsUserAadToken -UseDeviceCode -AuthorityHost http://login.example.com"; WholeCallId = 'InvalidUrl' }
        @{ Cmdlet = 'Convert-AadTokenToTeamsToken'; BadRecord = "`$good = Get-AcsTeamsUserAadToken -ClientId $fabrikamApp -TenantId fabrikam.onmicrosoft.com -UseDeviceCode -AuthorityHost `$Loop.authorityHost -WarningAction SilentlyContinue`n[pscustomobject]@{ Token = 'not-a-jwt'; ClientId = '$fabrikamApp'; UserObjectId = `$good.UserObjectId }, `$good | Convert-AadTokenToTeamsToken -ConnectionString `$Loop.acsConnectionString"; BadRecordId = 'InvalidInput'
            WholeCall = "[pscustomobject]@{ Token = 'x'; ClientId = '$fabrikamApp'; UserObjectId = '6e7f8091-a2b3-4c4d-8e5f-607182930a05' } | Convert-AadTokenToTeamsToken -ConnectionString 'endpoint=https://contoso-acs.communication.azure.com/'"; WholeCallId = 'InvalidConnectionString' }
        # A piped object's value is not used, but its Endpoint or ConnectionString names its resource.
        @{ Cmdlet = 'New-AcsIdentity'; BadRecord = "[pscustomobject]@{ Endpoint = 'not a url' }, [pscustomobject]@{ ConnectionString = `$Loop.acsConnectionString } | New-AcsIdentity"; BadRecordId = 'InvalidUrl'
            WholeCall = '1..3 | New-AcsIdentity -Scope admin -ConnectionString $Loop.acsConnectionString'; WholeCallId = 'InvalidTokenScope' }
        @{ Cmdlet = 'New-AcsAccessToken'; BadRecord = "'bad', (New-AcsIdentity -ConnectionString `$Loop.acsConnectionString).Id | New-AcsAccessToken -Scope chat -ConnectionString `$Loop.acsConnectionString"; BadRecordId = 'InvalidIdentityId'
            WholeCall = "'8:acs:5e1f7a2b-9c3d-4e8f-a6b1-2c7d9e0f3a20_1b7e6c59-0a0f-4f0e-9b3a-8f4c7d2e1a90' | New-AcsAccessToken -Scope admin -ConnectionString `$Loop.acsConnectionString"; WholeCallId = 'InvalidTokenScope' }
        @{ Cmdlet = 'Revoke-AcsAccessToken'; BadRecord = "'bad', (New-AcsIdentity -ConnectionString `$Loop.acsConnectionString).Id | Revoke-AcsAccessToken -PassThru -ConnectionString `$Loop.acsConnectionString"; BadRecordId = 'InvalidIdentityId'
            WholeCall = "'8:acs:5e1f7a2b-9c3d-4e8f-a6b1-2c7d9e0f3a20_1b7e6c59-0a0f-4f0e-9b3a-8f4c7d2e1a90' | Revoke-AcsAccessToken -ApiVersion 2020-01-01 -ConnectionString `$Loop.acsConnectionString"; WholeCallId = 'UnsupportedApiVersion' }
        @{ Cmdlet = 'Remove-AcsIdentity'; BadRecord = "'bad', (New-AcsIdentity -ConnectionString `$Loop.acsConnectionString).Id | Remove-AcsIdentity -PassThru -Confirm:`$false -ConnectionString `$Loop.acsConnectionString"; BadRecordId = 'InvalidIdentityId'
            WholeCall = "'8:acs:5e1f7a2b-9c3d-4e8f-a6b1-2c7d9e0f3a20_1b7e6c59-0a0f-4f0e-9b3a-8f4c7d2e1a90' | Remove-AcsIdentity -Confirm:`$false -ConnectionString 'endpoint=https://contoso-acs.communication.azure.com/'"; WholeCallId = 'InvalidConnectionString' }
        # No parameter applies to the whole call, and no connection is needed.
        @{ Cmdlet = 'ConvertFrom-AcsToken'; BadRecord = "'not-a-jwt', (New-AcsIdentity -Scope chat -ConnectionString `$Loop.acsConnectionString).AccessToken | ConvertFrom-AcsToken"; BadRecordId = 'InvalidInput'; WholeCall = $null }
        @{ Cmdlet = 'Test-AcsTeamsReadiness'; BadRecord = "'not-a-guid', '$fabrikamApp' | Test-AcsTeamsReadiness | Where-Object AppId | Select-Object -ExpandProperty AppId -Unique"; BadRecordId = 'InvalidGuid'
            WholeCall = "'$fabrikamApp' | Test-AcsTeamsReadiness -AcsEndpoint 'not a url'"; WholeCallId = 'InvalidUrl' }
        # No pipeline input: every value applies to the whole call.
        @{ Cmdlet = 'Get-AcsResource'; BadRecord = $null; WholeCall = 'Get-AcsResource -SubscriptionId not-a-guid'; WholeCallId = 'InvalidGuid' }
        @{ Cmdlet = 'New-AcsTeamsMeeting'; BadRecord = "'not a user', 'adele@fabrikam.onmicrosoft.com' | New-AcsTeamsMeeting"; BadRecordId = 'InvalidInput'
            WholeCall = "'adele@fabrikam.onmicrosoft.com', '6e7f8091-a2b3-4c4d-8e5f-607182930a05' | New-AcsTeamsMeeting -LobbyBypassScope nobody"; WholeCallId = 'InvalidInput' }
        @{ Cmdlet = 'Initialize-AcsTeams'; BadRecord = "'not-a-guid', '$fabrikamApp' | Initialize-AcsTeams -Confirm:`$false | Out-Null; Get-AcsAdminConsent -AppId $fabrikamApp | Where-Object Status -EQ 'Granted'"; BadRecordId = 'InvalidGuid'
            WholeCall = "'$fabrikamApp' | Initialize-AcsTeams -RedirectUri 'not a uri' -Confirm:`$false"; WholeCallId = 'InvalidUrl' }
    )
}

BeforeAll {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'EndToEnd.Helpers.psm1')) -Force
    $script:Paths = Get-E2EPath
    Import-Module $script:Paths.Manifest -Force -ErrorAction Stop
    $script:Exported = Get-E2EExportedCmdlet
    $script:FabrikamApp = '5a3c9e71-0b2d-4c8e-9f16-7d4a2b8c1e02'

    # Runspaces of this process without a host (a prompt fails), each used again after a fresh start.
    $script:Pool = New-E2EPool -Size 1

    # One loopback sandbox for the file; each case starts from one of its states.
    $script:Loop = Start-E2ESandbox
    $base = $script:Loop.Base
    $script:SeedState = (Invoke-WebRequest -Uri "$base/_sandbox/state").Content
    $connect = Get-E2ESandboxConnect -Sandbox $script:Loop
    Connect-AcsTeamsAdmin @connect | Out-Null
    New-AcsTeamsServicePrincipal | Out-Null
    Grant-AcsAdminConsent -AppId $script:FabrikamApp -Confirm:$false | Out-Null
    Disconnect-AcsTeamsAdmin | Out-Null
    $script:ReadyState = (Invoke-WebRequest -Uri "$base/_sandbox/state").Content

    # The in-process sandbox's Ready state, for the pipeline cases.
    $script:ReadyFile = Join-Path $TestDrive 'ready-sandbox.json'
    Set-Content -LiteralPath $script:ReadyFile -Value $script:ReadyState

    function Reset-Loop([string]$State = 'Seed') {
        $json = if ($State -eq 'Ready') { $script:ReadyState } else { $script:SeedState }
        Assert-E2ESandbox -Sandbox $script:Loop
        Invoke-RestMethod -Method Put -Uri "$($script:Loop.Base)/_sandbox/state" -Body $json -ContentType 'application/json'
        Invoke-RestMethod -Method Delete -Uri "$($script:Loop.Base)/_sandbox/requests"
    }

    # Requests of the loopback sandbox since its log was cleared: Graph and ACS only, batch steps left out.
    function Get-LoopRequest {
        # Assigned first: Invoke-RestMethod writes a JSON array as one object.
        $log = Invoke-RestMethod -Uri "$($script:Loop.Base)/_sandbox/requests"
        $log | Where-Object {
            -not $_.parentSequence -and ($_.pathAndQuery -like '/v1.0/*' -or $_.pathAndQuery -match '^/(identities|teamsUser|subscriptions)')
        }
    }

    function Test-Write($Request) {
        # Reads: GET, and the $batch of reads (its steps are logged apart); everything else writes.
        $Request.method -ne 'GET' -and -not ($Request.method -eq 'POST' -and $Request.pathAndQuery -like '/v1.0/$batch*')
    }

    # Defined in every isolated runspace of this file.
    $script:Prelude = {
        function Connect-Loop {
            [CmdletBinding()] param()
            $t = @($Loop.tenants | Where-Object domain -EQ 'fabrikam.onmicrosoft.com')[0]
            Connect-AcsTeamsAdmin -TenantId $t.id -ClientId $t.adminClientId -ClientSecret (ConvertTo-SecureString $t.adminClientSecret -AsPlainText -Force) `
                -AuthorityHost $Loop.authorityHost -GraphEndpoint $Loop.graphEndpoint | Out-Null
            Clear-Log
        }
        function Clear-Log { $null = Invoke-RestMethod -Method Delete -Uri "$($Loop.authorityHost.TrimEnd('/'))/_sandbox/requests" }
    }.ToString()

    # What must never appear in any stream: the sandbox's secrets, its ACS key, any JWT.
    $script:Secrets = @(
        $script:Loop.Description.tenants.adminClientSecret
        'Tcl8Q~sandbox.isv.app.secret'
        ($script:Loop.Description.acsConnectionString -replace '^.*accesskey=', '')
    )
}

AfterAll {
    if ($script:Pool) { $script:Pool.Dispose() }
    Stop-E2ESandbox $script:Loop
    Disconnect-AcsTeamsAdmin | Out-Null
}

Describe 'The tables cover every exported cmdlet' {
    It 'has a -WhatIf/-Confirm case for every cmdlet with ShouldProcess, and only for those' -ForEach @(@{ Cases = $ShouldProcessCases; Without = $NoShouldProcess }) {
        $withShouldProcess = @(Get-Command -Module AcsTeamsAdmin -CommandType Cmdlet | Where-Object { $_.Parameters.ContainsKey('WhatIf') } | ForEach-Object Name)
        foreach ($cmdlet in $script:Exported) {
            ($cmdlet -in $Cases.Cmdlet) -xor ($cmdlet -in $Without.Cmdlet) | Should -BeTrue -Because "$cmdlet needs exactly one entry"
            ($cmdlet -in $Cases.Cmdlet) | Should -Be ($cmdlet -in $withShouldProcess) -Because "$cmdlet's -WhatIf support decides its table"
        }
    }

    It 'has a <Name> case for every exported cmdlet' -ForEach @(
        @{ Name = 'pipeline'; Cases = $PipelineCases }
        @{ Name = 'streams'; Cases = $StreamCases }
        @{ Name = 'error rule'; Cases = $RuleCases }
    ) {
        foreach ($cmdlet in $script:Exported) {
            @($Cases | Where-Object Cmdlet -EQ $cmdlet).Count | Should -Be 1 -Because "$cmdlet needs one $Name case"
        }
        @($Cases).Count | Should -Be $script:Exported.Count
    }
}

Describe '-WhatIf and -Confirm:$false' {
    It '<Cmdlet> -WhatIf writes nothing' -ForEach $ShouldProcessCases {
        Reset-Loop $State
        $script = "Connect-Loop`n$(if ($Setup) { "$Setup`nClear-Log`n" })$Run -WhatIf"
        $result = Invoke-E2EIsolated -Script ($script:Prelude + "`n" + $script) -Variables @{ Loop = $script:Loop.Description } -Pool $script:Pool

        $result.Terminating | Should -BeNullOrEmpty
        $result.StreamError | Should -BeNullOrEmpty
        if ($Cmdlet -ne 'Initialize-AcsTeams') {
            # Initialize-AcsTeams writes its plan; its shape is not asserted here.
            $result.Output | Should -BeNullOrEmpty
        }
        @(Get-LoopRequest | Where-Object { Test-Write $_ }) | Should -BeNullOrEmpty -Because 'nothing may be written with -WhatIf'
    }

    It '<Cmdlet> -Confirm:$false runs without a prompt and makes its change' -ForEach $ShouldProcessCases {
        Reset-Loop $State
        # $ConfirmPreference = 'Low' would prompt for every change, and this runspace has no one to ask.
        $script = "Connect-Loop`n$(if ($Setup) { "$Setup`nClear-Log`n" })& { `$ConfirmPreference = 'Low'; $Run -Confirm:`$false }"
        $result = Invoke-E2EIsolated -Script ($script:Prelude + "`n" + $script) -Variables @{ Loop = $script:Loop.Description } -Pool $script:Pool

        $result.Terminating | Should -BeNullOrEmpty
        $result.StreamError | Should -BeNullOrEmpty
        $result.Output | Should -Not -BeNullOrEmpty
        @(Get-LoopRequest | Where-Object { Test-Write $_ }) | Should -Not -BeNullOrEmpty -Because 'the change is made'
        if ($Twice) {
            # A second run changes nothing (its output's shape is not asserted).
            Invoke-RestMethod -Method Delete -Uri "$($script:Loop.Base)/_sandbox/requests"
            $again = Invoke-E2EIsolated -Script ($script:Prelude + "`nConnect-Loop`n& { `$ConfirmPreference = 'Low'; $Run -Confirm:`$false }") -Variables @{ Loop = $script:Loop.Description } -Pool $script:Pool
            $again.Terminating | Should -BeNullOrEmpty
            @(Get-LoopRequest | Where-Object { Test-Write $_ }) | Should -BeNullOrEmpty -Because 'a second run changes nothing'
        }
    }

    It '<Cmdlet> has no -WhatIf: it changes nothing' -ForEach $NoShouldProcess {
        (Get-Command $Cmdlet).Parameters.ContainsKey('WhatIf') | Should -BeFalse
    }
}

Describe 'Pipeline input' {
    BeforeEach {
        Connect-AcsTeamsAdmin -Sandbox -SandboxStatePath $script:ReadyFile | Out-Null
    }

    It '<Cmdlet> takes pipeline input by value' -ForEach $PipelineCases {
        $valueParameters = @((Get-Command $Cmdlet).Parameters.Values | Where-Object { $_.Attributes.ValueFromPipeline -contains $true })
        if (-not $ByValue) {
            $valueParameters | Should -BeNullOrEmpty -Because "the table says $Cmdlet takes nothing by value"
            return
        }
        $valueParameters | Should -Not -BeNullOrEmpty
        $out = @(& ([scriptblock]::Create($ByValue)))
        $out.Count | Should -Be $ByValueCount
    }

    It '<Cmdlet> takes pipeline input by property name' -ForEach $PipelineCases {
        $nameParameters = @((Get-Command $Cmdlet).Parameters.Values | Where-Object { $_.Attributes.ValueFromPipelineByPropertyName -contains $true })
        if (-not $ByName) {
            $nameParameters | Should -BeNullOrEmpty -Because "the table says $Cmdlet takes nothing by property name"
            return
        }
        $nameParameters | Should -Not -BeNullOrEmpty
        $out = @(& ([scriptblock]::Create($ByName)))
        $out.Count | Should -Be $ByNameCount
    }
}

Describe 'Verbose and debug streams' {
    It '<Cmdlet> writes its verbose and debug lines, and no secret' -ForEach $StreamCases {
        Reset-Loop Ready
        $result = Invoke-E2EIsolated -Script ($script:Prelude + "`nClear-Log`n" + $Run) -Variables @{ Loop = $script:Loop.Description } -Pool $script:Pool -DebugPreference Continue
        $result.Terminating | Should -BeNullOrEmpty
        $result.StreamError | Should -BeNullOrEmpty

        if ($Verbose) {
            $result.Verbose | Where-Object { $_ -match $Verbose } | Should -Not -BeNullOrEmpty -Because "-Verbose shows '$Verbose'"
        }
        else {
            $result.Verbose | Should -BeNullOrEmpty
        }

        $served = @(Get-LoopRequest)
        $graphLines = @($result.Debug | Where-Object { $_ -match '^(GET|POST|PATCH|PUT|DELETE) /v1\.0/' })
        $acsLines = @($result.Debug | Where-Object { $_ -match '^ACS (GET|POST|PATCH|PUT|DELETE) /(identities|teamsUser)' })
        $armLines = @($result.Debug | Where-Object { $_ -match '^ARM (GET|POST) /subscriptions' })
        switch ([string]$Requests) {
            'Graph' {
                $graph = @($served | Where-Object pathAndQuery -Like '/v1.0/*')
                $graph | Should -Not -BeNullOrEmpty
                $graphLines.Count | Should -Be $graph.Count -Because "one DEBUG line per Graph request ($($graph.method -join ', '))"
                for ($i = 0; $i -lt $graph.Count; $i++) {
                    $graphLines[$i] | Should -BeLike "$($graph[$i].method) $(($graph[$i].pathAndQuery -split '\?')[0])*"
                }
            }
            'Acs' {
                $acs = @($served | Where-Object pathAndQuery -Match '^/(identities|teamsUser)')
                $acs | Should -Not -BeNullOrEmpty
                $acsLines.Count | Should -Be $acs.Count -Because 'one DEBUG line per ACS request'
            }
            'Arm' {
                $arm = @($served | Where-Object pathAndQuery -Like '/subscriptions*')
                $arm | Should -Not -BeNullOrEmpty
                $armLines.Count | Should -Be $arm.Count -Because "one DEBUG line per Azure Resource Manager request ($($arm.method -join ', '))"
                @($graphLines + $acsLines) | Should -BeNullOrEmpty -Because 'Get-AcsResource calls Azure Resource Manager only'
            }
            default {
                $graphLines + $acsLines + $armLines | Should -BeNullOrEmpty
            }
        }

        $everything = @(
            $result.Verbose; $result.Debug; $result.Warning; $result.Information
            $result.Output | Out-String -Width 400
            foreach ($record in @($result.Errors) + @($result.StreamError)) { $record | Format-List * -Force | Out-String; "$($record.Exception)" }
        ) -join "`n"
        foreach ($secret in $script:Secrets) {
            $everything | Should -Not -Match ([regex]::Escape($secret))
        }
        $everything | Should -Not -Match 'eyJ[\w-]{8,}\.[\w-]{8,}' -Because 'no token may be printed'
    }
}

Describe 'The error rule' {
    BeforeEach {
        Reset-Loop Ready
        $connect = Get-E2ESandboxConnect -Sandbox $script:Loop
        Connect-AcsTeamsAdmin @connect | Out-Null
        $Loop = $script:Loop.Description
        Invoke-RestMethod -Method Delete -Uri "$($script:Loop.Base)/_sandbox/requests"
    }

    It '<Cmdlet>: a bad piped record is non-terminating and the next one goes on' -ForEach $RuleCases {
        if (-not $BadRecord) {
            # Nothing piped can be bad: the cmdlet takes no pipeline input, or does not use its value.
            $takes = @((Get-Command $Cmdlet).Parameters.Values | Where-Object { $_.Attributes.ValueFromPipeline -contains $true -or $_.Attributes.ValueFromPipelineByPropertyName -contains $true }).Name
            @($takes | Where-Object { $_ -ne 'InputObject' }) | Should -BeNullOrEmpty
            return
        }
        $all = @(& ([scriptblock]::Create("`$ErrorActionPreference = 'Continue'`n$BadRecord")) 2>&1)
        $failures = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $out = @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
        $failures.Count | Should -Be 1 -Because "the bad record fails once ($($failures -join '; '))"
        $failures[0].FullyQualifiedErrorId | Should -BeLike "$BadRecordId,*"
        $out | Should -Not -BeNullOrEmpty -Because 'the next record goes on'
    }

    It '<Cmdlet>: a bad whole-call value is terminating, before any request' -ForEach $RuleCases {
        if (-not $WholeCall) {
            $params = @((Get-Command $Cmdlet).Parameters.Keys | Where-Object { $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters -and $_ -notin [System.Management.Automation.PSCmdlet]::OptionalCommonParameters })
            @($params | Where-Object { $_ -notin 'Token' }) | Should -BeNullOrEmpty -Because 'only a cmdlet with no whole-call parameter has no case'
            return
        }
        if ($Disconnected) { Disconnect-AcsTeamsAdmin | Out-Null }
        # -ErrorAction SilentlyContinue silences non-terminating errors only.
        $err = { & ([scriptblock]::Create("`$ErrorActionPreference = 'SilentlyContinue'`n$WholeCall")) } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike "$WholeCallId,*"
        @(Get-LoopRequest) | Should -BeNullOrEmpty -Because 'the command stops before any request'
    }
}

# The product bugs this suite found, fixed: each test keeps its bug from coming back.
Describe 'Requests say who sends them' {
    It 'names the module, its version and PowerShell in the User-Agent of every request: token, Graph and ACS' {
        Reset-Loop
        # Signed in here rather than with Connect-Loop, which clears the log after the sign-in: the token request counts too.
        $run = {
            $t = @($Loop.tenants | Where-Object domain -EQ 'fabrikam.onmicrosoft.com')[0]
            Connect-AcsTeamsAdmin -TenantId $t.id -ClientId $t.adminClientId -AuthorityHost $Loop.authorityHost -GraphEndpoint $Loop.graphEndpoint `
                -ClientSecret (ConvertTo-SecureString $t.adminClientSecret -AsPlainText -Force) | Out-Null
            Test-AcsTeamsReadiness -AppId 5a3c9e71-0b2d-4c8e-9f16-7d4a2b8c1e02 | Out-Null
            New-AcsIdentity -ConnectionString $Loop.acsConnectionString -Confirm:$false | Out-Null
        }
        $result = Invoke-E2EIsolated -Script $run.ToString() -Variables @{ Loop = $script:Loop.Description } -Pool $script:Pool
        $result.StreamError | Should -BeNullOrEmpty

        $log = Invoke-RestMethod -Uri "$($script:Loop.Base)/_sandbox/requests"
        $version = (Import-PowerShellDataFile -LiteralPath (Get-E2EPath).Manifest).ModuleVersion
        $expected = "AcsTeamsAdmin/$version PowerShell/$($PSVersionTable.PSVersion)*"
        @($log | Where-Object { $_.pathAndQuery -like '*/oauth2/v2.0/token*' }) | Should -Not -BeNullOrEmpty
        @($log | Where-Object { $_.pathAndQuery -like '/v1.0/*' }) | Should -Not -BeNullOrEmpty
        @($log | Where-Object { $_.pathAndQuery -like '/identities*' }) | Should -Not -BeNullOrEmpty
        @($log | Where-Object { -not $_.parentSequence -and $_.userAgent -notlike $expected } | ForEach-Object { "$($_.method) $($_.pathAndQuery): $($_.userAgent)" }) |
            Should -BeNullOrEmpty
    }
}

Describe 'Bugs this suite found' {
    BeforeAll {
        $script:BugStub = Start-E2EStub
        $deviceCode = @{ user_code = 'ABCDEFGHJ'; device_code = 'stub-device-code'; verification_uri = 'https://microsoft.com/devicelogin'; expires_in = 2; interval = 1
            message = 'To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code ABCDEFGHJ to authenticate.' } | ConvertTo-Json -Compress
        $pending = @{ error = 'authorization_pending'; error_description = 'AADSTS70016: OAuth 2.0 device flow error. Authorization is pending.'; error_codes = @(70016) } | ConvertTo-Json -Compress
        # A device code nobody enters: MSAL gives up when it expires (2 s).
        $script:BugStub.Plan['unanswered.example'] = @{ Routes = @(
                @{ Method = 'POST'; Path = '/devicecode'; Answer = @{ Status = 200; Body = $deviceCode } }
                @{ Method = 'POST'; Path = '/token'; Answer = @{ Status = 400; Body = $pending } }
            ) }
        $script:BugStub.Plan['throttled'] = @{ Status = 429; Code = 'TooManyRequests'; Headers = @{ 'Retry-After' = '3600' } }
    }

    AfterAll {
        Stop-E2EStub $script:BugStub
    }

    It 'a -Confirm prompt that the host cannot show fails as PowerShell''s HostException, not as Unexpected' {
        # Grant-AcsAdminConsent's impact is High: at the default $ConfirmPreference it prompts.
        $result = Invoke-E2EIsolated -Script "Connect-AcsTeamsAdmin -Sandbox | Out-Null`nGrant-AcsAdminConsent -AppId c0a1b2c3-d4e5-4f60-8a71-b2c3d4e5f614"
        $failure = @(@($result.Errors) + @($result.StreamError) + @($result.Terminating) | Where-Object { $_ })[0]
        $failure | Should -Not -BeNullOrEmpty
        "$($failure.FullyQualifiedErrorId)" | Should -Not -BeLike 'Unexpected,*' -Because 'a host that cannot prompt is not a bug of the module'
        $failure.Exception | Should -BeOfType [System.Management.Automation.Host.HostException]
    }

    It 'Get-AcsTeamsUserAadToken reports an authority it cannot reach as ConnectionFailed or SignInFailed, not Unexpected' {
        $err = { Get-AcsTeamsUserAadToken -ClientId 5a3c9e71-0b2d-4c8e-9f16-7d4a2b8c1e02 -TenantId fabrikam.onmicrosoft.com -UseDeviceCode -AuthorityHost http://127.0.0.1:9 -ErrorAction Stop } |
            Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Match '^(EndpointUnreachable|ConnectionFailed|SignInFailed),'
    }

    It 'a device code that expires before the sign-in is completed is SignInCancelled (<Name>)' -ForEach @(
        @{ Name = 'Connect-AcsTeamsAdmin'; Run = { Connect-AcsTeamsAdmin -TenantId unanswered.example -ClientId 5a3c9e71-0b2d-4c8e-9f16-7d4a2b8c1e02 -UseDeviceCode -AuthorityHost $script:BugStub.Base -WarningAction SilentlyContinue -ErrorAction Stop } }
        @{ Name = 'Get-AcsTeamsUserAadToken'; Run = { Get-AcsTeamsUserAadToken -ClientId 5a3c9e71-0b2d-4c8e-9f16-7d4a2b8c1e02 -TenantId unanswered.example -UseDeviceCode -AuthorityHost $script:BugStub.Base -WarningAction SilentlyContinue -ErrorAction Stop } }
    ) {
        $err = $Run | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'SignInCancelled,*'
    }

    It 'an ACS cmdlet gives up on a Retry-After beyond its retry budget, as the Graph cmdlets do' {
        $result = Invoke-E2EIsolated -TimeoutSeconds 10 -Script "New-AcsIdentity -ConnectionString 'endpoint=$($script:BugStub.Base)/k/throttled/;accesskey=$([Convert]::ToBase64String([byte[]](1..32)))'"
        "$($result.Terminating.FullyQualifiedErrorId)" | Should -BeLike 'Throttled,*' -Because 'the module honours Retry-After within its retry budget, 120 seconds by default (about_AcsTeamsAdmin, Errors)'
    }
}
