namespace AcsTeamsAdmin.Engine.Teams;

/// <summary>
/// Everything that decides whether an ACS (bring-your-own-identity) user can join one organizer's
/// meetings: one object from each of the four MicrosoftTeams cmdlets. An empty object means none
/// of its values were given.
/// </summary>
public sealed record TeamsJoinSettings
{
    public TeamsMeetingConfigurationSettings MeetingConfiguration { get; init; } = new();

    public TeamsMeetingPolicySettings MeetingPolicy { get; init; } = new();

    public AcsFederationSettings AcsFederationConfiguration { get; init; } = new();

    public ExternalAccessPolicySettings ExternalAccessPolicy { get; init; } = new();

    /// <summary>One meeting to judge, with its own lobby and chat options; null to judge the organizer's meetings in general.</summary>
    public MeetingLobbyOptions? Meeting { get; init; }

    /// <summary>These settings, with every value given in <paramref name="overrides"/> taking precedence.</summary>
    public TeamsJoinSettings OverriddenBy(TeamsJoinSettings overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        return new()
        {
            MeetingConfiguration = MeetingConfiguration.OverriddenBy(overrides.MeetingConfiguration),
            MeetingPolicy = MeetingPolicy.OverriddenBy(overrides.MeetingPolicy),
            AcsFederationConfiguration = AcsFederationConfiguration.OverriddenBy(overrides.AcsFederationConfiguration),
            ExternalAccessPolicy = ExternalAccessPolicy.OverriddenBy(overrides.ExternalAccessPolicy),
            Meeting = overrides.Meeting ?? Meeting,
        };
    }
}
