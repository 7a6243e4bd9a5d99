namespace AcsTeamsAdmin.Engine.Teams;

/// <summary>
/// What Get-CsTeamsMeetingConfiguration says about anonymous join. Every value is nullable: null
/// means "not given", and the evaluator then assumes the documented default and says so.
/// </summary>
public sealed record TeamsMeetingConfigurationSettings
{
    /// <summary>"Global": a tenant has one meeting configuration.</summary>
    public string? Identity { get; init; }

    /// <summary>The older tenant-wide switch; true blocks every anonymous join, whatever the meeting policy says.</summary>
    public bool? DisableAnonymousJoin { get; init; }

    /// <summary>These values, with each value of <paramref name="overrides"/> that is given taking precedence.</summary>
    public TeamsMeetingConfigurationSettings OverriddenBy(TeamsMeetingConfigurationSettings overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        return new()
        {
            Identity = overrides.Identity ?? Identity,
            DisableAnonymousJoin = overrides.DisableAnonymousJoin ?? DisableAnonymousJoin,
        };
    }
}
