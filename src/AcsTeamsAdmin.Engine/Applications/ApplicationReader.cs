using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Graph;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.ServicePrincipals;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace AcsTeamsAdmin.Engine.Applications;

/// <summary>Reads app registrations (Application.Read.All).</summary>
internal static class ApplicationReader
{
    /// <summary>
    /// The registration whose appId, or else whose object id, is <paramref name="id"/>. appId is tried
    /// first because it is what people copy (from the portal, from a consent URL, from code).
    /// </summary>
    public static async Task<ApplicationSnapshot> ResolveAsync(AcsTeamsAdminConnection connection, AppIdOrObjectId id, OperationContext context)
    {
        var text = id.ToString();
        var app = await GetOrNullAsync(
            connection,
            () => connection.Graph.ApplicationsWithAppId(text).GetAsync(Select, context.CancellationToken),
            text,
            context).ConfigureAwait(false)
            ?? await GetOrNullAsync(
                connection,
                () => connection.Graph.Applications[text].GetAsync(Select, context.CancellationToken),
                text,
                context).ConfigureAwait(false);
        if (app is not null)
        {
            var snapshot = ApplicationSnapshot.From(app);
            context.Log.Verbose($"Found app registration '{snapshot.DisplayName}' " +
                $"(appId {snapshot.AppId}, object id {snapshot.Id}) in tenant {connection.Info.TenantId}.");
            return snapshot;
        }

        throw await NotFoundAsync(connection, id, context).ConfigureAwait(false);
    }

    /// <summary>A fresh read of a registration already resolved, by object id.</summary>
    public static async Task<ApplicationSnapshot> ReadAsync(AcsTeamsAdminConnection connection, string objectId, OperationContext context)
    {
        var app = await GetOrNullAsync(
            connection,
            () => connection.Graph.Applications[objectId].GetAsync(Select, context.CancellationToken),
            objectId,
            context).ConfigureAwait(false);
        return app is null
            ? throw new AcsTeamsAdminException(ErrorIds.ApplicationNotFound, FailureCategory.ObjectNotFound,
                $"The app registration {objectId} was deleted while this command was changing it.",
                "Check with whoever manages the app registration; nothing more was changed.", objectId)
            : ApplicationSnapshot.From(app);
    }

    /// <summary>Every registration in the tenant with exactly this display name (Graph compares it case-insensitively).</summary>
    public static async Task<IReadOnlyList<ApplicationSnapshot>> FindByDisplayNameAsync(
        AcsTeamsAdminConnection connection,
        string displayName,
        OperationContext context)
    {
        var filter = $"displayName eq '{displayName.Replace("'", "''", StringComparison.Ordinal)}'";
        var page = await GraphCall.RunAsync(
            () => connection.Graph.Applications.GetAsync(request =>
            {
                request.QueryParameters.Filter = filter;
                request.QueryParameters.Select = ApplicationSnapshot.SelectedProperties;
                request.QueryParameters.Top = 10;
            }, context.CancellationToken),
            $"Looking for app registrations named '{displayName}'", displayName, GraphScopes.ApplicationRead, context.CancellationToken).ConfigureAwait(false);
        return page?.Value?.Select(ApplicationSnapshot.From).ToArray() ?? [];
    }

    /// <summary>
    /// Every registration whose display name matches <paramref name="pattern"/>. Graph filters what it can:
    /// eq for a plain name, startswith for the literal prefix of a pattern (exact for "Contoso*"); the rest
    /// of a pattern is matched here. A pattern with no prefix ("*Teams*") has to list every registration.
    /// </summary>
    public static async Task<IReadOnlyList<ApplicationSnapshot>> FindAsync(
        AcsTeamsAdminConnection connection,
        DisplayNamePattern pattern,
        OperationContext context)
    {
        var quoted = pattern.Prefix.Replace("'", "''", StringComparison.Ordinal);
        string? filter = !pattern.HasWildcards ? $"displayName eq '{quoted}'"
            : pattern.Prefix.Length > 0 ? $"startswith(displayName,'{quoted}')"
            : null;
        if (filter is null)
        {
            context.Log.Verbose($"'{pattern.Pattern}' starts with a wildcard: listing every app registration in tenant " +
                $"{connection.Info.TenantId} and matching locally.");
        }

        var what = $"Looking for app registrations named '{pattern.Pattern}'";
        var page = await GraphCall.RunAsync(
            () => connection.Graph.Applications.GetAsync(request =>
            {
                request.QueryParameters.Filter = filter;
                request.QueryParameters.Select = ApplicationSnapshot.SelectedProperties;
                request.QueryParameters.Top = 999;
            }, context.CancellationToken),
            what, pattern.Pattern, GraphScopes.ApplicationRead, context.CancellationToken).ConfigureAwait(false);
        var found = new List<ApplicationSnapshot>();
        while (page is not null)
        {
            found.AddRange((page.Value ?? []).Select(ApplicationSnapshot.From).Where(app => pattern.Matches(app.DisplayName)));
            if (page.OdataNextLink is not { } next)
            {
                break;
            }

            page = await GraphCall.RunAsync(
                () => connection.Graph.Applications.WithUrl(next).GetAsync(cancellationToken: context.CancellationToken),
                what, pattern.Pattern, GraphScopes.ApplicationRead, context.CancellationToken).ConfigureAwait(false);
        }

        return found.OrderBy(app => app.DisplayName, StringComparer.OrdinalIgnoreCase).ToArray();
    }

    private static void Select(
        Microsoft.Kiota.Abstractions.RequestConfiguration<
            Microsoft.Graph.Applications.Item.ApplicationItemRequestBuilder.ApplicationItemRequestBuilderGetQueryParameters> request) =>
        request.QueryParameters.Select = ApplicationSnapshot.SelectedProperties;

    private static void Select(
        Microsoft.Kiota.Abstractions.RequestConfiguration<
            Microsoft.Graph.ApplicationsWithAppId.ApplicationsWithAppIdRequestBuilder.ApplicationsWithAppIdRequestBuilderGetQueryParameters> request) =>
        request.QueryParameters.Select = ApplicationSnapshot.SelectedProperties;

    private static Task<Application?> GetOrNullAsync(AcsTeamsAdminConnection connection, Func<Task<Application?>> call, string id, OperationContext context) =>
        GraphCall.RunAsync(
            async () =>
            {
                try
                {
                    return await call().ConfigureAwait(false);
                }
                catch (ODataError error) when (error.ResponseStatusCode == 404)
                {
                    // Not found by this key: the caller tries the other key, or explains.
                    return null;
                }
            },
            $"Reading the app registration {id} in tenant {connection.Info.TenantId}", id, GraphScopes.ApplicationRead, context.CancellationToken);

    /// <summary>
    /// Registrations live only in their home tenant. If this tenant has a service principal for the id
    /// with another owner tenant, say which tenant to connect to; otherwise say how to find the right id.
    /// </summary>
    private static async Task<AcsTeamsAdminException> NotFoundAsync(AcsTeamsAdminConnection connection, AppIdOrObjectId id, OperationContext context)
    {
        var tenant = connection.Info.TenantId;
        ServicePrincipalInfo? principal = null;
        try
        {
            principal = await ServicePrincipalOperations.GetAsync(connection, new AppId(id.Value), context).ConfigureAwait(false);
        }
        catch (AcsTeamsAdminException error)
        {
            // Only a hint for the message: the answer stays "not found" whatever this lookup says.
            context.Log.Debug($"Could not check for a service principal of {id}: {error.ErrorId}.");
        }

        if (principal?.AppOwnerOrganizationId is { } owner && !string.Equals(owner, tenant, StringComparison.OrdinalIgnoreCase))
        {
            var whose = MicrosoftTenants.Owns(owner)
                ? "It is a Microsoft application, which cannot be changed; pass your own app registration's id."
                : $"Connect to that tenant (Connect-AcsTeamsAdmin -TenantId {owner}) with an account that may change the app, and run the command again.";
            return new AcsTeamsAdminException(ErrorIds.ApplicationInAnotherTenant, FailureCategory.ObjectNotFound,
                $"The application {id} ('{principal.DisplayName}') is registered in tenant {owner}, not in the connected tenant {tenant}, " +
                "which only has its service principal (enterprise application).",
                whose, id.ToString());
        }

        return new AcsTeamsAdminException(ErrorIds.ApplicationNotFound, FailureCategory.ObjectNotFound,
            $"No app registration in tenant {tenant} has the appId or object id {id}.",
            "App registrations live in their home tenant: connect to the tenant where the app was registered. Pass the Application (client) ID or the Object " +
            "ID from App registrations > the app > Overview (both work; the Enterprise applications object id does not).",
            id.ToString());
    }
}
