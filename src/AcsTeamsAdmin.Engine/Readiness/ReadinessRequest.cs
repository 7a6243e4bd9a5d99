using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.Identifiers;

namespace AcsTeamsAdmin.Engine.Readiness;

/// <summary>What to check, parsed: every value was validated by the front end before this exists.</summary>
public sealed record ReadinessRequest
{
    /// <summary>The client apps to check in the connected tenant; empty checks only the tenant (and the ACS resource).</summary>
    public IReadOnlyList<AppId> AppIds { get; init; } = [];

    /// <summary>The apps serve users of other tenants: a single-tenant audience is then a Fail.</summary>
    public bool MultiTenant { get; init; }

    /// <summary>An ACS resource to probe (endpoint and credential); null skips the check.</summary>
    public IAcsIdentityClient? AcsClient { get; init; }

    /// <summary>A Teams user's Entra token to check against the exchange's claim rules (locally); null skips the check.</summary>
    public TeamsUserTokenExchange? TeamsToken { get; init; }

    /// <summary>
    /// A Teams user to check in the directory (exists, account enabled, an enabled Microsoft Teams plan), read in the
    /// same Graph $batch as the rest; null skips the check.
    /// </summary>
    public UserReference? TeamsUser { get; init; }

    /// <summary>The clock for the token's expiry (tests move it).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
