namespace AcsTeamsAdmin.Engine.Teams;

/// <summary>The four MicrosoftTeams objects the check reads, named as in a settings file's keys.</summary>
public enum TeamsSettingsKind
{
    /// <summary>Get-CsTeamsMeetingConfiguration.</summary>
    MeetingConfiguration,

    /// <summary>Get-CsTeamsMeetingPolicy.</summary>
    MeetingPolicy,

    /// <summary>Get-CsTeamsAcsFederationConfiguration.</summary>
    AcsFederationConfiguration,

    /// <summary>Get-CsExternalAccessPolicy.</summary>
    ExternalAccessPolicy,
}
