namespace AcsTeamsAdmin.Engine.Teams;

/// <summary>
/// Everything that decides whether an ACS (bring-your-own-identity) user can join one organizer's
/// meetings: one object from each of the four MicrosoftTeams cmdlets. An empty object means none
/// of its values were given.
/// </summary>
public sealed record TeamsJoinSettings
{
    public TeamsMeetingConfigurationSettings MeetingConfiguration { get; init; } = new();

    public TeamsMeetingPolicySettings MeetingPolicy { get; init; } = new();

    public AcsFederationSettings AcsFederationConfiguration { get; init; } = new();

    public ExternalAccessPolicySettings ExternalAccessPolicy { get; init; } = new();

    /// <summary>One meeting to judge, with its own lobby and chat options; null to judge the organizer's meetings in general.</summary>
    public MeetingLobbyOptions? Meeting { get; init; }

    /// <summary>These settings, with every value given in <paramref name="overrides"/> taking precedence.</summary>
    public TeamsJoinSettings OverriddenBy(TeamsJoinSettings overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        return new()
        {
            MeetingConfiguration = MeetingConfiguration.OverriddenBy(overrides.MeetingConfiguration),
            MeetingPolicy = MeetingPolicy.OverriddenBy(overrides.MeetingPolicy),
            AcsFederationConfiguration = AcsFederationConfiguration.OverriddenBy(overrides.AcsFederationConfiguration),
            ExternalAccessPolicy = ExternalAccessPolicy.OverriddenBy(overrides.ExternalAccessPolicy),
            Meeting = overrides.Meeting ?? Meeting,
        };
    }
}

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

/// <summary>
/// What Get-CsTeamsMeetingConfiguration says about anonymous join. Every value is nullable: null
/// means "not given", and the evaluator then assumes the documented default and says so.
/// </summary>
public sealed record TeamsMeetingConfigurationSettings
{
    /// <summary>"Global": a tenant has one meeting configuration.</summary>
    public string? Identity { get; init; }

    /// <summary>The older tenant-wide switch; true blocks every anonymous join, whatever the meeting policy says.</summary>
    public bool? DisableAnonymousJoin { get; init; }

    /// <summary>These values, with each value of <paramref name="overrides"/> that is given taking precedence.</summary>
    public TeamsMeetingConfigurationSettings OverriddenBy(TeamsMeetingConfigurationSettings overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        return new()
        {
            Identity = overrides.Identity ?? Identity,
            DisableAnonymousJoin = overrides.DisableAnonymousJoin ?? DisableAnonymousJoin,
        };
    }
}

/// <summary>What Get-CsTeamsAcsFederationConfiguration says. Null means "not given".</summary>
public sealed record AcsFederationSettings
{
    public string? Identity { get; init; }

    /// <summary>Federation between Teams and ACS; when false the other two values are ignored by Teams.</summary>
    public bool? EnableAcsUsers { get; init; }

    /// <summary>Immutable resource ids (GUIDs) of the ACS resources that are allowed.</summary>
    public IReadOnlyList<string>? AllowedAcsResources { get; init; }

    /// <summary>When true, ACS users join meetings only from an allowed resource.</summary>
    public bool? RequireAcsFederationForMeeting { get; init; }

    /// <summary>These values, with each value of <paramref name="overrides"/> that is given taking precedence.</summary>
    public AcsFederationSettings OverriddenBy(AcsFederationSettings overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        return new()
        {
            Identity = overrides.Identity ?? Identity,
            EnableAcsUsers = overrides.EnableAcsUsers ?? EnableAcsUsers,
            AllowedAcsResources = overrides.AllowedAcsResources ?? AllowedAcsResources,
            RequireAcsFederationForMeeting = overrides.RequireAcsFederationForMeeting ?? RequireAcsFederationForMeeting,
        };
    }
}

/// <summary>What the organizer's Get-CsExternalAccessPolicy says about ACS. Null means "not given".</summary>
public sealed record ExternalAccessPolicySettings
{
    public string? Identity { get; init; }

    /// <summary>Per-user opt-out of ACS federation; matters for meetings only when federation is required.</summary>
    public bool? EnableAcsFederationAccess { get; init; }

    /// <summary>These values, with each value of <paramref name="overrides"/> that is given taking precedence.</summary>
    public ExternalAccessPolicySettings OverriddenBy(ExternalAccessPolicySettings overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        return new()
        {
            Identity = overrides.Identity ?? Identity,
            EnableAcsFederationAccess = overrides.EnableAcsFederationAccess ?? EnableAcsFederationAccess,
        };
    }
}

/// <summary>
/// The Teams settings of a tenant as exported: one meeting configuration, federation configuration
/// and external access policy, and any number of meeting policies (one verdict each).
/// </summary>
public sealed record TeamsSettingsDocument
{
    public TeamsMeetingConfigurationSettings MeetingConfiguration { get; init; } = new();

    /// <summary>Each gets its own verdict; none means one verdict for the Global policy's documented defaults.</summary>
    public IReadOnlyList<TeamsMeetingPolicySettings> MeetingPolicies { get; init; } = [];

    public AcsFederationSettings AcsFederationConfiguration { get; init; } = new();

    public ExternalAccessPolicySettings ExternalAccessPolicy { get; init; } = new();
}

/// <summary>The four MicrosoftTeams objects the check reads, named as in a settings file's keys.</summary>
public enum TeamsSettingsKind
{
    /// <summary>Get-CsTeamsMeetingConfiguration.</summary>
    MeetingConfiguration,

    /// <summary>Get-CsTeamsMeetingPolicy.</summary>
    MeetingPolicy,

    /// <summary>Get-CsTeamsAcsFederationConfiguration.</summary>
    AcsFederationConfiguration,

    /// <summary>Get-CsExternalAccessPolicy.</summary>
    ExternalAccessPolicy,
}
