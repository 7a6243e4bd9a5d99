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
    public static async Task<AdminConsentStatus> GetAsync(AcsTeamsAdminConnection connection, AppId clientAppId, IReadOnlyList<AcsScope> scopes, OperationContext context)
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
    /// the missing scopes to it, keeping every scope it had. Writes nothing when nothing is missing. Returns
    /// null when a change was declined (-WhatIf, or No at a -Confirm prompt).
    /// </summary>
    public static async Task<AdminConsentStatus?> GrantAsync(AcsTeamsAdminConnection connection, AppId clientAppId, IReadOnlyList<AcsScope> scopes, OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(context);
        var tenant = connection.Info.TenantId;
        var requested = scopes.Select(scope => scope.Value).ToArray();

        // The client app first: a wrong appId must fail before anything (such as the ACS principal) is created.
        var client = await EnsureClientAsync(connection, clientAppId, context).ConfigureAwait(false);
        if (client is null)
        {
            context.Log.Verbose($"Consent for appId {clientAppId} needs its service principal first; nothing was granted.");
            return null;
        }

        var acs = await ServicePrincipalOperations.EnsureAsync(connection, AppId.AcsFirstParty, context).ConfigureAwait(false);
        if (acs is null)
        {
            context.Log.Verbose("Consent to Azure Communication Services needs its service principal in the tenant first; nothing was granted.");
            return null;
        }

        WarnAboutUnpublishedScopes(acs, scopes, context.Log);
        var target = clientAppId.ToString();
        var grant = await PermissionGrants.FindTenantWideAsync(
            connection, client.Id, acs.Id, GraphScopes.DelegatedPermissionGrantReadWrite, target, context).ConfigureAwait(false);
        var granted = GrantScopes.Split(grant?.Scope);
        var missing = GrantScopes.Missing(granted, requested);
        if (grant is not null && missing.Count == 0)
        {
            context.Log.Verbose($"'{client.DisplayName}' already has tenant-wide consent for {GrantScopes.Join(requested)} in tenant {tenant} (grant {grant.Id}); nothing to do.");
            return Status(tenant, clientAppId, client, acs, grant.Id, granted, requested, AdminConsentChange.Unchanged);
        }

        var description = $"tenant-wide consent for '{client.DisplayName}' (appId {clientAppId}) to Azure Communication Services {GrantScopes.Join(missing)} in tenant {tenant}";
        if (!context.Approval.ShouldChange(description, grant is null ? "Grant" : "Add scopes"))
        {
            return null;
        }

        if (grant is null)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var created = await PermissionGrants.CreateTenantWideAsync(connection, client.Id, acs.Id, requested, target, context).ConfigureAwait(false);
                    context.Log.Verbose($"Created grant {created?.Id} for '{client.DisplayName}': {GrantScopes.Join(requested)}.");
                    return Status(tenant, clientAppId, client, acs, created?.Id, requested, requested, AdminConsentChange.Created);
                }
                catch (AcsTeamsAdminException error) when (error.HttpStatus == 409 || IsLostAnswer(error))
                {
                    // 409 "Permission entry already exists.": another admin created it since we read. A lost answer
                    // (dropped connection, timeout): the POST may or may not have created it, and a POST is never
                    // re-sent blindly. Either way read it: found, add what it lacks as if we had found it at first.
                    grant = await PermissionGrants.FindTenantWideAsync(
                        connection, client.Id, acs.Id, GraphScopes.DelegatedPermissionGrantReadWrite, target, context).ConfigureAwait(false);
                    if (grant is null && IsLostAnswer(error) && attempt <= MaxLostAnswers)
                    {
                        // Not there: the POST never reached Entra, so sending it again cannot make a second grant.
                        context.Log.Verbose($"The answer to creating the grant was lost and no grant exists; creating it again (attempt {attempt + 1}).");
                        continue;
                    }

                    if (grant is null)
                    {
                        throw;
                    }

                    context.Log.Verbose(error.HttpStatus == 409
                        ? "The grant was created by someone else since it was read; adding the missing scopes to it instead."
                        : $"The answer to creating the grant was lost, but grant {grant.Id} is there.");
                    granted = GrantScopes.Split(grant.Scope);
                    if (GrantScopes.Missing(granted, requested).Count == 0)
                    {
                        return Status(tenant, clientAppId, client, acs, grant.Id, granted, requested, error.HttpStatus == 409 ? AdminConsentChange.Unchanged : AdminConsentChange.Created);
                    }

                    break;
                }
            }
        }

        var union = GrantScopes.Union(granted, requested);
        await PermissionGrants.ReplaceScopesAsync(connection, grant.Id!, union, target, context).ConfigureAwait(false);
        context.Log.Verbose($"Grant {grant.Id} for '{client.DisplayName}' now holds: {GrantScopes.Join(union)} (was: {GrantScopes.Join(granted)}).");
        return Status(tenant, clientAppId, client, acs, grant.Id, union, requested, AdminConsentChange.Updated);
    }

    private static bool IsLostAnswer(AcsTeamsAdminException error) =>
        error.ErrorId is ErrorIds.ConnectionFailed or ErrorIds.ServiceTimeout;

    private static async Task<ServicePrincipalInfo?> EnsureClientAsync(AcsTeamsAdminConnection connection, AppId clientAppId, OperationContext context)
    {
        try
        {
            return await ServicePrincipalOperations.EnsureAsync(connection, clientAppId, context).ConfigureAwait(false);
        }
        catch (AcsTeamsAdminException error) when (error.HttpStatus == 400)
        {
            // Graph's only answer for creating the service principal of an app the tenant cannot see
            // ("...does not reference a valid application object"): no such app, or a single-tenant app
            // registered elsewhere. Nothing in Graph tells the two apart, so the message names both.
            throw new AcsTeamsAdminException(ErrorIds.ClientAppNotFound, FailureCategory.ObjectNotFound,
                $"No application with appId {clientAppId} is available to tenant {connection.Info.TenantId}: Entra ID would not create its service principal ({error.ServiceErrorCode}: the appId does not reference a valid application object).",
                "Check the appId (the Application (client) ID on the app registration's Overview page). If it is right, the app is registered as single-tenant in another tenant: its owner must set Supported account types to multiple organizations (signInAudience AzureADMultipleOrgs) before other tenants can consent to it.",
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
                log.Warning($"The Azure Communication Services app in this tenant does not offer the scope {scope.Value}{(scope.IsLegacy ? " (a preview-era scope)" : string.Empty)}; it is granted as asked, but tokens will not carry it.");
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
