using Microsoft.IdentityModel.JsonWebTokens;

namespace AcsTeamsAdmin.Engine.Tokens;

/// <summary>
/// Decodes an Entra ID or ACS access token offline, WITHOUT validating its signature: to see which tenant, app,
/// user, scopes and expiry it carries when something is refused. Never a basis for trust.
/// </summary>
public static class TokenInspector
{
    private const string AcsTeamsAudience = "https://auth.msft.communication.azure.com";
    private const string AcsAppId = ServicePrincipals.AcsFirstPartyApp.AppId;

    public static TokenInfo Inspect(string? token, DateTimeOffset now, string parameterName = "Token")
    {
        // TokenClaims.Read gives the precise "not a JWT" / "empty" errors, which never quote the value.
        var claims = TokenClaims.Read(parameterName, token);
        var jwt = new JsonWebToken(token!.Trim());
        var all = ReadAll(jwt);
        var skypeId = all.GetValueOrDefault("skypeid");
        var acsScopes = all.GetValueOrDefault("acsScope")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var kind = Classify(claims, skypeId);
        return new TokenInfo
        {
            Kind = kind,
            TenantId = claims.TenantId,
            AppId = claims.AppId,
            AppDisplayName = all.GetValueOrDefault("app_displayname"),
            ObjectId = claims.ObjectId,
            UserPrincipalName = claims.UserPrincipalName,
            IdentityId = skypeId is null ? null : "8:" + skypeId,
            AcsResourceId = all.GetValueOrDefault("resourceId"),
            Audience = claims.Audience,
            Issuer = claims.Issuer,
            Scopes = acsScopes is { Length: > 0 } ? acsScopes : claims.Scopes,
            Roles = claims.Roles,
            Version = claims.Version,
            IssuedAt = claims.IssuedAt,
            NotBefore = TokenClaims.UnixSeconds(all.GetValueOrDefault("nbf")),
            ExpiresOn = claims.ExpiresOn,
            IsExpired = claims.ExpiresOn is { } expires && expires <= now,
            ExpiresIn = claims.ExpiresOn is { } at ? at - now : null,
            Claims = all,
        };
    }

    private static TokenKind Classify(TokenClaims claims, string? skypeId)
    {
        if (skypeId is not null)
        {
            return skypeId.StartsWith("acs:", StringComparison.Ordinal) ? TokenKind.AcsIdentity
                : skypeId.StartsWith("orgid:", StringComparison.Ordinal) ? TokenKind.AcsTeamsUser
                : TokenKind.Unknown;
        }

        if (claims.TenantId is null && claims.AppId is null)
        {
            return TokenKind.Unknown;
        }

        var audience = claims.Audience?.TrimEnd('/');
        if (claims.Scopes.Count > 0
            && (string.Equals(
                audience,
                AcsTeamsAudience,
                StringComparison.OrdinalIgnoreCase) || string.Equals(audience, AcsAppId, StringComparison.OrdinalIgnoreCase)))
        {
            return TokenKind.EntraTeamsUserForAcs;
        }

        var v2 = claims.Version == "2.0";
        var app = claims.IdentityType == "app" || (claims.Scopes.Count == 0 && claims.IdentityType != "user");
        return (app, v2) switch
        {
            (true, true) => TokenKind.EntraAppV2,
            (true, false) => TokenKind.EntraAppV1,
            (false, true) => TokenKind.EntraUserV2,
            _ => TokenKind.EntraUserV1,
        };
    }

    private static Dictionary<string, string> ReadAll(JsonWebToken jwt)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var claim in jwt.Claims)
        {
            // Repeated claims (aud arrays, roles) arrive one per value: keep them together.
            all[claim.Type] = all.TryGetValue(claim.Type, out var earlier) ? earlier + " " + claim.Value : claim.Value;
        }

        return all;
    }

}
