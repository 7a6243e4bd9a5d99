using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox.Internal;

namespace AcsTeamsAdmin.Sandbox.Identity;

internal enum ResourceKind
{
    Graph,
    AcsTeams,
    AcsDataPlane,
    ResourceManager,
    Custom,
}

/// <summary>The one resource a token request names, and the permissions asked of it.</summary>
internal sealed record ResourceScopes(
    ResourceKind Kind,
    string Identifier,
    string Audience,
    IReadOnlyList<string> Permissions,
    bool IsDefault,
    IReadOnlyList<string> OidcScopes)
{
    private static readonly HashSet<string> Oidc = new(StringComparer.OrdinalIgnoreCase) { "openid", "profile", "offline_access", "email" };

    /// <summary>
    /// Splits a scope parameter into one resource and its permissions. Graph answers to its URI, its app id and,
    /// so clients configured with the sandbox as "Graph" work, the sandbox's own base address.
    /// </summary>
    public static ResourceScopes Parse(string? scopeParameter, string sandboxBase)
    {
        if (string.IsNullOrWhiteSpace(scopeParameter))
        {
            throw EntraErrors.MissingParameter("scope");
        }

        var oidc = new List<string>();
        var byResource = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var scope in scopeParameter.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Oidc.Contains(scope))
            {
                oidc.Add(scope);
                continue;
            }

            var (resource, permission) = Split(scope);
            if (!byResource.TryGetValue(resource, out var list))
            {
                byResource[resource] = list = [];
            }

            list.Add(permission);
        }

        if (byResource.Count > 1)
        {
            throw EntraErrors.MultipleResources();
        }

        // Only OpenID scopes: Entra issues a Graph token for the user's basic profile.
        var (identifier, permissions) = byResource.Count == 0
            ? (SandboxIds.GraphAudience, new List<string> { "User.Read" })
            : (byResource.Keys.First(), byResource.Values.First());
        var isDefault = permissions.Contains(".default", StringComparer.Ordinal);
        if (isDefault && permissions.Count > 1)
        {
            throw EntraErrors.InvalidScope(scopeParameter);
        }

        var (kind, audience) = Classify(identifier, sandboxBase);
        return new ResourceScopes(kind, identifier, audience, isDefault ? [] : permissions, isDefault, oidc);
    }

    /// <summary>The resource's service principal in a tenant, or the Entra error for its absence.</summary>
    public JsonObject? ResourceServicePrincipal(SandboxData data, TenantData tenant)
    {
        switch (Kind)
        {
            case ResourceKind.AcsDataPlane or ResourceKind.ResourceManager:
                // The ACS data plane and Azure Resource Manager authorise with Azure RBAC, not with Entra permissions.
                return null;
            case ResourceKind.Graph:
                return DirectoryQueries.FindServicePrincipal(tenant, SandboxIds.GraphAppId)
                    ?? throw EntraErrors.ResourceNotFound(Identifier, tenant.DefaultDomain);
            case ResourceKind.AcsTeams:
                return DirectoryQueries.FindServicePrincipal(tenant, SandboxIds.AcsAppId)
                    ?? throw EntraErrors.ServiceLacksPrincipal(SandboxIds.AcsAppId, "Azure Communication Services", tenant.Id);
            default:
                return DirectoryQueries.FindServicePrincipalByName(tenant, Identifier)
                    ?? (DirectoryQueries.FindFirstParty(data, Identifier) is { } fp
                        ? throw EntraErrors.ServiceLacksPrincipal(fp.AppId, fp.DisplayName, tenant.Id)
                        : throw EntraErrors.ResourceNotFound(Identifier, tenant.DefaultDomain));
        }
    }

    /// <summary>How the resource spells a permission in the response's scope list (Graph's bare, others prefixed).</summary>
    public string Qualify(string permission) =>
        Kind == ResourceKind.Graph ? permission : Identifier.TrimEnd('/') + "/" + permission;

    private static (string Resource, string Permission) Split(string scope)
    {
        if (scope.EndsWith("/.default", StringComparison.OrdinalIgnoreCase))
        {
            // "https://communication.azure.com//.default" keeps its trailing slash in the resource: that is the real identifier.
            return (scope[..^"/.default".Length], ".default");
        }

        var slash = scope.LastIndexOf('/');
        var schemeEnd = scope.IndexOf("://", StringComparison.Ordinal);
        if (slash > 0 && (schemeEnd < 0 || slash > schemeEnd + 2))
        {
            return (scope[..slash], scope[(slash + 1)..]);
        }

        // A bare permission ("User.Read") means Microsoft Graph.
        return (SandboxIds.GraphAudience, scope);
    }

    private static (ResourceKind, string) Classify(string identifier, string sandboxBase)
    {
        var trimmed = identifier.TrimEnd('/');
        if (string.Equals(trimmed, SandboxIds.GraphAppId, StringComparison.OrdinalIgnoreCase))
        {
            return (ResourceKind.Graph, SandboxIds.GraphAppId);
        }

        if (string.Equals(trimmed, SandboxIds.GraphAudience, StringComparison.OrdinalIgnoreCase)
            || string.Equals(trimmed, sandboxBase.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            return (ResourceKind.Graph, SandboxIds.GraphAudience);
        }

        if (string.Equals(trimmed, SandboxIds.AcsAppIdUri, StringComparison.OrdinalIgnoreCase)
            || string.Equals(trimmed, SandboxIds.AcsAppId, StringComparison.OrdinalIgnoreCase))
        {
            return (ResourceKind.AcsTeams, SandboxIds.AcsAppIdUri);
        }

        if (string.Equals(trimmed, SandboxIds.AcsDataPlaneAudience, StringComparison.OrdinalIgnoreCase))
        {
            return (ResourceKind.AcsDataPlane, SandboxIds.AcsDataPlaneAudience);
        }

        // Azure Resource Manager answers to both of its names; its tokens carry the one asked for, with a trailing slash.
        if (SandboxIds.ResourceManagerAudiences.Any(audience => string.Equals(trimmed, audience.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)))
        {
            return (ResourceKind.ResourceManager, trimmed + "/");
        }

        return (ResourceKind.Custom, identifier);
    }
}
