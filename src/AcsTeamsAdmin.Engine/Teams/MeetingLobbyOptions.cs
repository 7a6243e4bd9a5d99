using AcsTeamsAdmin.Engine.Meetings;

namespace AcsTeamsAdmin.Engine.Teams;

/// <summary>
/// One meeting's own options (its Meeting options in Teams, Graph's onlineMeeting): for that meeting they decide who
/// bypasses the lobby and whether there is chat; the organizer's meeting policy only sets the defaults for new
/// meetings. Given to Test-AcsAnonymousJoinPolicy as a New-AcsTeamsMeeting object, to judge that meeting.
/// </summary>
/// <param name="Subject">The meeting's subject, to name it in the verdict.</param>
/// <param name="MeetingId">Graph's onlineMeeting id (the remedies name it).</param>
/// <param name="OrganizerId">The organizer's object id (the remedies name it).</param>
/// <param name="LobbyBypassScope">Graph's lobbyBypassSettings.scope: organizer, organization, ..., everyone; null when unknown.</param>
/// <param name="AllowMeetingChat">Graph's allowMeetingChat: enabled, disabled or limited; null when unknown.</param>
public sealed record MeetingLobbyOptions(string? Subject, string? MeetingId, string? OrganizerId, string? LobbyBypassScope, string? AllowMeetingChat)
{
    public static MeetingLobbyOptions From(TeamsMeeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return new(meeting.Subject, meeting.MeetingId, meeting.OrganizerId, meeting.LobbyBypassScope, meeting.AllowMeetingChat);
    }

    /// <summary>How the verdict names the meeting.</summary>
    public string Description => $"the meeting '{Subject ?? MeetingId ?? "(no subject)"}'";

    /// <summary>
    /// The Microsoft Graph PowerShell command that changes the meeting's options, with <paramref name="body"/> as its body's
    /// hashtable content.
    /// </summary>
    public string UpdateCommand(string body) =>
        $"Update-MgUserOnlineMeeting -UserId {OrganizerId ?? "<organizer id>"} -OnlineMeetingId {MeetingId ?? "<meeting id>"} -BodyParameter @{{ {body} }}";
}
