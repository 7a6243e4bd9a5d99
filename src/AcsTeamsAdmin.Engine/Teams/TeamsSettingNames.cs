namespace AcsTeamsAdmin.Engine.Teams;

/// <summary>
/// The property names the MicrosoftTeams objects carry (and their Set-Cs... cmdlets take as
/// parameters), the values the check knows, and the documented defaults it assumes.
/// </summary>
public static class TeamsSettingNames
{
    public const string Identity = "Identity";
    public const string DisableAnonymousJoin = "DisableAnonymousJoin";
    public const string AllowAnonymousUsersToJoinMeeting = "AllowAnonymousUsersToJoinMeeting";
    public const string BlockedAnonymousJoinClientTypes = "BlockedAnonymousJoinClientTypes";
    public const string AutoAdmittedUsers = "AutoAdmittedUsers";
    public const string AnonymousUserAuthenticationMethod = "AnonymousUserAuthenticationMethod";
    public const string CaptchaVerificationForMeetingJoin = "CaptchaVerificationForMeetingJoin";
    public const string MeetingChatEnabledType = "MeetingChatEnabledType";
    public const string EnableAcsUsers = "EnableAcsUsers";
    public const string AllowedAcsResources = "AllowedAcsResources";
    public const string RequireAcsFederationForMeeting = "RequireAcsFederationForMeeting";
    public const string EnableAcsFederationAccess = "EnableAcsFederationAccess";

    /// <summary>A meeting's own options, as Graph's onlineMeeting names them (New-AcsTeamsMeeting's output).</summary>
    public const string LobbyBypassScope = "LobbyBypassScope";
    public const string AllowMeetingChat = "AllowMeetingChat";

    /// <summary>The cmdlet parameter that carries the meeting policy's Identity (the policy object's Identity binds to it by alias).</summary>
    public const string MeetingPolicyIdentity = "MeetingPolicyIdentity";

    /// <summary>The properties that identify each object, for recognising objects by their shape.</summary>
    public static IReadOnlyDictionary<TeamsSettingsKind, string[]> PropertiesOf { get; } = new Dictionary<TeamsSettingsKind, string[]>
    {
        [TeamsSettingsKind.MeetingConfiguration] = [DisableAnonymousJoin],
        [TeamsSettingsKind.MeetingPolicy] =
        [
            AllowAnonymousUsersToJoinMeeting, BlockedAnonymousJoinClientTypes, AutoAdmittedUsers,
            AnonymousUserAuthenticationMethod, CaptchaVerificationForMeetingJoin, MeetingChatEnabledType,
        ],
        [TeamsSettingsKind.AcsFederationConfiguration] = [EnableAcsUsers, AllowedAcsResources, RequireAcsFederationForMeeting],
        [TeamsSettingsKind.ExternalAccessPolicy] = [EnableAcsFederationAccess],
    };
}
