using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox.Internal;

namespace AcsTeamsAdmin.Sandbox.Identity;

/// <summary>POST /{tenant}/oauth2/v2.0/token: the grants MSAL and Azure.Identity use.</summary>
internal static class TokenEndpoint
{
    public static SandboxResponse Handle(SandboxData data, SandboxRequest request, string tenantSegment, DateTimeOffset now, RequestInfo info)
    {
        if (request.Method != "POST")
        {
            return SandboxResponse.Text(405, "Method not allowed.");
        }

        var form = FormEncoding.Parse(request.BodyText);
        info.ClientAppId = form.GetValueOrDefault("client_id");
        try
        {
            var grantType = form.GetValueOrDefault("grant_type") ?? throw EntraErrors.MissingParameter("grant_type");
            var body = grantType switch
            {
                "client_credentials" => ClientCredentials(data, request, form, tenantSegment, now, info),
                "device_code" or "urn:ietf:params:oauth:grant-type:device_code" => DeviceCode(data, request, form, tenantSegment, now, info),
                "refresh_token" => Refresh(data, request, form, tenantSegment, now, info),
                "authorization_code" => AuthorizationCode(data, request, form, tenantSegment, now, info),
                _ => throw EntraErrors.UnsupportedGrant(grantType),
            };
            return SandboxResponse.Json(200, body);
        }
        catch (EntraException e)
        {
            return e.ToResponse(request, now);
        }
    }

    private static JsonObject ClientCredentials(
        SandboxData data, SandboxRequest request, IReadOnlyDictionary<string, string> form, string segment, DateTimeOffset now, RequestInfo info)
    {
        var tenant = DirectoryQueries.FindTenant(data, segment) ?? throw EntraErrors.TenantNotFound(segment);
        info.TenantId = tenant.Id;
        var client = ClientApp.Find(data, form.GetValueOrDefault("client_id"), tenant);
        var clientSp = client.ServicePrincipalIn(tenant);
        var auth = ClientAuthenticator.Authenticate(form, client.Credentials, client.AppId, tenant, data, now, publicAllowed: false);

        var scope = form.GetValueOrDefault("scope") ?? throw EntraErrors.MissingParameter("scope");
        var scopes = ResourceScopes.Parse(scope, request.BaseAddress);
        if (!scopes.IsDefault)
        {
            throw EntraErrors.NotDefaultScope(scope);
        }

        var resourceSp = scopes.ResourceServicePrincipal(data, tenant);
        var roles = resourceSp is null ? [] : DirectoryQueries.GrantedRoles(tenant, DirectoryQueries.Str(clientSp, "id")!, resourceSp);
        var subject = new TokenSubject(
            tenant.Id,
            client.AppId,
            client.DisplayName,
            DirectoryQueries.Str(clientSp, "id"),
            null,
            scopes.Audience,
            roles,
            [],
            auth);
        return new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = data.Settings.AccessTokenLifetimeSeconds,
            ["ext_expires_in"] = data.Settings.AccessTokenLifetimeSeconds,
            ["access_token"] = TokenFactory.AccessToken(subject, now, TimeSpan.FromSeconds(data.Settings.AccessTokenLifetimeSeconds)),
        };
    }

    private static JsonObject DeviceCode(
        SandboxData data, SandboxRequest request, IReadOnlyDictionary<string, string> form, string segment, DateTimeOffset now, RequestInfo info)
    {
        var code = form.GetValueOrDefault("device_code") ?? form.GetValueOrDefault("code") ?? throw EntraErrors.MissingParameter("device_code");
        var pending = data.DeviceCodes.FirstOrDefault(d => d.DeviceCode == code) ?? throw EntraErrors.BadGrant("unknown device code");
        if (pending.ExpiresOn <= now)
        {
            data.DeviceCodes.Remove(pending);
            throw EntraErrors.DeviceCodeExpired();
        }

        if (pending.ApprovedUserId is null || pending.ApprovedTenantId is null)
        {
            throw EntraErrors.AuthorizationPending();
        }

        data.DeviceCodes.Remove(pending);
        var (userTenant, user) = DirectoryQueries.FindUser(data, pending.ApprovedUserId) ?? throw EntraErrors.BadGrant("user no longer exists");
        var tenant = UserTokenIssuer.TenantFor(data, segment, userTenant, user);
        var client = ClientApp.Find(data, pending.ClientId, tenant);
        return UserTokenIssuer.Issue(data, request, form, client, tenant, user, pending.Scope, "0", now, info);
    }

    private static JsonObject Refresh(
        SandboxData data, SandboxRequest request, IReadOnlyDictionary<string, string> form, string segment, DateTimeOffset now, RequestInfo info)
    {
        var token = form.GetValueOrDefault("refresh_token") ?? throw EntraErrors.MissingParameter("refresh_token");
        var stored = data.RefreshTokens.FirstOrDefault(r => r.Token == token) ?? throw EntraErrors.BadGrant("unknown refresh token");
        if (stored.ExpiresOn <= now)
        {
            throw EntraErrors.RefreshExpired();
        }

        if (!string.Equals(stored.ClientId, form.GetValueOrDefault("client_id"), StringComparison.OrdinalIgnoreCase))
        {
            throw EntraErrors.BadGrant("the refresh token was issued to another client");
        }

        var (userTenant, user) = DirectoryQueries.FindUser(data, stored.UserId) ?? throw EntraErrors.BadGrant("user no longer exists");
        var tenant = UserTokenIssuer.TenantFor(data, segment, userTenant, user);
        var client = ClientApp.Find(data, stored.ClientId, tenant);
        var auth = ClientAuthenticator.Authenticate(form, client.Credentials, client.AppId, tenant, data, now, publicAllowed: client.AllowsPublicClientFlows);
        return UserTokenIssuer.Issue(data, request, form, client, tenant, user, form.GetValueOrDefault("scope") ?? "", auth, now, info);
    }

    private static JsonObject AuthorizationCode(
        SandboxData data, SandboxRequest request, IReadOnlyDictionary<string, string> form, string segment, DateTimeOffset now, RequestInfo info)
    {
        var code = form.GetValueOrDefault("code") ?? throw EntraErrors.MissingParameter("code");
        var stored = data.AuthorizationCodes.FirstOrDefault(c => c.Code == code) ?? throw EntraErrors.CodeRedeemed();
        data.AuthorizationCodes.Remove(stored);
        if (stored.ExpiresOn <= now)
        {
            throw EntraErrors.BadGrant("the authorization code has expired");
        }

        if (!string.Equals(stored.ClientId, form.GetValueOrDefault("client_id"), StringComparison.OrdinalIgnoreCase))
        {
            throw EntraErrors.BadGrant("the code was issued to another client");
        }

        var redirect = form.GetValueOrDefault("redirect_uri") ?? throw EntraErrors.MissingParameter("redirect_uri");
        if (!string.Equals(redirect, stored.RedirectUri, StringComparison.Ordinal))
        {
            throw EntraErrors.RedirectMismatch(redirect, stored.ClientId);
        }

        if (stored.CodeChallenge is not null)
        {
            var verifier = form.GetValueOrDefault("code_verifier") ?? throw EntraErrors.MissingParameter("code_verifier");
            var computed = string.Equals(stored.CodeChallengeMethod, "S256", StringComparison.OrdinalIgnoreCase)
                ? Base64Url.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)))
                : verifier;
            if (!string.Equals(computed, stored.CodeChallenge, StringComparison.Ordinal))
            {
                throw EntraErrors.PkceMismatch();
            }
        }

        var (userTenant, user) = DirectoryQueries.FindUser(data, stored.UserId) ?? throw EntraErrors.BadGrant("user no longer exists");
        var tenant = UserTokenIssuer.TenantFor(data, segment, userTenant, user);
        var client = ClientApp.Find(data, stored.ClientId, tenant);
        client.MatchRedirect(redirect, out var isPublic);
        var auth = ClientAuthenticator.Authenticate(form, client.Credentials, client.AppId, tenant, data, now, publicAllowed: isPublic);
        var scope = form.GetValueOrDefault("scope") is { Length: > 0 } asked ? asked : stored.Scope;
        return UserTokenIssuer.Issue(data, request, form, client, tenant, user, scope, auth, now, info);
    }
}
