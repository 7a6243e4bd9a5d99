using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox.Internal;

namespace AcsTeamsAdmin.Sandbox.Identity;

/// <summary>
/// MSAL's instance discovery and the OpenID configuration. MSAL sends instance discovery for an unknown host to
/// login.microsoftonline.com, naming the authority it wants in authorization_endpoint; we vouch for that host.
/// </summary>
internal static class DiscoveryDocuments
{
    public static SandboxResponse InstanceDiscovery(SandboxRequest request)
    {
        var authorizeEndpoint = request.Query.GetValueOrDefault("authorization_endpoint");
        var authority = authorizeEndpoint is not null && Uri.TryCreate(authorizeEndpoint, UriKind.Absolute, out var a) ? a : request.Uri;
        var tenant = authority.AbsolutePath.Trim('/').Split('/')[0] is { Length: > 0 } t ? t : "common";
        var host = authority.Authority;
        var aliases = new JsonArray(host);
        if (!string.Equals(authority.Host, host, StringComparison.OrdinalIgnoreCase))
        {
            aliases.Add(authority.Host);
        }

        return SandboxResponse.Json(200, new JsonObject
        {
            ["tenant_discovery_endpoint"] = $"{authority.Scheme}://{host}/{tenant}/v2.0/.well-known/openid-configuration",
            ["api-version"] = "1.1",
            ["metadata"] = new JsonArray(new JsonObject
            {
                ["preferred_network"] = host,
                ["preferred_cache"] = host,
                ["aliases"] = aliases,
            }),
        });
    }

    public static SandboxResponse OpenIdConfiguration(SandboxData data, SandboxRequest request, string segment)
    {
        var tenant = UserTokenIssuer.IsMultiTenantSegment(segment) ? null : DirectoryQueries.FindTenant(data, segment);
        if (tenant is null && !UserTokenIssuer.IsMultiTenantSegment(segment))
        {
            return EntraErrors.TenantNotFound(segment).ToResponse(request, DateTimeOffset.UtcNow);
        }

        var b = request.BaseAddress;
        var t = tenant?.Id ?? "{tenantid}";
        return SandboxResponse.Json(200, new JsonObject
        {
            ["token_endpoint"] = $"{b}/{segment}/oauth2/v2.0/token",
            ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_post", "private_key_jwt", "client_secret_basic"),
            ["jwks_uri"] = $"{b}/{segment}/discovery/v2.0/keys",
            ["response_modes_supported"] = new JsonArray("query", "fragment", "form_post"),
            ["subject_types_supported"] = new JsonArray("pairwise"),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["response_types_supported"] = new JsonArray("code", "id_token", "code id_token", "id_token token"),
            ["scopes_supported"] = new JsonArray("openid", "profile", "email", "offline_access"),
            ["issuer"] = $"{b}/{t}/v2.0",
            ["request_uri_parameter_supported"] = false,
            ["userinfo_endpoint"] = $"{b}/oidc/userinfo",
            ["authorization_endpoint"] = $"{b}/{segment}/oauth2/v2.0/authorize",
            ["device_authorization_endpoint"] = $"{b}/{segment}/oauth2/v2.0/devicecode",
            ["http_logout_supported"] = true,
            ["frontchannel_logout_supported"] = true,
            ["end_session_endpoint"] = $"{b}/{segment}/oauth2/v2.0/logout",
            ["claims_supported"] = new JsonArray(
                "sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "name", "tid", "ver", "oid",
                "preferred_username", "email"),
            ["kerberos_endpoint"] = $"{b}/{segment}/kerberos",
            ["tenant_region_scope"] = "EU",
            ["cloud_instance_name"] = "microsoftonline.com",
            ["cloud_graph_host_name"] = "graph.windows.net",
            ["msgraph_host"] = "graph.microsoft.com",
            ["rbac_url"] = "https://pas.windows.net",
        });
    }
}
