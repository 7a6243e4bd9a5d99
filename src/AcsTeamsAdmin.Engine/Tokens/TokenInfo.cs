using AcsTeamsAdmin.Engine.Presentation;

namespace AcsTeamsAdmin.Engine.Tokens;

/// <summary>
/// What ConvertFrom-AcsToken shows about an Entra or ACS token, decoded WITHOUT validating its signature (for
/// troubleshooting only). It never holds the token itself: only its claims, which carry no secret.
/// </summary>
[DefaultDisplay("Kind", "TenantId", "AppId", "UserPrincipalName", "IdentityId", "Audience", "Scopes", "Roles", "ExpiresOn", "IsExpired", AsList = true)]
public sealed record TokenInfo
{
    public required TokenKind Kind { get; init; }

    public string? TenantId { get; init; }

    /// <summary>The client app: appid (v1) or azp (v2).</summary>
    public string? AppId { get; init; }

    public string? AppDisplayName { get; init; }

    /// <summary>The user's or the app's object id (oid).</summary>
    public string? ObjectId { get; init; }

    public string? UserPrincipalName { get; init; }

    /// <summary>For ACS tokens: 8:acs:... or 8:orgid:...</summary>
    public string? IdentityId { get; init; }

    /// <summary>For ACS tokens: the ACS resource's immutable id.</summary>
    public string? AcsResourceId { get; init; }

    public string? Audience { get; init; }

    public string? Issuer { get; init; }

    /// <summary>Delegated scopes (scp), or an ACS token's scopes (acsScope: chat, voip, ...).</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>Application permissions (roles).</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    public string? Version { get; init; }

    public DateTimeOffset? IssuedAt { get; init; }

    public DateTimeOffset? NotBefore { get; init; }

    public DateTimeOffset? ExpiresOn { get; init; }

    public bool IsExpired { get; init; }

    /// <summary>Time left when decoded; negative once expired.</summary>
    public TimeSpan? ExpiresIn { get; init; }

    /// <summary>Every claim of the payload (name to its JSON text), for what the columns above leave out.</summary>
    public IReadOnlyDictionary<string, string> Claims { get; init; } = new Dictionary<string, string>();

    public override string ToString() => $"{Kind} token{(TenantId is null ? "" : $" of tenant {TenantId}")}, expires {ExpiresOn:u} (token not kept)";
}
