using AcsTeamsAdmin.Engine.Failures;

namespace AcsTeamsAdmin.Engine.Teams;

/// <summary>
/// Gathers MicrosoftTeams objects (from a file or from object parameters) into a document: meeting
/// policies accumulate; of the tenant-wide objects and the external access policy there must be one,
/// or several of which one is Global (Get-CsExternalAccessPolicy returns every policy).
/// </summary>
public sealed class TeamsSettingsCollector
{
    private readonly Dictionary<TeamsSettingsKind, List<(TeamsJoinSettings Settings, SettingsOrigin Origin)>> _objects = [];

    /// <summary>Adds an object of the kind its properties show; fails when they show none or several.</summary>
    public void Add(IReadOnlyDictionary<string, object?> properties, SettingsOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(origin);
        var kinds = TeamsSettingsReader.Recognize(properties);
        if (kinds.Count != 1)
        {
            var problem = kinds.Count == 0
                ? "has none of the properties of the objects this check reads"
                : $"mixes properties of {string.Join(" and ", kinds.Select(TeamsSettingsReader.Cmdlet))}";
            throw new AcsTeamsAdminException(ErrorIds.TeamsSettingsNotRecognized, FailureCategory.InvalidArgument,
                $"{AcsTeamsAdminException.Parameter(origin.ParameterName ?? "Path")} {origin.Description} {problem}.",
                "Give the output of Get-CsTeamsMeetingConfiguration, Get-CsTeamsMeetingPolicy, " +
                "Get-CsTeamsAcsFederationConfiguration or Get-CsExternalAccessPolicy, one object each (see docs/examples/teams-settings.json).",
                target: origin.Description)
            {
                ParameterName = origin.ParameterName,
            };
        }

        Add(kinds[0], properties, origin);
    }

    /// <summary>Adds an object that must be of <paramref name="kind"/>.</summary>
    public void Add(TeamsSettingsKind kind, IReadOnlyDictionary<string, object?> properties, SettingsOrigin origin)
    {
        var settings = TeamsSettingsReader.ReadAs(kind, properties, origin);
        if (!_objects.TryGetValue(kind, out var list))
        {
            _objects[kind] = list = [];
        }

        list.Add((settings, origin));
    }

    public TeamsSettingsDocument Build() => new()
    {
        MeetingConfiguration = Single(TeamsSettingsKind.MeetingConfiguration, s => s.MeetingConfiguration.Identity)?.MeetingConfiguration ?? new(),
        MeetingPolicies = _objects.TryGetValue(TeamsSettingsKind.MeetingPolicy, out var policies)
            ? policies.Select(p => p.Settings.MeetingPolicy).ToArray()
            : [],
        AcsFederationConfiguration =
            Single(TeamsSettingsKind.AcsFederationConfiguration, s => s.AcsFederationConfiguration.Identity)?.AcsFederationConfiguration ?? new(),
        ExternalAccessPolicy = Single(TeamsSettingsKind.ExternalAccessPolicy, s => s.ExternalAccessPolicy.Identity)?.ExternalAccessPolicy ?? new(),
    };

    private TeamsJoinSettings? Single(TeamsSettingsKind kind, Func<TeamsJoinSettings, string?> identity)
    {
        if (!_objects.TryGetValue(kind, out var list))
        {
            return null;
        }

        if (list.Count == 1)
        {
            return list[0].Settings;
        }

        // Several external access policies: the check is about organizers with no policy of their
        // own, i.e. Global; an organizer with another one is checked by passing that one alone.
        var global = list.Where(item => string.Equals(identity(item.Settings), TeamsSettingValues.Global, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (global.Length == 1)
        {
            return global[0].Settings;
        }

        var origin = list[0].Origin;
        throw new AcsTeamsAdminException(ErrorIds.TeamsSettingsNotRecognized, FailureCategory.InvalidArgument,
            $"{AcsTeamsAdminException.Parameter(origin.ParameterName ?? "Path")} there are {list.Count} {kind} objects " +
            $"({string.Join(", ", list.Select(item => item.Origin.Description))}) and {(global.Length == 0 ? "none" : "more than one")} is Global.",
            $"Keep only the organizer's {kind} (e.g. {TeamsSettingsReader.Cmdlet(kind)} -Identity Global).", target: kind.ToString())
        {
            ParameterName = origin.ParameterName,
        };
    }
}
