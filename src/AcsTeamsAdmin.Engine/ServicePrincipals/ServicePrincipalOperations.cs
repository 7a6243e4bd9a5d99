using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Graph;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.Identifiers;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace AcsTeamsAdmin.Engine.ServicePrincipals;

/// <summary>
/// Find or create an application's service principal in the connected tenant.
/// Graph permissions: reading needs Application.Read.All; creating needs Application.ReadWrite.All.
/// </summary>
public static class ServicePrincipalOperations
{
    private static readonly string[] SelectedProperties =
        ["id", "appId", "displayName", "appOwnerOrganizationId", "accountEnabled", "oauth2PermissionScopes"];

    /// <summary>The service principal for <paramref name="appId"/>, or null when this tenant has none.</summary>
    public static async Task<ServicePrincipalInfo?> GetAsync(AcsTeamsAdminConnection connection, AppId appId, OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(context);
        var id = appId.ToString();
        var found = await FindAsync(connection, id, context).ConfigureAwait(false);
        return found is null ? null : ToInfo(found, connection, ServicePrincipalStatus.Existing);
    }

    /// <summary>
    /// Makes sure the tenant has the service principal. Returns it whether found or created (see
    /// <see cref="ServicePrincipalInfo.Status"/>), or null when the change was declined (-WhatIf).
    /// Reads first, so a second run makes no write; creates with <see cref="CreateAsync"/>.
    /// </summary>
    public static async Task<ServicePrincipalInfo?> EnsureAsync(AcsTeamsAdminConnection connection, AppId appId, OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(context);
        var id = appId.ToString();
        var existing = await FindAsync(connection, id, context).ConfigureAwait(false);
        if (existing is not null)
        {
            context.Log.Verbose($"Tenant {connection.Info.TenantId} already has the service principal {existing.Id} for appId {id}; nothing to do.");
            return ToInfo(existing, connection, ServicePrincipalStatus.Existing);
        }

        if (!context.Approval.ShouldChange(ChangeTarget(connection, appId), "Create"))
        {
            return null;
        }

        return await CreateAsync(connection, appId, context).ConfigureAwait(false);
    }

    /// <summary>What a -WhatIf line or a -Confirm prompt names when the service principal of <paramref name="appId"/> is created.</summary>
    public static string ChangeTarget(AcsTeamsAdminConnection connection, AppId appId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return $"service principal for appId {appId} in tenant {connection.Info.TenantId}";
    }

    /// <summary>
    /// Creates the service principal, already approved, with an upsert (PATCH with Prefer: create-if-missing): a
    /// race with another admin, or a retried request whose answer was lost, can never create two.
    /// </summary>
    public static async Task<ServicePrincipalInfo> CreateAsync(AcsTeamsAdminConnection connection, AppId appId, OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(context);
        var id = appId.ToString();
        var created = await GraphCall.RunAsync(
            () => connection.Graph.ServicePrincipalsWithAppId(id).PatchAsync(new ServicePrincipal(), request =>
            {
                request.Headers.Add("Prefer", "create-if-missing");
            }, context.CancellationToken),
            $"Creating the service principal for appId {id}", id, GraphScopes.ApplicationReadWrite, context.CancellationToken).ConfigureAwait(false);

        // 201 returns the new object; 204 means someone created it between our read and our write.
        var result = created ?? await FindAsync(connection, id, context).ConfigureAwait(false);
        if (result is null)
        {
            throw new InvalidOperationException($"Graph reported the service principal for appId {id} as present, but it cannot be read back.");
        }

        context.Log.Verbose($"Created service principal {result.Id} for appId {id} in tenant {connection.Info.TenantId}.");
        return ToInfo(result, connection, created is null ? ServicePrincipalStatus.Existing : ServicePrincipalStatus.Created);
    }

    private static Task<ServicePrincipal?> FindAsync(AcsTeamsAdminConnection connection, string appId, OperationContext context) =>
        GraphCall.RunAsync(
            async () =>
            {
                try
                {
                    return await connection.Graph.ServicePrincipalsWithAppId(appId).GetAsync(
                        request => request.QueryParameters.Select = SelectedProperties, context.CancellationToken).ConfigureAwait(false);
                }
                catch (ODataError error) when (error.ResponseStatusCode == 404)
                {
                    // By-key reads answer 404 Request_ResourceNotFound when the tenant has none: that is an answer, not a failure.
                    return null;
                }
            },
            $"Reading the service principal for appId {appId}", appId, GraphScopes.ApplicationRead, context.CancellationToken);

    private static ServicePrincipalInfo ToInfo(ServicePrincipal principal, AcsTeamsAdminConnection connection, ServicePrincipalStatus status) => new()
    {
        Id = principal.Id ?? string.Empty,
        AppId = principal.AppId ?? string.Empty,
        DisplayName = principal.DisplayName ?? string.Empty,
        TenantId = connection.Info.TenantId,
        AppOwnerOrganizationId = principal.AppOwnerOrganizationId?.ToString(),
        AccountEnabled = principal.AccountEnabled ?? true,
        DelegatedScopes = principal.Oauth2PermissionScopes?
            .Where(scope => scope.Value is not null && scope.Id is not null)
            .Select(scope => new DelegatedScope(scope.Value!, scope.Id!.Value, scope.IsEnabled ?? true))
            .ToArray() ?? [],
        Status = status,
    };
}
