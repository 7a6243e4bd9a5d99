namespace AcsTeamsAdmin.Engine.Failures;

/// <summary>Errors of the Teams settings checks (Test-AcsAnonymousJoinPolicy); all are raised before any work is done.</summary>
public static partial class ErrorIds
{
    /// <summary>A Teams setting has a value the check cannot read (a number for a named value, a typo in a parameter).</summary>
    public const string InvalidTeamsSetting = "InvalidTeamsSetting";

    /// <summary>The settings file is missing, unreadable or not JSON.</summary>
    public const string TeamsSettingsFileUnreadable = "TeamsSettingsFileUnreadable";

    /// <summary>An object is not one of the four MicrosoftTeams objects the check reads, or several compete for one place.</summary>
    public const string TeamsSettingsNotRecognized = "TeamsSettingsNotRecognized";
}
