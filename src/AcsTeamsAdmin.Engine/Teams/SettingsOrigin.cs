using AcsTeamsAdmin.Engine.Failures;

namespace AcsTeamsAdmin.Engine.Teams;

/// <summary>
/// Where a set of Teams settings came from, so a bad value is reported against what the user typed:
/// the parameter itself, an object parameter, or an object in the -Path file.
/// </summary>
/// <param name="ParameterName">The parameter to name in errors; null when each setting is its own parameter.</param>
/// <param name="Description">Which object, e.g. "MeetingPolicy[1] in teams.json".</param>
/// <param name="Strict">
/// True for values the user typed: an unknown value is a typo and fails. False for objects the
/// MicrosoftTeams module produced: Teams adds values over time, so an unknown one is reported, not refused.
/// </param>
public sealed record SettingsOrigin(string? ParameterName, string Description, bool Strict)
{
    /// <summary>Values given as parameters, one parameter per setting.</summary>
    public static SettingsOrigin Parameters { get; } = new(null, "parameter", Strict: true);

    /// <summary>An object passed in a parameter such as -MeetingConfiguration.</summary>
    public static SettingsOrigin ObjectParameter(string parameterName) => new(parameterName, $"the -{parameterName} object", Strict: false);

    /// <summary>An object in a settings file.</summary>
    public static SettingsOrigin FileObject(string fileName, string where) => new("Path", $"{where} in {fileName}", Strict: false);

    internal AcsTeamsAdminException Invalid(string property, object? value, string problem, string fix, string errorId = ErrorIds.InvalidTeamsSetting) =>
        ParameterName is null
            ? AcsTeamsAdminException.InvalidInput(property, value, problem, fix, errorId)
            : AcsTeamsAdminException.InvalidInput(ParameterName, value, $"{property} of {Description} {problem}", fix, errorId);
}
