namespace AcsTeamsAdmin.Engine.Teams;

/// <summary>
/// The Teams settings of a tenant as exported: one meeting configuration, federation configuration
/// and external access policy, and any number of meeting policies (one verdict each).
/// </summary>
public sealed record TeamsSettingsDocument
{
    public TeamsMeetingConfigurationSettings MeetingConfiguration { get; init; } = new();

    /// <summary>Each gets its own verdict; none means one verdict for the Global policy's documented defaults.</summary>
    public IReadOnlyList<TeamsMeetingPolicySettings> MeetingPolicies { get; init; } = [];

    public AcsFederationSettings AcsFederationConfiguration { get; init; } = new();

    public ExternalAccessPolicySettings ExternalAccessPolicy { get; init; } = new();
}
