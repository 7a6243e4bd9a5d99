using static AcsTeamsAdmin.Engine.Teams.FindingList;
using N = AcsTeamsAdmin.Engine.Teams.TeamsSettingNames;
using V = AcsTeamsAdmin.Engine.Teams.TeamsSettingValues;

namespace AcsTeamsAdmin.Engine.Teams;

/// <summary>
/// The anonymous-join settings: the tenant-wide switch and the organizer's meeting policy. ACS
/// (bring-your-own-identity) users join Teams meetings as anonymous users, so these decide.
/// </summary>
internal static class MeetingJoinChecks
{
    public static void Run(TeamsJoinSettings settings, FindingList findings)
    {
        var configuration = settings.MeetingConfiguration;
        var policy = settings.MeetingPolicy;
        var configurationName = $"TeamsMeetingConfiguration {configuration.Identity ?? V.Global}";
        var policyName = $"TeamsMeetingPolicy {findings.MeetingPolicy}";
        var setPolicy = $"Set-CsTeamsMeetingPolicy -Identity {RemedyCommand.Identity(findings.MeetingPolicy)}";

        var tenantWideOff = configuration.DisableAnonymousJoin ?? V.DefaultDisableAnonymousJoin;
        findings.Add(configurationName, N.DisableAnonymousJoin, Show(tenantWideOff), SourceOf(configuration.DisableAnonymousJoin),
            tenantWideOff ? FindingEffect.Blocks : FindingEffect.Info,
            tenantWideOff
                ? "The older tenant-wide switch is on: no anonymous user, ACS users included, " +
                  "can join any meeting in the tenant, whatever the meeting policy allows."
                : "The tenant-wide switch allows anonymous join; the organizer's meeting policy decides.",
            tenantWideOff
                ? $"Set-CsTeamsMeetingConfiguration -Identity {RemedyCommand.Identity(configuration.Identity ?? V.Global)} -DisableAnonymousJoin $false"
                : null);

        var allowed = policy.AllowAnonymousUsersToJoinMeeting ?? V.DefaultAllowAnonymousUsersToJoinMeeting;
        findings.Add(policyName, N.AllowAnonymousUsersToJoinMeeting, Show(allowed), SourceOf(policy.AllowAnonymousUsersToJoinMeeting),
            allowed ? FindingEffect.Info : FindingEffect.Blocks,
            !allowed
                ? "Anonymous users, ACS users among them, cannot join meetings these organizers create. (Teams clients may still join after an email code " +
                  "when AnonymousUserAuthenticationMethod is OneTimePasscode; Microsoft documents no such path for ACS clients.)"
                : tenantWideOff
                    ? "This policy allows anonymous users, but DisableAnonymousJoin overrides it."
                    : "Anonymous users, ACS users among them, may join these organizers' meetings.",
            allowed ? null : $"{setPolicy} -AllowAnonymousUsersToJoinMeeting $true");

        CheckClientTypes(policy, findings, policyName, setPolicy);
        CheckLobby(policy, settings.Meeting, findings, policyName, setPolicy);
        CheckVerification(policy, findings, policyName, setPolicy);
        CheckChat(policy, findings, policyName, setPolicy);
        if (settings.Meeting is { } meeting)
        {
            CheckMeetingChat(meeting, findings);
        }
    }

    private static void CheckClientTypes(TeamsMeetingPolicySettings policy, FindingList findings, string policyName, string setPolicy)
    {
        var blocked = policy.BlockedAnonymousJoinClientTypes ?? [];
        var blocksAcs = blocked.Contains(V.AcsClient, StringComparer.OrdinalIgnoreCase);
        var unknown = blocked.Where(type => V.Canonical(type, V.ClientTypes) is null).ToArray();
        var detail = blocksAcs
            ? "ACS clients may not join these organizers' meetings anonymously; Teams clients are not affected by this entry."
            : blocked.Count == 0 ? "No client type is blocked." : "Only Teams clients are blocked; ACS clients are not.";
        if (unknown.Length > 0)
        {
            detail += $" {string.Join(", ", unknown)}: not a client type the check knows (ACS, Teams); ignored.";
        }

        var kept = blocked.Where(type => !string.Equals(type, V.AcsClient, StringComparison.OrdinalIgnoreCase));
        findings.Add(policyName, N.BlockedAnonymousJoinClientTypes, Show(blocked), SourceOf(policy.BlockedAnonymousJoinClientTypes),
            blocksAcs ? FindingEffect.Blocks : FindingEffect.Info, detail,
            blocksAcs ? $"{setPolicy} -BlockedAnonymousJoinClientTypes {RemedyCommand.List(kept)}" : null);
    }

    private static void CheckLobby(TeamsMeetingPolicySettings policy, MeetingLobbyOptions? meeting, FindingList findings, string policyName, string setPolicy)
    {
        var admitted = policy.AutoAdmittedUsers ?? V.DefaultAutoAdmittedUsers;
        var everyone = string.Equals(admitted, V.Everyone, StringComparison.OrdinalIgnoreCase);
        var known = V.Canonical(admitted, V.AutoAdmittedUsers) is not null;
        if (meeting?.LobbyBypassScope is { } scope)
        {
            // The meeting's own option decides for it; the policy's value only seeded it when the meeting was made.
            findings.Add(policyName, N.AutoAdmittedUsers, admitted, SourceOf(policy.AutoAdmittedUsers), FindingEffect.Info,
                "The default for new meetings of these organizers; " +
                $"{meeting.Description} has its own lobby option (lobbyBypassSettings.scope), which decides for it.");
            var bypass = string.Equals(scope, "everyone", StringComparison.OrdinalIgnoreCase);
            findings.Add($"Online meeting {meeting.MeetingId ?? meeting.Subject}", N.LobbyBypassScope, scope, SettingSource.Given,
                bypass ? FindingEffect.Info : FindingEffect.Lobby,
                bypass
                    ? $"Everyone bypasses the lobby of {meeting.Description}: ACS users join it without waiting."
                    : $"Only 'everyone' lets anonymous users bypass the lobby of {meeting.Description}, " +
                      "so ACS users wait there until a participant admits them. " +
                      "The organizer can change it in the meeting's Meeting options.",
                bypass ? null : meeting.UpdateCommand("lobbyBypassSettings = @{ scope = 'everyone' }"));
            return;
        }

        findings.Add(policyName, N.AutoAdmittedUsers, admitted, SourceOf(policy.AutoAdmittedUsers),
            everyone ? FindingEffect.Info : FindingEffect.Lobby,
            everyone
                ? "Anonymous users, ACS users among them, bypass the lobby. Organizers can still change who bypasses it per meeting in Meeting options."
                : (known ? "Only" : $"'{admitted}' is not a value the check knows; only") +
                  " Everyone lets anonymous users bypass the lobby, so ACS users wait there until a participant admits them. " +
                  "Organizers can change this per meeting in Meeting options. " +
                  "Everyone admits every anonymous user without a check: weigh that before changing the policy.",
            everyone ? null : $"{setPolicy} -AutoAdmittedUsers Everyone");
    }

    private static void CheckVerification(TeamsMeetingPolicySettings policy, FindingList findings, string policyName, string setPolicy)
    {
        var method = policy.AnonymousUserAuthenticationMethod ?? V.DefaultAnonymousUserAuthenticationMethod;
        var passcode = string.Equals(method, V.OneTimePasscode, StringComparison.OrdinalIgnoreCase);
        findings.Add(policyName, N.AnonymousUserAuthenticationMethod, method, SourceOf(policy.AnonymousUserAuthenticationMethod), FindingEffect.Info,
            passcode
                ? "Organizers with Teams Premium may require anonymous participants to verify with a one-time passcode sent by email, " +
                  "meeting by meeting (off unless they turn it on). " +
                  "Microsoft documents no way for an ACS client to complete that step, so expect ACS users to be unable to join meetings that require it."
                : "Anonymous participants are not asked to verify by email code.",
            passcode ? $"{setPolicy} -AnonymousUserAuthenticationMethod None" : null);

        var captcha = policy.CaptchaVerificationForMeetingJoin ?? V.DefaultCaptchaVerificationForMeetingJoin;
        var required = !string.Equals(captcha, V.CaptchaNotRequired, StringComparison.OrdinalIgnoreCase);
        findings.Add(policyName, N.CaptchaVerificationForMeetingJoin, captcha, SourceOf(policy.CaptchaVerificationForMeetingJoin),
            required ? FindingEffect.MayBlock : FindingEffect.Info,
            required
                ? "Anonymous users must complete a CAPTCHA challenge before they join. " +
                  "Microsoft documents no CAPTCHA step for ACS clients: try a join from your application before relying on it."
                : "No CAPTCHA challenge before joining.",
            required ? $"{setPolicy} -CaptchaVerificationForMeetingJoin NotRequired" : null);
    }

    /// <summary>A meeting's own chat option: off for everyone in that meeting when disabled, whatever the policy allows.</summary>
    private static void CheckMeetingChat(MeetingLobbyOptions meeting, FindingList findings)
    {
        if (meeting.AllowMeetingChat is not { } chat)
        {
            return;
        }

        var disabled = string.Equals(chat, "disabled", StringComparison.OrdinalIgnoreCase);
        findings.Add($"Online meeting {meeting.MeetingId ?? meeting.Subject}", N.AllowMeetingChat, chat, SettingSource.Given,
            disabled ? FindingEffect.FeatureLoss : FindingEffect.Info,
            disabled
                ? $"Chat is off in {meeting.Description}, for ACS users as for everyone."
                : string.Equals(chat, "limited", StringComparison.OrdinalIgnoreCase)
                    ? $"Chat in {meeting.Description} works only while the meeting is on, which is when ACS users can chat anyway."
                    : $"Chat is on in {meeting.Description}; the organizer's meeting policy (MeetingChatEnabledType) still decides it for anonymous users.",
            disabled ? meeting.UpdateCommand("allowMeetingChat = 'enabled'") : null);
    }

    private static void CheckChat(TeamsMeetingPolicySettings policy, FindingList findings, string policyName, string setPolicy)
    {
        var chat = policy.MeetingChatEnabledType ?? V.DefaultMeetingChatEnabledType;
        var (effect, detail) = V.Canonical(chat, V.MeetingChatEnabledTypes) switch
        {
            V.ChatEnabled => (
                FindingEffect.Info,
                "ACS users can chat while they are in the meeting (not in channel meetings, and not before joining or after leaving)."),
            V.ChatEnabledExceptAnonymous => (FindingEffect.FeatureLoss, "Meeting chat is off for anonymous users, so ACS users cannot chat in these meetings."),
            V.ChatDisabled => (FindingEffect.FeatureLoss, "Meeting chat is off for everyone in these meetings, ACS users included."),
            _ => (
                FindingEffect.Info,
                $"'{chat}' is not a value the check knows (Enabled, Disabled, EnabledExceptAnonymous); check what it means for anonymous users."),
        };
        findings.Add(policyName, N.MeetingChatEnabledType, chat, SourceOf(policy.MeetingChatEnabledType), effect, detail,
            effect == FindingEffect.FeatureLoss ? $"{setPolicy} -MeetingChatEnabledType Enabled" : null);
    }
}
