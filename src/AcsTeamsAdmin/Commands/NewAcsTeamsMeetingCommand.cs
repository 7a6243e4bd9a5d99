using System.Management.Automation;
using AcsTeamsAdmin.Engine.Meetings;
using AcsTeamsAdmin.Infrastructure;

namespace AcsTeamsAdmin.Commands;

/// <summary>
/// Creates a Teams online meeting for an organizer and writes its join link (JoinWebUrl) with the meeting's lobby and
/// chat options, so an ACS join can be tried and judged (pipe it to Test-AcsAnonymousJoinPolicy). Each run creates a
/// new meeting. Needs OnlineMeetings.ReadWrite.All and, as an app, a Teams application access policy for the organizer;
/// a signed-in organizer needs OnlineMeetings.ReadWrite.
/// </summary>
[Cmdlet(VerbsCommon.New, "AcsTeamsMeeting", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(TeamsMeeting))]
public sealed class NewAcsTeamsMeetingCommand : ConnectedCmdlet
{
    private DateTimeOffset _now;

    /// <summary>The organizer: object id or user principal name; piped strings, or a piped user's UserPrincipalName or UserId.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("UserPrincipalName", "UserId")]
    [AllowEmptyString] // so '' gets the module's MissingParameter with its fix, as -Subject '' does, not the binder's error
    public string OrganizerId { get; set; } = string.Empty;

    [Parameter]
    public string? Subject { get; set; }

    /// <summary>Default: now.</summary>
    [Parameter]
    public DateTime? StartDateTime { get; set; }

    /// <summary>Default: an hour after the start.</summary>
    [Parameter]
    public DateTime? EndDateTime { get; set; }

    /// <summary>Who bypasses the lobby; default: what the organizer's meeting policy gives new meetings.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(LobbyBypassScopeCompleter))]
    public string? LobbyBypassScope { get; set; }

    protected override async Task BeginProcessingAsync(PipelineStep pipeline)
    {
        // The values that apply to every organizer are checked once, before any request (with a placeholder organizer).
        _now = DateTimeOffset.Now;
        _ = TeamsMeetingRequest.Parse(Guid.Empty.ToString(), Subject, Time(StartDateTime), Time(EndDateTime), LobbyBypassScope, _now);
        await base.BeginProcessingAsync(pipeline).ConfigureAwait(false);
    }

    protected override async Task ProcessRecordAsync(PipelineStep pipeline)
    {
        var request = TeamsMeetingRequest.Parse(OrganizerId, Subject, Time(StartDateTime), Time(EndDateTime), LobbyBypassScope, _now);
        if (await MeetingOperations.CreateAsync(Connection, request, pipeline.Context).ConfigureAwait(false) is { } meeting)
        {
            pipeline.WriteObject(meeting);
        }
    }

    // PowerShell's [datetime] (Get-Date, '2025-06-01 10:00') is local time unless it says UTC.
    private static DateTimeOffset? Time(DateTime? value) =>
        value is not { } time
            ? null
            : time.Kind == DateTimeKind.Utc
            ? new DateTimeOffset(time)
            : new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Local));
}
