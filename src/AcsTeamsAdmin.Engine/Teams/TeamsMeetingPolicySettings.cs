namespace AcsTeamsAdmin.Engine.Teams;

/// <summary>
/// What the organizer's Get-CsTeamsMeetingPolicy says about anonymous users (the Global policy when
/// none is assigned). Null means "not given".
/// </summary>
public sealed record TeamsMeetingPolicySettings
{
    /// <summary>"Global", or "Tag:Name" as the MicrosoftTeams module reports a custom policy.</summary>
    public string? Identity { get; init; }

    public bool? AllowAnonymousUsersToJoinMeeting { get; init; }

    /// <summary>"ACS" and/or "Teams"; containing "ACS" blocks ACS clients only.</summary>
    public IReadOnlyList<string>? BlockedAnonymousJoinClientTypes { get; init; }

    /// <summary>Who bypasses the lobby; anything but Everyone puts anonymous (ACS) users in it.</summary>
    public string? AutoAdmittedUsers { get; init; }

    /// <summary>OneTimePasscode or None.</summary>
    public string? AnonymousUserAuthenticationMethod { get; init; }

    /// <summary>NotRequired or AnonymousUsersAndUntrustedOrganizations.</summary>
    public string? CaptchaVerificationForMeetingJoin { get; init; }

    /// <summary>Enabled, Disabled or EnabledExceptAnonymous.</summary>
    public string? MeetingChatEnabledType { get; init; }

    /// <summary>These values, with each value of <paramref name="overrides"/> that is given taking precedence.</summary>
    public TeamsMeetingPolicySettings OverriddenBy(TeamsMeetingPolicySettings overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        return new()
        {
            Identity = overrides.Identity ?? Identity,
            AllowAnonymousUsersToJoinMeeting = overrides.AllowAnonymousUsersToJoinMeeting ?? AllowAnonymousUsersToJoinMeeting,
            BlockedAnonymousJoinClientTypes = overrides.BlockedAnonymousJoinClientTypes ?? BlockedAnonymousJoinClientTypes,
            AutoAdmittedUsers = overrides.AutoAdmittedUsers ?? AutoAdmittedUsers,
            AnonymousUserAuthenticationMethod = overrides.AnonymousUserAuthenticationMethod ?? AnonymousUserAuthenticationMethod,
            CaptchaVerificationForMeetingJoin = overrides.CaptchaVerificationForMeetingJoin ?? CaptchaVerificationForMeetingJoin,
            MeetingChatEnabledType = overrides.MeetingChatEnabledType ?? MeetingChatEnabledType,
        };
    }
}
