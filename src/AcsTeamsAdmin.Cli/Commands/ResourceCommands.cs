using System.Globalization;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Meetings;
using AcsTeamsAdmin.Engine.Resources;

namespace AcsTeamsAdmin.Cli.Commands;

/// <summary>
/// Get-AcsResource (the ACS resource in Azure Resource Manager) and New-AcsTeamsMeeting (a Teams meeting to join).
/// Both sign in like every other command; Get-AcsResource asks that sign-in for an Azure Resource Manager token.
/// </summary>
internal static class ResourceCommands
{
    public static IReadOnlyList<CliCommand> All { get; } =
    [
        new("Get-AcsResource", "Get ACS resources from Azure Resource Manager: endpoint, immutable resource id, data location (and the connection string, hidden).",
        [
            new("SubscriptionId", CliValueKind.Text, "The subscription (a GUID); default: every subscription this sign-in can see."),
            new("ResourceGroupName", CliValueKind.Text, "The resource group; default: every group."),
            new("Name", CliValueKind.Text, "The ACS resource's name, or a pattern with * and ?; default: every ACS resource."),
            new("IncludeConnectionString", CliValueKind.Switch, "Also read the primary connection string (needs the ListKeys action: Contributor); --output json hides it."),
        ], GetAsync),
        new("New-AcsTeamsMeeting", "Create a Teams online meeting for an organizer and print its join link and lobby options.",
        [
            new("OrganizerId", CliValueKind.List, "The organizer(s): object id or user principal name; one meeting each.", Required: true),
            new("Subject", CliValueKind.Text, $"The meeting's subject (default: '{TeamsMeetingRequest.DefaultSubject}')."),
            new("StartDateTime", CliValueKind.Text, "When it starts, e.g. 2025-06-01T10:00+02:00 (default: now; local time without an offset)."),
            new("EndDateTime", CliValueKind.Text, "When it ends (default: an hour after the start)."),
            new("LobbyBypassScope", CliValueKind.Text, $"Who bypasses the lobby: {string.Join(", ", TeamsMeetingRequest.LobbyScopes)} (default: the organizer's policy)."),
        ], NewMeetingAsync),
    ];

    private static async Task GetAsync(CliInvocation invocation)
    {
        // Parsed before signing in: bad input fails without a network call.
        var args = invocation.Arguments;
        var query = AcsResourceQuery.Parse(args.Value("subscription-id"), args.Value("resource-group-name"), args.Value("name"), args.Flag("include-connection-string"));
        var connection = await invocation.ConnectAsync().ConfigureAwait(false);
        foreach (var resource in await AcsResourceOperations.GetAsync(connection, query, invocation.Context).ConfigureAwait(false))
        {
            invocation.Write(resource);
        }
    }

    private static async Task NewMeetingAsync(CliInvocation invocation)
    {
        var args = invocation.Arguments;
        var now = DateTimeOffset.Now;
        var start = Time(args.Value("start-date-time"), "StartDateTime");
        var end = Time(args.Value("end-date-time"), "EndDateTime");
        var (subject, scope) = (args.Value("subject"), args.Value("lobby-bypass-scope"));

        // Every organizer, and what applies to all of them, is checked before signing in.
        var requests = args.Values("organizer-id").Select(organizer => TeamsMeetingRequest.Parse(organizer, subject, start, end, scope, now)).ToArray();
        var connection = await invocation.ConnectAsync().ConfigureAwait(false);
        await invocation.ForEachAsync(requests, async request =>
        {
            if (await MeetingOperations.CreateAsync(connection, request, invocation.Context).ConfigureAwait(false) is { } meeting)
            {
                invocation.Write(meeting);
            }
        }).ConfigureAwait(false);
    }

    private static DateTimeOffset? Time(string? value, string parameter)
    {
        if (value is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var time)
            ? time
            : throw AcsTeamsAdminException.InvalidInput(parameter, value, $"'{value}' is not a date and time.",
                "Pass an ISO 8601 time such as 2025-06-01T10:00 (local) or 2025-06-01T10:00+02:00.");
    }
}
