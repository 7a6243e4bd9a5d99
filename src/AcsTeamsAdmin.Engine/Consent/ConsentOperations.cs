using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.ServicePrincipals;

namespace AcsTeamsAdmin.Engine.Consent;

/// <summary>
/// Tenant-wide (admin) consent of a client app to the Azure Communication Services scopes: the
/// oauth2PermissionGrant with consentType AllPrincipals between the client app's service principal
/// and the ACS service principal. What the admin consent URL does in a browser, done by script.
/// Graph permissions: GetAsync needs Application.Read.All and DelegatedPermissionGrant.Read.All;
/// GrantAsync needs DelegatedPermissionGrant.ReadWrite.All, and Application.ReadWrite.All when a
/// service principal is missing (Application.Read.All otherwise).
/// </summary>
public static class ConsentOperations
{
    // How often a grant POST whose answer was lost (and which, read back, made nothing) is sent again: the
    // retry handler's own limit for other requests, as the transport never re-sends a POST itself.
    private static readonly int MaxLostAnswers = Http.RetryLimits.Default.MaxRetries;

    /// <summary>The consent the tenant has given <paramref name="clientAppId"/> for <paramref name="scopes"/>. Changes nothing.</summary>
    public static async Task<AdminConsentStatus> GetAsync(
        AcsTeamsAdminConnection connection,
        AppId clientAppId,
        IReadOnlyList<AcsScope> scopes,
        OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(context);
        var requested = scopes.Select(scope => scope.Value).ToArray();
        var client = await ServicePrincipalOperations.GetAsync(connection, clientAppId, context).ConfigureAwait(false);
        var acs = await ServicePrincipalOperations.GetAsync(connection, AppId.AcsFirstParty, context).ConfigureAwait(false);
        var tenant = connection.Info.TenantId;
        if (client is null || acs is null)
        {
            context.Log.Verbose(client is null
                ? $"Tenant {tenant} has no service principal for appId {clientAppId}: nothing is consented (Grant-AcsAdminConsent creates it)."
                : $"Tenant {tenant} has no Azure Communication Services service principal: nothing is consented (Grant-AcsAdminConsent creates it).");
            return Status(tenant, clientAppId, client, acs, grantId: null, granted: [], requested, change: null);
        }

        var grant = await PermissionGrants.FindTenantWideAsync(
            connection, client.Id, acs.Id, GraphScopes.DelegatedPermissionGrantRead, clientAppId.ToString(), context).ConfigureAwait(false);
        return Status(tenant, clientAppId, client, acs, grant?.Id, GrantScopes.Split(grant?.Scope), requested, change: null);
    }

    /// <summary>
    /// Grants tenant-wide consent for <paramref name="scopes"/> to <paramref name="clientAppId"/>: creates the
    /// client app's and the ACS service principals when missing, then creates the AllPrincipals grant or adds
    /// the missing scopes to it, keeping every scope it had. Writes nothing when nothing is missing. Everything
    /// is read, and every change asked about (ShouldChange), before anything is written: -WhatIf lists the whole
    /// plan, the grant included, and a No leaves the tenant as it was. Returns null when a change was declined.
    /// </summary>
    public static async Task<AdminConsentStatus?> GrantAsync(
        AcsTeamsAdminConnection connection,
        AppId clientAppId,
        IReadOnlyList<AcsScope> scopes,
        OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(context);
        var tenant = connection.Info.TenantId;
        var requested = scopes.Select(scope => scope.Value).ToArray();
        var target = clientAppId.ToString();

        var client = await ServicePrincipalOperations.GetAsync(connection, clientAppId, context).ConfigureAwait(false);
        var acs = await ServicePrincipalOperations.GetAsync(connection, AppId.AcsFirstParty, context).ConfigureAwait(false);
        var grant = client is null || acs is null ? null : await PermissionGrants.FindTenantWideAsync(
            connection, client.Id, acs.Id, GraphScopes.DelegatedPermissionGrantReadWrite, target, context).ConfigureAwait(false);
        var granted = GrantScopes.Split(grant?.Scope);
        if (grant is not null && GrantScopes.Missing(granted, requested).Count == 0)
        {
            context.Log.Verbose($"'{client!.DisplayName}' already has tenant-wide consent for {GrantScopes.Join(requested)} in " +
                $"tenant {tenant} (grant {grant.Id}); nothing to do.");
            return Status(tenant, clientAppId, client, acs, grant.Id, granted, requested, AdminConsentChange.Unchanged);
        }

        // Every question first, each on its own line (and its own -Confirm answer); then the writes, in order.
        var createClient = client is null && context.Approval.ShouldChange(ServicePrincipalOperations.ChangeTarget(connection, clientAppId), "Create");
        var createAcs = acs is null && context.Approval.ShouldChange(ServicePrincipalOperations.ChangeTarget(connection, AppId.AcsFirstParty), "Create");
        var grantChange = GrantChange(client?.DisplayName, clientAppId, GrantScopes.Missing(granted, requested), tenant);
        var approved = context.Approval.ShouldChange(grantChange, grant is null ? "Grant" : "Add scopes");
        if ((client is null && !createClient) || (acs is null && !createAcs) || !approved)
        {
            context.Log.Verbose($"Consent for appId {clientAppId} was not granted: a change it needs was declined.");
            return null;
        }

        // The client app first: a wrong appId must fail before anything (such as the ACS principal) is created.
        client ??= await CreateClientAsync(connection, clientAppId, context).ConfigureAwait(false);
        acs ??= await ServicePrincipalOperations.CreateAsync(connection, AppId.AcsFirstParty, context).ConfigureAwait(false);
        WarnAboutUnpublishedScopes(acs, scopes, context.Log);
        var written = await WriteGrantAsync(
            connection,
            client.Id,
            acs.Id,
            grant is null ? null : new(grant.Id, grant.Scope),
            requested,
            target,
            client.DisplayName,
            context).ConfigureAwait(false);
        return Status(tenant, clientAppId, client, acs, written.GrantId, written.Scopes, requested, written.Change);
    }

    /// <summary>What a -WhatIf line or a -Confirm prompt names when consent for <paramref name="missing"/> is granted.</summary>
    internal static string GrantChange(string? clientName, AppId clientAppId, IReadOnlyList<string> missing, string tenant) =>
        $"tenant-wide consent for {(clientName is null ? string.Empty : $"'{clientName}' ")}(appId {clientAppId}) to Azure Communication " +
        $"Services {GrantScopes.Join(missing)} in tenant {tenant}";

    /// <summary>A grant as read: its id and scope string.</summary>
    internal sealed record ExistingGrant(string? Id, string? Scope);

    /// <summary>
    /// Writes an approved tenant-wide grant of <paramref name="requested"/> from the client's service principal to the
    /// ACS one: creates it when there is none, or adds the missing scopes to <paramref name="existing"/>, keeping
    /// every scope it had. Another admin creating it first (409), or a lost answer to the create, is settled by
    /// reading it back, never by a blind second POST.
    /// </summary>
    internal static async Task<(string? GrantId, IReadOnlyList<string> Scopes, AdminConsentChange Change)> WriteGrantAsync(
        AcsTeamsAdminConnection connection, string clientPrincipalId, string acsPrincipalId, ExistingGrant? existing,
        IReadOnlyList<string> requested, string target, string clientName, OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(context);
        var grant = existing;
        if (grant is null)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var created = await PermissionGrants.CreateTenantWideAsync(
                        connection,
                        clientPrincipalId,
                        acsPrincipalId,
                        requested,
                        target,
                        context).ConfigureAwait(false);
                    context.Log.Verbose($"Created grant {created?.Id} for '{clientName}': {GrantScopes.Join(requested)}.");
                    return (created?.Id, requested, AdminConsentChange.Created);
                }
                catch (AcsTeamsAdminException error) when (error.HttpStatus == 409 || IsLostAnswer(error))
                {
                    // 409 "Permission entry already exists.": another admin created it since we read. A lost answer
                    // (dropped connection, timeout): the POST may or may not have created it, and a POST is never
                    // re-sent blindly. Either way read it: found, add what it lacks as if we had found it at first.
                    var found = await PermissionGrants.FindTenantWideAsync(
                        connection, clientPrincipalId, acsPrincipalId, GraphScopes.DelegatedPermissionGrantReadWrite, target, context).ConfigureAwait(false);
                    if (found is null && IsLostAnswer(error) && attempt <= MaxLostAnswers)
                    {
                        // Not there: the POST never reached Entra, so sending it again cannot make a second grant.
                        context.Log.Verbose($"The answer to creating the grant was lost and no grant exists; creating it again (attempt {attempt + 1}).");
                        continue;
                    }

                    if (found is null)
                    {
                        throw;
                    }

                    context.Log.Verbose(error.HttpStatus == 409
                        ? "The grant was created by someone else since it was read; adding the missing scopes to it instead."
                        : $"The answer to creating the grant was lost, but grant {found.Id} is there.");
                    var now = GrantScopes.Split(found.Scope);
                    if (GrantScopes.Missing(now, requested).Count == 0)
                    {
                        return (found.Id, now, error.HttpStatus == 409 ? AdminConsentChange.Unchanged : AdminConsentChange.Created);
                    }

                    grant = new ExistingGrant(found.Id, found.Scope);
                    break;
                }
            }
        }

        var granted = GrantScopes.Split(grant.Scope);
        var union = GrantScopes.Union(granted, requested);
        await PermissionGrants.ReplaceScopesAsync(connection, grant.Id!, union, target, context).ConfigureAwait(false);
        context.Log.Verbose($"Grant {grant.Id} for '{clientName}' now holds: {GrantScopes.Join(union)} (was: {GrantScopes.Join(granted)}).");
        return (grant.Id, union, AdminConsentChange.Updated);
    }

    private static bool IsLostAnswer(AcsTeamsAdminException error) =>
        error.ErrorId is ErrorIds.ConnectionFailed or ErrorIds.ServiceTimeout;

    /// <summary>Creates the client app's service principal; an app this tenant cannot see is ClientAppNotFound.</summary>
    internal static async Task<ServicePrincipalInfo> CreateClientAsync(AcsTeamsAdminConnection connection, AppId clientAppId, OperationContext context)
    {
        try
        {
            return await ServicePrincipalOperations.CreateAsync(connection, clientAppId, context).ConfigureAwait(false);
        }
        catch (AcsTeamsAdminException error) when (error.HttpStatus == 400)
        {
            // Graph's only answer for creating the service principal of an app the tenant cannot see
            // ("...does not reference a valid application object"): no such app, or a single-tenant app
            // registered elsewhere. Nothing in Graph tells the two apart, so the message names both.
            throw new AcsTeamsAdminException(ErrorIds.ClientAppNotFound, FailureCategory.ObjectNotFound,
                $"No application with appId {clientAppId} is available to tenant {connection.Info.TenantId}: " +
                $"Entra ID would not create its service principal ({error.ServiceErrorCode}: the appId does not reference a valid application object).",
                "Check the appId (the Application (client) ID on the app registration's Overview page). " +
                "If it is right, the app is registered as single-tenant in another tenant: its owner must set Supported account types to multiple " +
                "organizations (signInAudience AzureADMultipleOrgs) before other tenants can consent to it.",
                clientAppId.ToString(), error)
            {
                HttpStatus = error.HttpStatus,
                ServiceErrorCode = error.ServiceErrorCode,
                RequestId = error.RequestId,
            };
        }
    }

    private static void WarnAboutUnpublishedScopes(ServicePrincipalInfo acs, IReadOnlyList<AcsScope> scopes, IOperationLog log)
    {
        // An empty list means we could not read the published scopes: nothing to compare against.
        if (acs.DelegatedScopes.Count == 0)
        {
            return;
        }

        foreach (var scope in scopes)
        {
            var published = acs.DelegatedScopes.FirstOrDefault(candidate => string.Equals(candidate.Value, scope.Value, StringComparison.OrdinalIgnoreCase));
            if (published is null || !published.IsEnabled)
            {
                log.Warning("The Azure Communication Services app in this tenant does not offer the scope " +
                    $"{scope.Value}{(scope.IsLegacy ? " (a preview-era scope)" : string.Empty)}; it is granted as asked, but tokens will not carry it.");
            }
        }
    }

    private static AdminConsentStatus Status(
        string tenant, AppId clientAppId, ServicePrincipalInfo? client, ServicePrincipalInfo? acs, string? grantId,
        IReadOnlyList<string> granted, string[] requested, AdminConsentChange? change)
    {
        var missing = GrantScopes.Missing(granted, requested);
        return new AdminConsentStatus
        {
            TenantId = tenant,
            ClientAppId = clientAppId.ToString(),
            ClientDisplayName = client?.DisplayName ?? string.Empty,
            ClientServicePrincipalId = client?.Id,
            ResourceServicePrincipalId = acs?.Id,
            GrantId = grantId,
            GrantedScopes = granted,
            RequestedScopes = requested,
            MissingScopes = missing,
            ExtraScopes = GrantScopes.Extra(granted, requested),
            Status = missing.Count == 0 ? AdminConsentState.Granted
                : missing.Count < requested.Length ? AdminConsentState.Partial
                : AdminConsentState.NotGranted,
            Change = change,
        };
    }
}
