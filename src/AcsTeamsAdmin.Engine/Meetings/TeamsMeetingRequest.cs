using System.Globalization;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Identifiers;

namespace AcsTeamsAdmin.Engine.Meetings;

/// <summary>
/// What New-AcsTeamsMeeting should create, parsed before any request: the organizer (object id or UPN), the subject,
/// the times (default: now for an hour) and, optionally, who bypasses the lobby.
/// </summary>
public sealed record TeamsMeetingRequest
{
    public const string DefaultSubject = "Teams meeting with ACS users";

    /// <summary>A meeting for an ACS join test starts now or later; a start this far in the past is a typo.</summary>
    public static readonly TimeSpan MaxPast = TimeSpan.FromDays(1);

    /// <summary>And it starts within a year: later than that is a typo too (a year of 2206, say).</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(366);

    /// <summary>Graph's subject limit for an online meeting.</summary>
    public const int MaxSubjectLength = 255;

    /// <summary>Graph's lobbyBypassScope values, most restrictive first.</summary>
    public static IReadOnlyList<string> LobbyScopes { get; } =
    [
        "organizer", "organization", "organizationAndFederated", "organizationExcludingGuests", "invited", "everyone"
    ];

    private TeamsMeetingRequest(UserReference organizer, string subject, DateTimeOffset start, DateTimeOffset end, string? lobbyBypassScope)
    {
        Organizer = organizer;
        Subject = subject;
        Start = start;
        End = end;
        LobbyBypassScope = lobbyBypassScope;
    }

    public UserReference Organizer { get; }

    public string Subject { get; }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    /// <summary>Graph's wire name (everyone, organization, ...), or null to leave it to the organizer's meeting policy.</summary>
    public string? LobbyBypassScope { get; }

    /// <param name="organizerId">An object id or a UPN.</param>
    /// <param name="subject">Null for <see cref="DefaultSubject"/>.</param>
    /// <param name="start">Null for now.</param>
    /// <param name="end">Null for an hour after the start.</param>
    /// <param name="lobbyBypassScope">Null to keep the policy's default.</param>
    /// <param name="now">The clock (tests move it).</param>
    public static TeamsMeetingRequest Parse(
        string? organizerId,
        string? subject,
        DateTimeOffset? start,
        DateTimeOffset? end,
        string? lobbyBypassScope,
        DateTimeOffset now)
    {
        var organizer = UserReference.Parse("OrganizerId", organizerId);
        var title = ParseSubject(subject);

        // Whole seconds: what Graph keeps, and what the -WhatIf line shows.
        var from = Truncate(start ?? now);
        var to = Truncate(end ?? from.AddHours(1));
        if (from < now - MaxPast)
        {
            throw AcsTeamsAdminException.InvalidInput("StartDateTime", Show(from), $"{Show(from)} is more than a day in the past.",
                "Pass a start from now on (Get-Date, or a time such as (Get-Date).AddHours(1)), or leave -StartDateTime out for now.");
        }

        if (from > now + MaxAhead)
        {
            throw AcsTeamsAdminException.InvalidInput("StartDateTime", Show(from), $"{Show(from)} is more than a year ahead.",
                "Pass a start within the next year, or leave -StartDateTime out for now.");
        }

        if (to <= from)
        {
            throw AcsTeamsAdminException.InvalidInput("EndDateTime", Show(to), $"{Show(to)} is not after -StartDateTime {Show(from)}.",
                "Pass an end after the start, such as -EndDateTime (Get-Date).AddHours(1), or leave -EndDateTime out for an hour after the start.");
        }

        if (to - from > TimeSpan.FromDays(1))
        {
            throw AcsTeamsAdminException.InvalidInput("EndDateTime", Show(to), $"{Show(to)} is more than 24 hours after -StartDateTime {Show(from)}.",
                "Pass an end within a day of the start: the meeting is for joining, not a calendar series.");
        }

        return new TeamsMeetingRequest(organizer, title, from, to, ParseLobbyBypassScope(lobbyBypassScope));
    }

    /// <summary>Graph's name for a lobby bypass scope, case-insensitive; null for null.</summary>
    public static string? ParseLobbyBypassScope(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = value.Trim();
        return LobbyScopes.FirstOrDefault(scope => string.Equals(scope, trimmed, StringComparison.OrdinalIgnoreCase))
            ?? throw AcsTeamsAdminException.InvalidInput("LobbyBypassScope", value, $"'{Validation.InputParser.Shorten(trimmed)}' is not a lobby bypass scope.",
                $"Pass one of {string.Join(", ", LobbyScopes)} (only everyone lets ACS users in without waiting), " +
                "or leave it out for the organizer's meeting policy.");
    }

    private static string ParseSubject(string? subject)
    {
        if (subject is null)
        {
            return DefaultSubject;
        }

        var trimmed = subject.Trim();
        if (trimmed.Length == 0)
        {
            throw AcsTeamsAdminException.InvalidInput(
                "Subject",
                subject,
                "is empty.",
                $"Pass the meeting's title, or leave -Subject out for '{DefaultSubject}'.",
                ErrorIds.MissingParameter);
        }

        if (trimmed.Length > MaxSubjectLength || trimmed.Any(char.IsControl))
        {
            throw AcsTeamsAdminException.InvalidInput("Subject", Validation.InputParser.Shorten(trimmed.ReplaceLineEndings(" ")),
                trimmed.Length > MaxSubjectLength ? $"is {trimmed.Length} characters long." : "has a line break or other control character in it.",
                $"Pass a title of at most {MaxSubjectLength} characters on one line.");
        }

        return trimmed;
    }

    private static DateTimeOffset Truncate(DateTimeOffset value) => new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), value.Offset);

    internal static string Show(DateTimeOffset value) => value.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
}
