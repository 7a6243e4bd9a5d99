using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Graph;
using AcsTeamsAdmin.Engine.Operations;
using Microsoft.Graph.Models;

namespace AcsTeamsAdmin.Engine.Consent;

/// <summary>
/// The Graph calls on oauth2PermissionGrants: find the tenant-wide grant of a client for a resource,
/// create one, replace its scope. clientId and resourceId are service principal OBJECT ids.
/// </summary>
internal static class PermissionGrants
{
    public const string AllPrincipals = "AllPrincipals";

    /// <summary>The AllPrincipals grant for the pair, or null. Reads every page the filter returns.</summary>
    /// <param name="connection">The session.</param>
    /// <param name="clientServicePrincipalId">The client app's service principal object id.</param>
    /// <param name="resourceServicePrincipalId">The resource's (ACS) service principal object id.</param>
    /// <param name="requiredPermission">Named in a 403: the read permission for a read, the write one when a write follows.</param>
    /// <param name="target">The user's input, for errors.</param>
    /// <param name="context">The operation's context.</param>
    public static async Task<OAuth2PermissionGrant?> FindTenantWideAsync(
        AcsTeamsAdminConnection connection,
        string clientServicePrincipalId,
        string resourceServicePrincipalId,
        string requiredPermission,
        object? target,
        OperationContext context)
    {
        var whatFailed = $"Reading the consent grants of service principal {clientServicePrincipalId}";

        // Filter on clientId only (the documented filter) and pick the pair here: a client has few grants.
        var page = await GraphCall.RunAsync(
            () => connection.Graph.Oauth2PermissionGrants.GetAsync(
                request => request.QueryParameters.Filter = $"clientId eq '{clientServicePrincipalId}'", context.CancellationToken),
            whatFailed, target, requiredPermission, context.CancellationToken).ConfigureAwait(false);
        while (page is not null)
        {
            var found = page.Value?.FirstOrDefault(grant =>
                string.Equals(grant.ConsentType, AllPrincipals, StringComparison.OrdinalIgnoreCase)
                && string.Equals(grant.ResourceId, resourceServicePrincipalId, StringComparison.OrdinalIgnoreCase)
                && string.Equals(grant.ClientId, clientServicePrincipalId, StringComparison.OrdinalIgnoreCase));
            if (found is not null || page.OdataNextLink is not { } next)
            {
                return found;
            }

            page = await GraphCall.RunAsync(
                () => connection.Graph.Oauth2PermissionGrants.WithUrl(next).GetAsync(cancellationToken: context.CancellationToken),
                whatFailed, target, requiredPermission, context.CancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    public static Task<OAuth2PermissionGrant?> CreateTenantWideAsync(
        AcsTeamsAdminConnection connection,
        string clientServicePrincipalId,
        string resourceServicePrincipalId,
        IReadOnlyList<string> scopes,
        object? target,
        OperationContext context) =>
        GraphCall.RunAsync(
            () => connection.Graph.Oauth2PermissionGrants.PostAsync(new OAuth2PermissionGrant
            {
                ClientId = clientServicePrincipalId,
                ConsentType = AllPrincipals,
                ResourceId = resourceServicePrincipalId,
                Scope = GrantScopes.Join(scopes),
            }, cancellationToken: context.CancellationToken),
            "Creating the tenant-wide consent grant", target, GraphScopes.DelegatedPermissionGrantReadWrite, context.CancellationToken);

    /// <summary>Replaces the grant's scope string: the caller passes the union with what was there.</summary>
    public static Task ReplaceScopesAsync(
        AcsTeamsAdminConnection connection,
        string grantId,
        IReadOnlyList<string> scopes,
        object? target,
        OperationContext context) =>
        GraphCall.RunAsync(
            () => connection.Graph.Oauth2PermissionGrants[grantId].PatchAsync(
                new OAuth2PermissionGrant { Scope = GrantScopes.Join(scopes) },
                cancellationToken: context.CancellationToken),
            $"Adding scopes to the consent grant {grantId}", target, GraphScopes.DelegatedPermissionGrantReadWrite, context.CancellationToken);
}
