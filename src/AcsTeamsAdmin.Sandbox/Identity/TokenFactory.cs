using System.Text;
using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox.Internal;

namespace AcsTeamsAdmin.Sandbox.Identity;

/// <summary>Who a token is for, resolved by the token endpoint or given to <see cref="SandboxService.IssueAccessToken"/>.</summary>
internal sealed record TokenSubject(
    string TenantId,
    string ClientAppId,
    string ClientDisplayName,
    string? ClientSpObjectId,
    UserData? User,
    string Audience,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Scopes,
    string ClientAuthMethod);

/// <summary>Claims of the tokens the sandbox issues, shaped like Entra's v1 access tokens and v2 id tokens.</summary>
internal static class TokenFactory
{
    public static string AccessToken(TokenSubject s, DateTimeOffset now, TimeSpan lifetime)
    {
        var claims = new JsonObject
        {
            ["aud"] = s.Audience,
            ["iss"] = $"https://sts.windows.net/{s.TenantId}/",
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.Add(lifetime).ToUnixTimeSeconds(),
            ["app_displayname"] = s.ClientDisplayName,
            ["appid"] = s.ClientAppId,
            ["appidacr"] = s.ClientAuthMethod,
            ["azp"] = s.ClientAppId,
            ["idp"] = $"https://sts.windows.net/{s.TenantId}/",
            ["idtyp"] = s.User is null ? "app" : "user",
            ["tid"] = s.TenantId,
            ["uti"] = Base64Url.Encode(Guid.NewGuid().ToByteArray()),
            ["ver"] = "1.0",
        };
        if (s.User is { } user)
        {
            claims["oid"] = user.Id;
            claims["sub"] = Base64Url.Encode(Encoding.UTF8.GetBytes(user.Id + s.ClientAppId))[..43];
            claims["upn"] = user.UserPrincipalName;
            claims["unique_name"] = user.UserPrincipalName;
            claims["name"] = user.DisplayName;
            claims["scp"] = string.Join(' ', s.Scopes);
            var wids = user.DirectoryRoles
                .Select(r => DirectoryQueries.RoleTemplateIds.TryGetValue(r, out var id) ? id : null)
                .OfType<string>()
                .Select(id => (JsonNode)JsonValue.Create(id)!)
                .ToArray();
            claims["wids"] = new JsonArray(wids);
        }
        else
        {
            claims["oid"] = s.ClientSpObjectId ?? DirectoryQueries.DeterministicGuid(s.TenantId, s.ClientAppId);
            claims["sub"] = claims["oid"]!.DeepClone();
            if (s.Roles.Count > 0)
            {
                claims["roles"] = new JsonArray(s.Roles.Select(r => (JsonNode)JsonValue.Create(r)!).ToArray());
            }
        }

        return UnsignedJwt.Encode(claims);
    }

    /// <summary>An OpenID Connect id token for MSAL's account (it reads oid, tid, preferred_username, name).</summary>
    public static string IdToken(string authorityBase, string tenantId, string clientId, UserData user, DateTimeOffset now, TimeSpan lifetime) =>
        UnsignedJwt.Encode(new JsonObject
        {
            ["aud"] = clientId,
            ["iss"] = $"{authorityBase}/{tenantId}/v2.0",
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.Add(lifetime).ToUnixTimeSeconds(),
            ["name"] = user.DisplayName,
            ["oid"] = user.Id,
            ["preferred_username"] = user.UserPrincipalName,
            ["sub"] = Base64Url.Encode(Encoding.UTF8.GetBytes(user.Id + clientId))[..43],
            ["tid"] = tenantId,
            ["ver"] = "2.0",
        });

    /// <summary>MSAL's client_info: base64url of {"uid","utid"}, from which it builds the account's home id.</summary>
    public static string ClientInfo(string userId, string tenantId) =>
        Base64Url.Encode(Encoding.UTF8.GetBytes(new JsonObject { ["uid"] = userId, ["utid"] = tenantId }.ToJsonString()));
}
