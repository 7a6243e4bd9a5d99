namespace AcsTeamsAdmin.Engine.Teams;

/// <summary>
/// The values the MicrosoftTeams reference documents for each named setting, and the defaults the
/// check assumes when a setting is not given (Set-CsTeamsMeetingPolicy, Set-CsTeamsMeetingConfiguration,
/// Set-CsTeamsAcsFederationConfiguration, Set-CsExternalAccessPolicy parameter reference).
/// </summary>
public static class TeamsSettingValues
{
    public const string Everyone = "Everyone";
    public const string AcsClient = "ACS";
    public const string TeamsClient = "Teams";
    public const string OneTimePasscode = "OneTimePasscode";
    public const string NoAuthentication = "None";
    public const string CaptchaNotRequired = "NotRequired";
    public const string CaptchaForAnonymous = "AnonymousUsersAndUntrustedOrganizations";
    public const string ChatEnabled = "Enabled";
    public const string ChatDisabled = "Disabled";
    public const string ChatEnabledExceptAnonymous = "EnabledExceptAnonymous";

    /// <summary>The policy that applies when none is assigned; also the tenant's only configuration.</summary>
    public const string Global = "Global";

    public static IReadOnlyList<string> AutoAdmittedUsers { get; } =
    [
        "EveryoneInCompany", "EveryoneInSameAndFederatedCompany", Everyone, "OrganizerOnly", "EveryoneInCompanyExcludingGuests", "InvitedUsers",
    ];

    public static IReadOnlyList<string> ClientTypes { get; } = [AcsClient, TeamsClient];

    public static IReadOnlyList<string> AnonymousUserAuthenticationMethods { get; } = [OneTimePasscode, NoAuthentication];

    public static IReadOnlyList<string> CaptchaVerifications { get; } = [CaptchaNotRequired, CaptchaForAnonymous];

    public static IReadOnlyList<string> MeetingChatEnabledTypes { get; } = [ChatEnabled, ChatDisabled, ChatEnabledExceptAnonymous];

    // Documented defaults (the Set-Cs... reference's "Default value", or the reference table in
    // shared/reference/external-apis.md section 5).
    public const bool DefaultDisableAnonymousJoin = false;
    public const bool DefaultAllowAnonymousUsersToJoinMeeting = true;
    public const string DefaultAnonymousUserAuthenticationMethod = OneTimePasscode;
    public const bool DefaultEnableAcsUsers = false;
    public const bool DefaultRequireAcsFederationForMeeting = false;
    public const bool DefaultEnableAcsFederationAccess = true;

    /// <summary>
    /// The reference gives no default for AutoAdmittedUsers; the Global policy of a new tenant has
    /// "People in my org" (EveryoneInCompanyExcludingGuests), older tenants EveryoneInCompany. Both put
    /// anonymous users in the lobby, so the assumption cannot change the verdict.
    /// </summary>
    public const string DefaultAutoAdmittedUsers = "EveryoneInCompanyExcludingGuests";

    /// <summary>Not documented as a default; a CAPTCHA is something an admin turns on, and Teams admin center shows "Not required" until then.</summary>
    public const string DefaultCaptchaVerificationForMeetingJoin = CaptchaNotRequired;

    /// <summary>Not documented as a default; meeting chat is on for everyone in the Global policy Microsoft ships.</summary>
    public const string DefaultMeetingChatEnabledType = ChatEnabled;

    /// <summary>The known spelling of <paramref name="value"/> (case-insensitive), or null when it is not one of <paramref name="known"/>.</summary>
    public static string? Canonical(string value, IReadOnlyList<string> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        return known.FirstOrDefault(candidate => string.Equals(candidate, value?.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
