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
    public static IReadOnlyList<CliHandler> All { get; } =
    [
        CliHandler.Connected("Get-AcsResource", Get),
        CliHandler.Connected("New-AcsTeamsMeeting", NewMeeting),
    ];

    private static CommandRun Get(CommandArguments args)
    {
        var query = AcsResourceQuery.Parse(
            args.Text("SubscriptionId"), args.Text("ResourceGroupName"), args.Text("Name"), args.Switch("IncludeConnectionString"));
        return async invocation =>
        {
            var connection = await invocation.ConnectAsync().ConfigureAwait(false);
            foreach (var resource in await AcsResourceOperations.GetAsync(connection, query, invocation.Context).ConfigureAwait(false))
            {
                invocation.Write(resource);
            }
        };
    }

    // Several --organizer-id values behave like several organizers piped into the cmdlet: one meeting each.
    private static CommandRun NewMeeting(CommandArguments args)
    {
        var now = DateTimeOffset.Now;
        var start = Time(args.Text("StartDateTime"), "StartDateTime");
        var end = Time(args.Text("EndDateTime"), "EndDateTime");
        var (subject, scope) = (args.Text("Subject"), args.Text("LobbyBypassScope"));
        var requests = args.List("OrganizerId")
            .Select(organizer => TeamsMeetingRequest.Parse(organizer, subject, start, end, scope, now))
            .ToArray();
        return async invocation =>
        {
            var connection = await invocation.ConnectAsync().ConfigureAwait(false);
            await invocation.ForEachAsync(requests, async request =>
            {
                if (await MeetingOperations.CreateAsync(connection, request, invocation.Context).ConfigureAwait(false) is { } meeting)
                {
                    invocation.Write(meeting);
                }
            }).ConfigureAwait(false);
        };
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
