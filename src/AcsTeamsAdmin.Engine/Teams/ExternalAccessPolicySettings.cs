namespace AcsTeamsAdmin.Engine.Teams;

/// <summary>What the organizer's Get-CsExternalAccessPolicy says about ACS. Null means "not given".</summary>
public sealed record ExternalAccessPolicySettings
{
    public string? Identity { get; init; }

    /// <summary>Per-user opt-out of ACS federation; matters for meetings only when federation is required.</summary>
    public bool? EnableAcsFederationAccess { get; init; }

    /// <summary>These values, with each value of <paramref name="overrides"/> that is given taking precedence.</summary>
    public ExternalAccessPolicySettings OverriddenBy(ExternalAccessPolicySettings overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        return new()
        {
            Identity = overrides.Identity ?? Identity,
            EnableAcsFederationAccess = overrides.EnableAcsFederationAccess ?? EnableAcsFederationAccess,
        };
    }
}
