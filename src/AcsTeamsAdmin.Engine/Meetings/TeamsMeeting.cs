using AcsTeamsAdmin.Engine.Presentation;

namespace AcsTeamsAdmin.Engine.Meetings;

/// <summary>
/// A Teams online meeting that New-AcsTeamsMeeting created: the link ACS users join with (JoinWebUrl), and the
/// meeting's own lobby and chat options, which decide for this meeting what the organizer's meeting policy only
/// sets as the default (pipe it to Test-AcsAnonymousJoinPolicy to judge it). Holds no secret: the dial-in passcode
/// is left out.
/// </summary>
[DefaultDisplay("Subject", "StartDateTime", "EndDateTime", "LobbyBypassScope", "AllowedPresenters", "AllowMeetingChat", "JoinWebUrl", AsList = true)]
public sealed record TeamsMeeting
{
    /// <summary>Graph's onlineMeeting id (for GET /users/{organizer}/onlineMeetings/{id}).</summary>
    public required string MeetingId { get; init; }

    /// <summary>The join link: what ACS's CallAgent.join takes as meetingLink, and what Teams users click.</summary>
    public required string JoinWebUrl { get; init; }

    public required string Subject { get; init; }

    public required DateTimeOffset StartDateTime { get; init; }

    public required DateTimeOffset EndDateTime { get; init; }

    /// <summary>The organizer's object id.</summary>
    public required string OrganizerId { get; init; }

    public string? OrganizerUserPrincipalName { get; init; }

    public required string TenantId { get; init; }

    /// <summary>
    /// Who bypasses this meeting's lobby, as Graph names it: organizer, organization, organizationAndFederated,
    /// organizationExcludingGuests, invited or everyone. Only 'everyone' lets ACS users in without waiting.
    /// </summary>
    public string? LobbyBypassScope { get; init; }

    /// <summary>Whether dial-in callers bypass the lobby.</summary>
    public bool? IsDialInBypassEnabled { get; init; }

    /// <summary>Who can present: everyone, organization, roleIsPresenter, organizer.</summary>
    public string? AllowedPresenters { get; init; }

    /// <summary>Meeting chat for this meeting: enabled, disabled or limited (only while the meeting is on).</summary>
    public string? AllowMeetingChat { get; init; }

    /// <summary>The meeting's chat thread (19:meeting_...@thread.v2), for ACS chat interop.</summary>
    public string? ChatThreadId { get; init; }

    public DateTimeOffset? CreationDateTime { get; init; }
}
