namespace AcsTeamsAdmin.Engine.Teams;

/// <summary>What Get-CsTeamsAcsFederationConfiguration says. Null means "not given".</summary>
public sealed record AcsFederationSettings
{
    public string? Identity { get; init; }

    /// <summary>Federation between Teams and ACS; when false the other two values are ignored by Teams.</summary>
    public bool? EnableAcsUsers { get; init; }

    /// <summary>Immutable resource ids (GUIDs) of the ACS resources that are allowed.</summary>
    public IReadOnlyList<string>? AllowedAcsResources { get; init; }

    /// <summary>When true, ACS users join meetings only from an allowed resource.</summary>
    public bool? RequireAcsFederationForMeeting { get; init; }

    /// <summary>These values, with each value of <paramref name="overrides"/> that is given taking precedence.</summary>
    public AcsFederationSettings OverriddenBy(AcsFederationSettings overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        return new()
        {
            Identity = overrides.Identity ?? Identity,
            EnableAcsUsers = overrides.EnableAcsUsers ?? EnableAcsUsers,
            AllowedAcsResources = overrides.AllowedAcsResources ?? AllowedAcsResources,
            RequireAcsFederationForMeeting = overrides.RequireAcsFederationForMeeting ?? RequireAcsFederationForMeeting,
        };
    }
}
