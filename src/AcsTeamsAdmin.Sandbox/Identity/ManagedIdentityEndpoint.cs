using System.Globalization;
using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox.Internal;

namespace AcsTeamsAdmin.Sandbox.Identity;

/// <summary>
/// Managed identity token sources: IMDS (GET /metadata/identity/oauth2/token, header Metadata: true) and the App
/// Service / Azure Automation style endpoint (GET /msi/token, header X-IDENTITY-HEADER). The machine's system-assigned
/// identity is the default tenant's.
/// </summary>
internal static class ManagedIdentityEndpoint
{
    /// <summary>The secret an App Service style client must echo in X-IDENTITY-HEADER (IDENTITY_HEADER).</summary>
    public const string IdentityHeaderValue = "sandbox-identity-header";

    public static SandboxResponse Imds(SandboxData data, SandboxRequest request, DateTimeOffset now, RequestInfo info)
    {
        // MSAL probes IMDS without the header and takes the 400 as "IMDS is here", exactly like the real one.
        if (!string.Equals(request.Header("Metadata"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return ImdsError(400, "invalid_request", "Required metadata header not specified");
        }

        var q = request.Query;
        return Issue(data, request, now, info, q.GetValueOrDefault("resource"), q.GetValueOrDefault("client_id"),
            q.GetValueOrDefault("object_id") ?? q.GetValueOrDefault("principal_id"),
            q.GetValueOrDefault("msi_res_id") ?? q.GetValueOrDefault("mi_res_id"),
            appService: false);
    }

    public static SandboxResponse AppService(SandboxData data, SandboxRequest request, DateTimeOffset now, RequestInfo info)
    {
        if (!string.Equals(request.Header("X-IDENTITY-HEADER"), IdentityHeaderValue, StringComparison.Ordinal))
        {
            return ImdsError(400, "invalid_request", "The X-IDENTITY-HEADER header is missing or invalid.");
        }

        var q = request.Query;
        return Issue(data, request, now, info, q.GetValueOrDefault("resource"), q.GetValueOrDefault("client_id"),
            q.GetValueOrDefault("principal_id") ?? q.GetValueOrDefault("object_id"),
            q.GetValueOrDefault("mi_res_id") ?? q.GetValueOrDefault("msi_res_id"),
            appService: true);
    }

    private static SandboxResponse Issue(
        SandboxData data,
        SandboxRequest request,
        DateTimeOffset now,
        RequestInfo info,
        string? resource,
        string? clientId,
        string? objectId,
        string? resourceId,
        bool appService)
    {
        if (string.IsNullOrEmpty(resource))
        {
            return ImdsError(400, "invalid_request", "Required query variable 'resource' is missing");
        }

        var found = FindIdentity(data, clientId, objectId, resourceId);
        if (found is not { } identity)
        {
            return ImdsError(400, "invalid_request", "Identity not found");
        }

        var (tenant, mi) = identity;
        info.TenantId = tenant.Id;
        info.ClientAppId = mi.ClientId;
        ResourceScopes scopes;
        JsonObject? resourceSp;
        try
        {
            scopes = ResourceScopes.Parse(resource.TrimEnd('/') + "/.default", request.BaseAddress);
            resourceSp = scopes.ResourceServicePrincipal(data, tenant);
        }
        catch (EntraException e)
        {
            return ImdsError(400, "invalid_resource", e.Message);
        }

        var roles = resourceSp is null ? [] : DirectoryQueries.GrantedRoles(tenant, mi.ObjectId, resourceSp);
        var lifetime = data.Settings.AccessTokenLifetimeSeconds;
        var subject = new TokenSubject(tenant.Id, mi.ClientId, mi.Name, mi.ObjectId, null, scopes.Audience, roles, [], "2");
        var expiresOn = now.AddSeconds(lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var body = new JsonObject
        {
            ["access_token"] = TokenFactory.AccessToken(subject, now, TimeSpan.FromSeconds(lifetime)),
            ["client_id"] = mi.ClientId,
            ["expires_in"] = lifetime.ToString(CultureInfo.InvariantCulture),
            ["expires_on"] = expiresOn,
            ["ext_expires_in"] = lifetime.ToString(CultureInfo.InvariantCulture),
            ["not_before"] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["resource"] = resource,
            ["token_type"] = "Bearer",
        };
        if (appService)
        {
            body.Remove("ext_expires_in");
            body.Remove("expires_in");
            body.Remove("not_before");
        }

        return SandboxResponse.Json(200, body);
    }

    private static (TenantData, ManagedIdentityData)? FindIdentity(SandboxData data, string? clientId, string? objectId, string? resourceId)
    {
        if (clientId is null && objectId is null && resourceId is null)
        {
            var home = DirectoryQueries.FindTenant(data, data.DefaultTenantId);
            var system = home?.ManagedIdentities.FirstOrDefault(m => m.Kind == ManagedIdentityKind.SystemAssigned);
            return home is not null && system is not null ? (home, system) : null;
        }

        foreach (var tenant in data.Tenants)
        {
            var mi = tenant.ManagedIdentities.FirstOrDefault(m =>
                (clientId is not null && string.Equals(m.ClientId, clientId, StringComparison.OrdinalIgnoreCase))
                || (objectId is not null && string.Equals(m.ObjectId, objectId, StringComparison.OrdinalIgnoreCase))
                || (resourceId is not null && string.Equals(m.ResourceId, resourceId, StringComparison.OrdinalIgnoreCase)));
            if (mi is not null)
            {
                return (tenant, mi);
            }
        }

        return null;
    }

    private static SandboxResponse ImdsError(int status, string error, string description) =>
        SandboxResponse.Json(status, new JsonObject { ["error"] = error, ["error_description"] = description });
}
