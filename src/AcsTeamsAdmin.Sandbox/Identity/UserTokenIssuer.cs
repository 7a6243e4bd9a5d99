using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox.Internal;

namespace AcsTeamsAdmin.Sandbox.Identity;

/// <summary>
/// Issues tokens for a signed-in user, enforcing what Entra enforces without a browser: the client and the
/// resource need service principals in the user's tenant, and every scope asked for must have been consented.
/// </summary>
internal static class UserTokenIssuer
{
    public static JsonObject Issue(
        SandboxData data, SandboxRequest request, IReadOnlyDictionary<string, string> form, ClientApp client, TenantData tenant, UserData user,
        string scopeParameter, string clientAuth, DateTimeOffset now, RequestInfo info)
    {
        info.TenantId = tenant.Id;
        var scopes = ResourceScopes.Parse(scopeParameter, request.BaseAddress);
        var resourceSp = scopes.ResourceServicePrincipal(data, tenant);
        var clientSp = DirectoryQueries.FindServicePrincipal(tenant, client.AppId)
            ?? throw EntraErrors.ConsentRequired(client.AppId, client.DisplayName);

        IReadOnlyList<string> granted = [];
        if (resourceSp is not null)
        {
            var consented = DirectoryQueries.ConsentedScopes(tenant, DirectoryQueries.Str(clientSp, "id")!, DirectoryQueries.Str(resourceSp, "id")!, user.Id);
            var defined = (resourceSp["oauth2PermissionScopes"] as JsonArray ?? [])
                .Select(s => s?["value"]?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var permission in scopes.Permissions)
            {
                if (!defined.Contains(permission))
                {
                    throw EntraErrors.InvalidScope(scopes.Qualify(permission));
                }
            }

            var missing = scopes.Permissions.Where(p => !consented.Contains(p, StringComparer.OrdinalIgnoreCase)).ToList();
            if (missing.Count > 0 || consented.Count == 0)
            {
                throw EntraErrors.ConsentRequired(client.AppId, client.DisplayName);
            }

            // Entra puts every consented scope of the resource in scp, not only those asked for.
            granted = consented;
        }
        else
        {
            granted = scopes.Permissions;
        }

        var lifetime = TimeSpan.FromSeconds(data.Settings.AccessTokenLifetimeSeconds);
        var subject = new TokenSubject(tenant.Id, client.AppId, client.DisplayName, null, user, scopes.Audience, [], granted, clientAuth);
        var response = new JsonObject
        {
            ["token_type"] = "Bearer",
            ["scope"] = string.Join(' ', granted.Select(scopes.Qualify).Concat(scopes.OidcScopes.Where(s => s != "offline_access"))),
            ["expires_in"] = data.Settings.AccessTokenLifetimeSeconds,
            ["ext_expires_in"] = data.Settings.AccessTokenLifetimeSeconds,
            ["access_token"] = TokenFactory.AccessToken(subject, now, lifetime),
        };

        if (scopes.OidcScopes.Contains("offline_access", StringComparer.OrdinalIgnoreCase))
        {
            var refresh = new RefreshTokenData
            {
                Token = "1.sandbox." + Base64Url.Encode(RandomNumberGenerator.GetBytes(48)),
                ClientId = client.AppId,
                TenantId = tenant.Id,
                UserId = user.Id,
                ExpiresOn = now.AddSeconds(data.Settings.RefreshTokenLifetimeSeconds),
            };
            data.RefreshTokens.Add(refresh);
            response["refresh_token"] = refresh.Token;
            response["refresh_token_expires_in"] = data.Settings.RefreshTokenLifetimeSeconds.ToString(CultureInfo.InvariantCulture);
        }

        if (scopes.OidcScopes.Contains("openid", StringComparer.OrdinalIgnoreCase))
        {
            response["id_token"] = TokenFactory.IdToken(request.BaseAddress, tenant.Id, client.AppId, user, now, lifetime);
        }

        if (form.TryGetValue("client_info", out var clientInfo) && clientInfo == "1")
        {
            response["client_info"] = TokenFactory.ClientInfo(user.Id, tenant.Id);
        }

        return response;
    }

    /// <summary>
    /// The user's tenant for a sign-in through an authority segment: "organizations"/"common" take the user's home;
    /// a named tenant must be the user's (guests are not modelled).
    /// </summary>
    public static TenantData TenantFor(SandboxData data, string segment, TenantData userTenant, UserData user)
    {
        if (IsMultiTenantSegment(segment))
        {
            return userTenant;
        }

        var tenant = DirectoryQueries.FindTenant(data, segment) ?? throw EntraErrors.TenantNotFound(segment);
        return ReferenceEquals(tenant, userTenant) ? tenant : throw EntraErrors.UserNotInTenant(user.UserPrincipalName, tenant.Id);
    }

    public static bool IsMultiTenantSegment(string segment) =>
        segment is "common" or "organizations" or "consumers";
}
