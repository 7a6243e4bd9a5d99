using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Teams;

namespace AcsTeamsAdmin.Cli.Commands;

/// <summary>
/// Test-AcsAnonymousJoinPolicy. Needs no sign-in. The cmdlet's object parameters
/// (-MeetingConfiguration, -AcsFederationConfiguration, -ExternalAccessPolicy) have no twin here:
/// on a command line the objects come in the --path file.
/// </summary>
internal static class TeamsCommands
{
    private static readonly CliParameter[] JoinPolicyParameters =
    [
        new("Path", CliValueKind.Text, "JSON file of the MicrosoftTeams objects, as ConvertTo-Json writes them (see docs/examples/teams-settings.json)."),
        new("AcsResourceId", CliValueKind.Text, "The ACS resource's immutable resource id, to check the federation allow-list."),
        new("Detailed", CliValueKind.Switch, "Write each finding (setting, value, effect, remedy) instead of the verdict."),
        new(TeamsSettingNames.MeetingPolicyIdentity, CliValueKind.Text, "The meeting policy's Identity, for the remedies (default: the file's, or Global)."),
        new(TeamsSettingNames.AllowAnonymousUsersToJoinMeeting, CliValueKind.Text, "true or false; takes precedence over the file."),
        new(TeamsSettingNames.BlockedAnonymousJoinClientTypes, CliValueKind.List, "ACS, Teams, or \"\" for none."),
        new(TeamsSettingNames.AutoAdmittedUsers, CliValueKind.Text, string.Join(", ", TeamsSettingValues.AutoAdmittedUsers) + "."),
        new(TeamsSettingNames.AnonymousUserAuthenticationMethod, CliValueKind.Text, "OneTimePasscode or None."),
        new(TeamsSettingNames.CaptchaVerificationForMeetingJoin, CliValueKind.Text, "NotRequired or AnonymousUsersAndUntrustedOrganizations."),
        new(TeamsSettingNames.MeetingChatEnabledType, CliValueKind.Text, "Enabled, Disabled or EnabledExceptAnonymous."),
        new(TeamsSettingNames.DisableAnonymousJoin, CliValueKind.Text, "true or false (Get-CsTeamsMeetingConfiguration)."),
        new(TeamsSettingNames.EnableAcsUsers, CliValueKind.Text, "true or false (Get-CsTeamsAcsFederationConfiguration)."),
        new(TeamsSettingNames.AllowedAcsResources, CliValueKind.List, "Immutable resource ids allowed for federation (Get-CsTeamsAcsFederationConfiguration)."),
        new(TeamsSettingNames.RequireAcsFederationForMeeting, CliValueKind.Text, "true or false (Get-CsTeamsAcsFederationConfiguration)."),
        new(TeamsSettingNames.EnableAcsFederationAccess, CliValueKind.Text, "true or false (the organizer's Get-CsExternalAccessPolicy)."),
    ];

    public static IReadOnlyList<CliCommand> All { get; } =
    [
        new("Test-AcsAnonymousJoinPolicy",
            "Can ACS users join this organizer's Teams meetings? Lobby, lost features, the Set-Cs... fixes. Exit code 1 when they cannot join.",
            JoinPolicyParameters, TestAnonymousJoinPolicy) { Connects = false },
    ];

    private static Task TestAnonymousJoinPolicy(CliInvocation invocation)
    {
        var args = invocation.Arguments;

        // Everything is read and checked before any verdict is written.
        var acsResourceId = AnonymousJoinCheck.ParseAcsResourceId(args.Value("acs-resource-id"));
        var path = args.Value("path");
        var document = path is null ? new TeamsSettingsDocument() : TeamsSettingsFile.Load(FullPath(path), path);
        var overrides = TeamsSettingsReader.ReadParameters(GivenValues(invocation));

        var warned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var verdict in AnonymousJoinCheck.Run(document, overrides, acsResourceId))
        {
            if (AnonymousJoinCheck.AssumptionWarning(verdict) is { } warning && warned.Add(warning))
            {
                invocation.Context.Log.Warning(warning);
            }

            if (args.Flag("detailed"))
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
    }

    private static Dictionary<string, object?> GivenValues(CliInvocation invocation)
    {
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in JoinPolicyParameters.Skip(3))
        {
            if (invocation.Arguments.Has(parameter.Key))
            {
                values[parameter.Name] = parameter.Kind == CliValueKind.List
                    ? invocation.Arguments.Values(parameter.Key, emptyMeansNone: true)
                    : invocation.Arguments.Value(parameter.Key);
            }
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
            throw AcsTeamsAdminException.InvalidInput("Path", path, $"'{path}' is not a file path.", "Give the path of the JSON file, such as ./teams-settings.json.", ErrorIds.TeamsSettingsFileUnreadable);
        }
    }
}
