using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Teams;

namespace AcsTeamsAdmin.Cli.Commands;

/// <summary>
/// Test-AcsAnonymousJoinPolicy. Needs no sign-in. The cmdlet's object parameters
/// (-MeetingConfiguration, -AcsFederationConfiguration, -ExternalAccessPolicy, -Meeting) have no command-line form:
/// there the Teams objects come in the --path file; a meeting's own options are judged only in PowerShell.
/// </summary>
internal static class TeamsCommands
{
    // The options that are not a Teams setting; every other option of the cmdlet is one (and wins over --path's).
    private static readonly string[] CheckOptions = ["Path", "AcsResourceId", "Detailed"];

    public static IReadOnlyList<CliHandler> All { get; } =
    [
        CliHandler.Offline("Test-AcsAnonymousJoinPolicy", TestAnonymousJoinPolicy) with { ExitCodeOne = "when they cannot join" },
    ];

    private static CommandRun TestAnonymousJoinPolicy(CommandArguments args)
    {
        // Everything is read and checked before any verdict is written.
        var acsResourceId = AnonymousJoinCheck.ParseAcsResourceId(args.Text("AcsResourceId"));
        var path = args.Text("Path");
        var document = path is null ? new TeamsSettingsDocument() : TeamsSettingsFile.Load(FullPath(path), path);
        var overrides = TeamsSettingsReader.ReadParameters(GivenSettings(args));
        var detailed = args.Switch("Detailed");
        return invocation =>
        {
            var warned = new HashSet<string>(StringComparer.Ordinal);
            foreach (var verdict in AnonymousJoinCheck.Run(document, overrides, acsResourceId))
            {
                if (AnonymousJoinCheck.AssumptionWarning(verdict) is { } warning && warned.Add(warning))
                {
                    invocation.Context.Log.Warning(warning);
                }

                if (detailed)
                {
                    foreach (var finding in verdict.Findings)
                    {
                        invocation.Write(finding);
                    }
                }
                else
                {
                    invocation.Write(verdict);
                }

                if (!verdict.CanJoin)
                {
                    // A "no" is the answer, not an error: exit 1 so a CI step can gate on it.
                    invocation.FailWithoutError();
                }
            }

            return Task.CompletedTask;
        };
    }

    private static Dictionary<string, object?> GivenSettings(CommandArguments args)
    {
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in args.Parameters.Where(parameter => !CheckOptions.Contains(parameter.Name) && args.Has(parameter.Name)))
        {
            values[parameter.Name] = parameter.Kind == CliValueKind.List ? args.List(parameter.Name, emptyMeansNone: true) : args.Text(parameter.Name);
        }

        return values;
    }

    private static string FullPath(string path)
    {
        try
        {
            return System.IO.Path.GetFullPath(path);
        }
        catch (Exception error) when (error is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw AcsTeamsAdminException.InvalidInput(
                "Path",
                path,
                $"'{path}' is not a file path.",
                "Give the path of the JSON file, such as ./teams-settings.json.",
                ErrorIds.TeamsSettingsFileUnreadable);
        }
    }
}
