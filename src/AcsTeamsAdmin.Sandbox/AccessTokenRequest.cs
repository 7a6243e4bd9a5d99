namespace AcsTeamsAdmin.Sandbox;

/// <summary>
/// A token to mint directly, bypassing the token endpoint and its permission checks: that is the point (a token
/// that lacks a role, an expired one, one for the wrong audience).
/// </summary>
public sealed record AccessTokenRequest
{
    /// <summary>Tenant id or domain.</summary>
    public required string TenantId { get; init; }

    public required string ClientAppId { get; init; }

    /// <summary>A user's object id or UPN for a delegated token; null for app-only.</summary>
    public string? User { get; init; }

    /// <summary>Application permissions (app-only tokens).</summary>
    public IReadOnlyList<string>? Roles { get; init; }

    /// <summary>Delegated scopes (user tokens).</summary>
    public IReadOnlyList<string>? Scopes { get; init; }

    public string Audience { get; init; } = SandboxIds.GraphAudience;

    /// <summary>Defaults to the state's access token lifetime; negative makes an already expired token.</summary>
    public TimeSpan? Lifetime { get; init; }
}
