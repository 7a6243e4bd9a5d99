using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox.Internal;

namespace AcsTeamsAdmin.Sandbox.Identity;

/// <summary>A client application as the token endpoint sees it: its registration (home tenant) and credentials.</summary>
internal sealed record ClientApp(string AppId, string DisplayName, JsonObject Application, TenantData Home, AppCredentialData? Credentials)
{
    public bool AllowsPublicClientFlows => Application["isFallbackPublicClient"]?.GetValue<bool?>() == true;

    public static ClientApp Find(SandboxData data, string? clientId, TenantData tenantForErrors)
    {
        if (string.IsNullOrEmpty(clientId))
        {
            throw EntraErrors.MissingParameter("client_id");
        }

        if (DirectoryQueries.FindApplication(data, clientId) is not { } found)
        {
            throw EntraErrors.UnknownClient(clientId, tenantForErrors.DisplayName);
        }

        var credentials = found.Home.AppCredentials.FirstOrDefault(c => string.Equals(c.AppId, clientId, StringComparison.OrdinalIgnoreCase));
        return new ClientApp(clientId, DirectoryQueries.Str(found.App, "displayName") ?? "", found.App, found.Home, credentials);
    }

    /// <summary>The client's service principal in a tenant: without one, Entra does not know the app there.</summary>
    public JsonObject ServicePrincipalIn(TenantData tenant) =>
        DirectoryQueries.FindServicePrincipal(tenant, AppId) ?? throw EntraErrors.UnknownClient(AppId, tenant.DisplayName);

    public IEnumerable<string> RedirectUris(string platform) =>
        (Application[platform]?["redirectUris"] as JsonArray ?? []).Select(n => n?.GetValue<string>()).OfType<string>();

    /// <summary>Entra's loopback rule: a registered http://localhost (or 127.0.0.1) matches any port.</summary>
    public string? MatchRedirect(string redirectUri, out bool isPublic)
    {
        isPublic = false;
        foreach (var platform in new[] { "publicClient", "spa", "web" })
        {
            foreach (var registered in RedirectUris(platform))
            {
                if (Matches(registered, redirectUri))
                {
                    isPublic = platform != "web";
                    return registered;
                }
            }
        }

        return null;
    }

    private static bool Matches(string registered, string requested)
    {
        if (string.Equals(registered, requested, StringComparison.Ordinal))
        {
            return true;
        }

        if (!Uri.TryCreate(registered, UriKind.Absolute, out var r) || !Uri.TryCreate(requested, UriKind.Absolute, out var q))
        {
            return false;
        }

        return r.IsLoopback && q.IsLoopback && r.Scheme == q.Scheme
            && string.Equals(r.Host, q.Host, StringComparison.OrdinalIgnoreCase)
            && string.Equals(r.AbsolutePath, q.AbsolutePath, StringComparison.Ordinal);
    }
}
