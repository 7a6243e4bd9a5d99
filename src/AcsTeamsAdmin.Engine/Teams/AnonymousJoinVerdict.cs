using AcsTeamsAdmin.Engine.Presentation;

namespace AcsTeamsAdmin.Engine.Teams;

/// <summary>
/// Whether ACS (bring-your-own-identity) users can join the meetings of organizers who have one
/// meeting policy, whether they wait in the lobby, what they lose, and how to fix what blocks them.
/// </summary>
[DefaultDisplay("MeetingPolicy", "Meeting", "CanJoin", "WaitsInLobby", "Verdict", "BlockedBy", "Remedies:lines", "AssumedDefaults", AsList = true)]
public sealed record AnonymousJoinVerdict
{
    /// <summary>The organizer's meeting policy, e.g. "Global" or "Tag:Contoso-External".</summary>
    public required string MeetingPolicy { get; init; }

    /// <summary>The meeting judged (its subject), when one was given (-Meeting); null for the organizer's meetings in general.</summary>
    public string? Meeting { get; init; }

    /// <summary>The meeting's onlineMeeting id, when one was given.</summary>
    public string? MeetingId { get; init; }

    /// <summary>False when at least one finding has the effect Blocks.</summary>
    public required bool CanJoin { get; init; }

    /// <summary>True when ACS users can join but wait in the lobby (AutoAdmittedUsers is not Everyone).</summary>
    public required bool WaitsInLobby { get; init; }

    /// <summary>The answer in one paragraph.</summary>
    public required string Verdict { get; init; }

    /// <summary>The settings that block ACS users; empty when they can join.</summary>
    public required IReadOnlyList<string> BlockedBy { get; init; }

    /// <summary>
    /// The commands that remove every block, in order (MicrosoftTeams), then for a meeting whose lobby keeps ACS users
    /// waiting the Microsoft Graph PowerShell command that opens it.
    /// </summary>
    public required IReadOnlyList<string> Remedies { get; init; }

    /// <summary>Settings that were not given, as Name=AssumedValue: check them against the tenant.</summary>
    public required IReadOnlyList<string> AssumedDefaults { get; init; }

    /// <summary>The ACS resource checked against the federation allow-list, or null when none was given.</summary>
    public Guid? AcsResourceId { get; init; }

    /// <summary>Every setting checked, most severe effect first.</summary>
    public required IReadOnlyList<JoinPolicyFinding> Findings { get; init; }
}
