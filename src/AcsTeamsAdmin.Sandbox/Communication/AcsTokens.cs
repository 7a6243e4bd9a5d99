using System.Globalization;
using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox.Internal;

namespace AcsTeamsAdmin.Sandbox.Communication;

/// <summary>
/// ACS access tokens: JWT-shaped (unsigned: no real service would take one) with the claims real ones carry
/// (skypeid, scp, csi, exp, acsScope, resourceId), plus the identity's token generation so revocation can be checked.
/// </summary>
internal static class AcsTokens
{
    public const int DefaultMinutes = 1440;

    /// <summary>A token for an ACS identity.</summary>
    public static (string Token, DateTimeOffset ExpiresOn) ForIdentity(
        SandboxData data,
        AcsIdentityData identity,
        IReadOnlyList<string> scopes,
        int minutes,
        DateTimeOffset now)
    {
        var expires = now.AddMinutes(minutes);
        var claims = Common(data, identity.Id[2..], scopes, now, expires);
        claims["sandbox_gen"] = identity.TokenGeneration;
        return (UnsignedJwt.Encode(claims), expires);
    }

    /// <summary>The Teams user's ACS token from the exchange: it lives as long as the Entra token it came from.</summary>
    public static (string Token, DateTimeOffset ExpiresOn) ForTeamsUser(
        SandboxData data,
        string tenantId,
        string userId,
        DateTimeOffset entraExpiry,
        DateTimeOffset now)
    {
        var claims = Common(data, "orgid:" + userId, ["voip", "chat"], now, entraExpiry);
        claims["tid"] = tenantId;
        claims["oid"] = userId;
        claims["teamsuser"] = true;
        return (UnsignedJwt.Encode(claims), entraExpiry);
    }

    /// <summary>ISO 8601 with seven fractional digits and an offset, exactly as the service writes expiresOn.</summary>
    public static string FormatExpiry(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);

    /// <summary>Whether a token this sandbox issued would still be accepted (expiry, identity deleted, tokens revoked).</summary>
    public static AcsTokenValidation Validate(SandboxData data, string token, DateTimeOffset now)
    {
        if (UnsignedJwt.Decode(token) is not { } jwt || DirectoryQueries.Str(jwt.Payload, "skypeid") is not { } skypeId)
        {
            return new AcsTokenValidation(false, "NotAnAcsToken", null, [], null);
        }

        var claims = jwt.Payload;
        var expires = claims["exp"] is JsonValue e && e.TryGetValue<long>(out var exp) ? DateTimeOffset.FromUnixTimeSeconds(exp) : (DateTimeOffset?)null;
        var scopes = (DirectoryQueries.Str(claims, "acsScope") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var id = "8:" + skypeId;
        var resource = DirectoryQueries.Str(claims, "resourceId");
        if (!string.Equals(resource, ResourceId(data), StringComparison.OrdinalIgnoreCase))
        {
            return new AcsTokenValidation(false, "OtherResource", id, scopes, expires);
        }

        if (expires is null || expires <= now)
        {
            return new AcsTokenValidation(false, "Expired", id, scopes, expires);
        }

        if (claims["teamsuser"] is not null)
        {
            return new AcsTokenValidation(true, null, id, scopes, expires);
        }

        var identity = data.AcsIdentities.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.Ordinal));
        if (identity is null || identity.DeletedOn is not null)
        {
            return new AcsTokenValidation(false, "IdentityDeleted", id, scopes, expires);
        }

        var generation = claims["sandbox_gen"] is JsonValue g && g.TryGetValue<int>(out var value) ? value : -1;
        return generation != identity.TokenGeneration
            ? new AcsTokenValidation(false, "Revoked", id, scopes, expires)
            : new AcsTokenValidation(true, null, id, scopes, expires);
    }

    /// <summary>The resource id, also for states saved before the sandbox kept one.</summary>
    public static string ResourceId(SandboxData data) => data.AcsResourceId.Length > 0 ? data.AcsResourceId : SandboxIds.AcsResourceId;

    private static JsonObject Common(SandboxData data, string skypeId, IReadOnlyList<string> scopes, DateTimeOffset now, DateTimeOffset expires) => new()
    {
        ["skypeid"] = skypeId,
        ["scp"] = 1792,
        ["csi"] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        ["iat"] = now.ToUnixTimeSeconds(),
        ["nbf"] = now.ToUnixTimeSeconds(),
        ["exp"] = expires.ToUnixTimeSeconds(),
        ["rgn"] = "amer",
        ["acsScope"] = string.Join(',', scopes),
        ["resourceId"] = ResourceId(data),
        ["resourceLocation"] = "unitedstates",
        ["uti"] = Base64Url.Encode(Guid.NewGuid().ToByteArray()),
    };
}

/// <summary>What <c>POST /_sandbox/acs/tokens/validate</c> and <see cref="SandboxService.ValidateAcsToken"/> answer.</summary>
/// <param name="Valid">True when a service would accept the token now.</param>
/// <param name="Reason">Why not: NotAnAcsToken, OtherResource, Expired, IdentityDeleted, Revoked.</param>
/// <param name="IdentityId">The identity the token is for (8:acs:... or 8:orgid:...).</param>
/// <param name="Scopes">The token's scopes.</param>
/// <param name="ExpiresOn">When it expires.</param>
public sealed record AcsTokenValidation(bool Valid, string? Reason, string? IdentityId, IReadOnlyList<string> Scopes, DateTimeOffset? ExpiresOn);
