using AcsTeamsAdmin.Engine.Teams;

namespace AcsTeamsAdmin.Tests.Teams;

/// <summary>
/// The verdict against a table of cases: each setting on its own and the combinations that decide
/// (the tenant-wide switch over a permissive policy, ACS-only client blocking, federation required
/// with and without the resource allowed, the lobby, chat).
/// </summary>
public class AnonymousJoinEvaluatorTests
{
    private const string Resource = "f6a2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    private const string OtherResource = "0b1c2d3e-4f50-4a61-8b72-9c83d4e5f607";

    /// <summary>Every setting given and permissive: the baseline the cases change one or two things in.</summary>
    private static readonly TeamsJoinSettings Open = new()
    {
        MeetingConfiguration = new() { Identity = "Global", DisableAnonymousJoin = false },
        MeetingPolicy = new()
        {
            Identity = "Global",
            AllowAnonymousUsersToJoinMeeting = true,
            BlockedAnonymousJoinClientTypes = [],
            AutoAdmittedUsers = "Everyone",
            AnonymousUserAuthenticationMethod = "None",
            CaptchaVerificationForMeetingJoin = "NotRequired",
            MeetingChatEnabledType = "Enabled",
        },
        AcsFederationConfiguration = new() { Identity = "Global", EnableAcsUsers = false, AllowedAcsResources = [], RequireAcsFederationForMeeting = false },
        ExternalAccessPolicy = new() { Identity = "Global", EnableAcsFederationAccess = true },
    };

    private static TeamsJoinSettings Policy(Func<TeamsMeetingPolicySettings, TeamsMeetingPolicySettings> change) => Open with { MeetingPolicy = change(Open.MeetingPolicy) };

    private static TeamsJoinSettings Federation(bool enable, string[] allowed, bool require = true, bool optedIn = true) => Open with
    {
        AcsFederationConfiguration = new() { Identity = "Global", EnableAcsUsers = enable, AllowedAcsResources = allowed, RequireAcsFederationForMeeting = require },
        ExternalAccessPolicy = new() { Identity = "Global", EnableAcsFederationAccess = optedIn },
    };

    /// <param name="Settings">What is given.</param>
    /// <param name="ResourceId">-AcsResourceId, or null.</param>
    /// <param name="CanJoin">Expected CanJoin.</param>
    /// <param name="WaitsInLobby">Expected WaitsInLobby.</param>
    /// <param name="BlockedBy">Expected BlockedBy, in order.</param>
    /// <param name="Remedies">Expected Remedies, in order.</param>
    /// <param name="Effects">Expected effect of particular settings.</param>
    private sealed record JoinCase(
        TeamsJoinSettings Settings,
        string? ResourceId,
        bool CanJoin,
        bool WaitsInLobby,
        string[] BlockedBy,
        string[] Remedies,
        (string Setting, FindingEffect Effect)[] Effects);

    private static readonly Dictionary<string, JoinCase> Cases = new()
    {
        ["Everything open: join without the lobby"] = new JoinCase(Open, null, true, false, [], [], [("AutoAdmittedUsers", FindingEffect.Info)]),
        ["DisableAnonymousJoin wins over a permissive policy"] = new JoinCase(
            Open with { MeetingConfiguration = new() { Identity = "Global", DisableAnonymousJoin = true } }, null, false, false,
            ["DisableAnonymousJoin"], ["Set-CsTeamsMeetingConfiguration -Identity Global -DisableAnonymousJoin $false"],
            [("DisableAnonymousJoin", FindingEffect.Blocks), ("AllowAnonymousUsersToJoinMeeting", FindingEffect.Info)]),
        ["AllowAnonymousUsersToJoinMeeting false blocks, remedy names the policy"] = new JoinCase(
            Policy(p => p with { Identity = "Tag:Contoso-Sales", AllowAnonymousUsersToJoinMeeting = false }), null, false, false,
            ["AllowAnonymousUsersToJoinMeeting"], ["Set-CsTeamsMeetingPolicy -Identity Contoso-Sales -AllowAnonymousUsersToJoinMeeting $true"], []),
        ["Both anonymous switches off: two blocks, two remedies"] = new JoinCase(
            Open with { MeetingConfiguration = new() { DisableAnonymousJoin = true }, MeetingPolicy = Open.MeetingPolicy with { AllowAnonymousUsersToJoinMeeting = false } }, null, false, false,
            ["DisableAnonymousJoin", "AllowAnonymousUsersToJoinMeeting"],
            ["Set-CsTeamsMeetingConfiguration -Identity Global -DisableAnonymousJoin $false", "Set-CsTeamsMeetingPolicy -Identity Global -AllowAnonymousUsersToJoinMeeting $true"], []),
        ["Blocked client types containing ACS block ACS; the fix keeps Teams blocked"] = new JoinCase(
            Policy(p => p with { BlockedAnonymousJoinClientTypes = ["ACS", "Teams"] }), null, false, false,
            ["BlockedAnonymousJoinClientTypes"], ["Set-CsTeamsMeetingPolicy -Identity Global -BlockedAnonymousJoinClientTypes @('Teams')"], []),
        ["Blocked client types acs in lower case still block"] = new JoinCase(
            Policy(p => p with { BlockedAnonymousJoinClientTypes = ["acs"] }), null, false, false,
            ["BlockedAnonymousJoinClientTypes"], ["Set-CsTeamsMeetingPolicy -Identity Global -BlockedAnonymousJoinClientTypes @()"], []),
        ["Blocking only Teams clients leaves ACS clients alone"] = new JoinCase(
            Policy(p => p with { BlockedAnonymousJoinClientTypes = ["Teams"] }), null, true, false, [], [],
            [("BlockedAnonymousJoinClientTypes", FindingEffect.Info)]),
        ["AutoAdmittedUsers other than Everyone: lobby"] = new JoinCase(
            Policy(p => p with { AutoAdmittedUsers = "EveryoneInCompany" }), null, true, true, [], [], [("AutoAdmittedUsers", FindingEffect.Lobby)]),
        ["Blocked and lobby: cannot join, and would wait once unblocked"] = new JoinCase(
            Policy(p => p with { AllowAnonymousUsersToJoinMeeting = false, AutoAdmittedUsers = "OrganizerOnly" }), null, false, true,
            ["AllowAnonymousUsersToJoinMeeting"], ["Set-CsTeamsMeetingPolicy -Identity Global -AllowAnonymousUsersToJoinMeeting $true"], [("AutoAdmittedUsers", FindingEffect.Lobby)]),
        ["CAPTCHA for anonymous users may block, but does not decide"] = new JoinCase(
            Policy(p => p with { CaptchaVerificationForMeetingJoin = "AnonymousUsersAndUntrustedOrganizations" }), null, true, false, [], [],
            [("CaptchaVerificationForMeetingJoin", FindingEffect.MayBlock)]),
        ["One-time passcode is reported, not a block"] = new JoinCase(
            Policy(p => p with { AnonymousUserAuthenticationMethod = "OneTimePasscode" }), null, true, false, [], [],
            [("AnonymousUserAuthenticationMethod", FindingEffect.Info)]),
        ["Chat EnabledExceptAnonymous: ACS users lose chat"] = new JoinCase(
            Policy(p => p with { MeetingChatEnabledType = "EnabledExceptAnonymous" }), null, true, false, [], [], [("MeetingChatEnabledType", FindingEffect.FeatureLoss)]),
        ["Chat Disabled: ACS users lose chat"] = new JoinCase(
            Policy(p => p with { MeetingChatEnabledType = "Disabled" }), null, true, false, [], [], [("MeetingChatEnabledType", FindingEffect.FeatureLoss)]),
        ["Federation required and the resource allowed: join"] = new JoinCase(
            Federation(enable: true, [OtherResource, Resource]), Resource, true, false, [], [],
            [("AllowedAcsResources", FindingEffect.Info), ("EnableAcsUsers", FindingEffect.Info), ("EnableAcsFederationAccess", FindingEffect.Info)]),
        ["Federation required and the resource not allowed: blocked; the fix keeps the listed resource"] = new JoinCase(
            Federation(enable: true, [OtherResource]), Resource, false, false,
            ["AllowedAcsResources"], [$"Set-CsTeamsAcsFederationConfiguration -AllowedAcsResources @('{OtherResource}', '{Resource}')"], []),
        ["Federation required but off: blocked"] = new JoinCase(
            Federation(enable: false, [Resource]), Resource, false, false,
            ["EnableAcsUsers"], ["Set-CsTeamsAcsFederationConfiguration -EnableAcsUsers $true"], []),
        ["Federation required, no resource id given: cannot be checked"] = new JoinCase(
            Federation(enable: true, [Resource]), null, true, false, [], [], [("AllowedAcsResources", FindingEffect.MayBlock)]),
        ["Federation required and nothing allowed: blocked even without a resource id"] = new JoinCase(
            Federation(enable: true, []), null, false, false,
            ["AllowedAcsResources"], ["Set-CsTeamsAcsFederationConfiguration -AllowedAcsResources @('<immutable-resource-id>')"], []),
        ["Federation required and the organizer opted out: blocked"] = new JoinCase(
            Federation(enable: true, [Resource], optedIn: false), Resource, false, false,
            ["EnableAcsFederationAccess"], ["Set-CsExternalAccessPolicy -Identity Global -EnableAcsFederationAccess $true"], []),
        ["Federation not required: off, unlisted and opted out change nothing"] = new JoinCase(
            Federation(enable: false, [OtherResource], require: false, optedIn: false), Resource, true, false, [], [],
            [("EnableAcsFederationAccess", FindingEffect.Info)]),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Verdict_matches_the_case(string name)
    {
        var expected = Cases[name];

        var verdict = AnonymousJoinEvaluator.Evaluate(expected.Settings, expected.ResourceId is null ? null : Guid.Parse(expected.ResourceId));

        Assert.Equal(expected.CanJoin, verdict.CanJoin);
        Assert.Equal(expected.WaitsInLobby, verdict.WaitsInLobby);
        Assert.Equal(expected.BlockedBy, verdict.BlockedBy);
        Assert.Equal(expected.Remedies, verdict.Remedies);
        foreach (var (setting, effect) in expected.Effects)
        {
            Assert.Equal(effect, Assert.Single(verdict.Findings, finding => finding.Setting == setting).Effect);
        }

        Assert.Equal(verdict.CanJoin, !verdict.Findings.Any(finding => finding.Effect == FindingEffect.Blocks));
        Assert.StartsWith(verdict.CanJoin ? "ACS users can join" : "ACS users cannot join", verdict.Verdict, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EveryoneInCompany")]
    [InlineData("EveryoneInSameAndFederatedCompany")]
    [InlineData("OrganizerOnly")]
    [InlineData("EveryoneInCompanyExcludingGuests")]
    [InlineData("InvitedUsers")]
    [InlineData("SomeFutureValue")]
    public void Anything_but_Everyone_puts_ACS_users_in_the_lobby(string autoAdmitted)
    {
        var verdict = AnonymousJoinEvaluator.Evaluate(Policy(p => p with { AutoAdmittedUsers = autoAdmitted }));

        Assert.True(verdict.CanJoin);
        Assert.True(verdict.WaitsInLobby);
        var finding = Assert.Single(verdict.Findings, f => f.Setting == "AutoAdmittedUsers");
        Assert.Equal(FindingEffect.Lobby, finding.Effect);
        Assert.Equal("Set-CsTeamsMeetingPolicy -Identity Global -AutoAdmittedUsers Everyone", finding.Remedy);
        Assert.Contains("wait in the lobby", verdict.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_not_given_take_the_documented_defaults_and_are_reported_as_assumed()
    {
        var verdict = AnonymousJoinEvaluator.Evaluate(new TeamsJoinSettings { MeetingPolicy = new() { AutoAdmittedUsers = "Everyone" } });

        Assert.True(verdict.CanJoin);
        Assert.False(verdict.WaitsInLobby);
        Assert.Equal(
            ["DisableAnonymousJoin=False", "AllowAnonymousUsersToJoinMeeting=True", "BlockedAnonymousJoinClientTypes=(empty)",
             "AnonymousUserAuthenticationMethod=OneTimePasscode", "CaptchaVerificationForMeetingJoin=NotRequired", "MeetingChatEnabledType=Enabled",
             "RequireAcsFederationForMeeting=False"],
            verdict.AssumedDefaults);
        Assert.Equal(SettingSource.Given, verdict.Findings.Single(f => f.Setting == "AutoAdmittedUsers").Source);
        Assert.Equal(SettingSource.AssumedDefault, verdict.Findings.Single(f => f.Setting == "DisableAnonymousJoin").Source);
        Assert.Contains("Assumed the documented default for 7 settings", verdict.Verdict, StringComparison.Ordinal);
        Assert.NotNull(AnonymousJoinCheck.AssumptionWarning(verdict));
        Assert.Null(AnonymousJoinCheck.AssumptionWarning(AnonymousJoinEvaluator.Evaluate(Open)));
    }

    [Fact]
    public void Nothing_given_assumes_the_Global_policy_defaults_which_admit_ACS_users_to_the_lobby()
    {
        var verdict = AnonymousJoinEvaluator.Evaluate(new TeamsJoinSettings());

        Assert.Equal("Global", verdict.MeetingPolicy);
        Assert.True(verdict.CanJoin);
        Assert.True(verdict.WaitsInLobby);
        Assert.Contains("AutoAdmittedUsers=EveryoneInCompanyExcludingGuests", verdict.AssumedDefaults);
    }

    [Fact]
    public void Federation_settings_are_consulted_only_when_meetings_require_federation()
    {
        var notRequired = AnonymousJoinEvaluator.Evaluate(new TeamsJoinSettings());
        var required = AnonymousJoinEvaluator.Evaluate(new TeamsJoinSettings { AcsFederationConfiguration = new() { RequireAcsFederationForMeeting = true } });

        Assert.DoesNotContain(notRequired.Findings, f => f.Setting is "EnableAcsUsers" or "AllowedAcsResources");
        Assert.DoesNotContain("EnableAcsUsers=False", notRequired.AssumedDefaults);
        Assert.Contains("EnableAcsUsers=False", required.AssumedDefaults);
        Assert.False(required.CanJoin);
        Assert.Equal(["EnableAcsUsers", "AllowedAcsResources"], required.BlockedBy);
    }

    [Fact]
    public void Findings_come_most_severe_first()
    {
        var verdict = AnonymousJoinEvaluator.Evaluate(Policy(p => p with
        {
            AllowAnonymousUsersToJoinMeeting = false,
            AutoAdmittedUsers = "InvitedUsers",
            CaptchaVerificationForMeetingJoin = "AnonymousUsersAndUntrustedOrganizations",
            MeetingChatEnabledType = "Disabled",
        }));

        var effects = verdict.Findings.Select(f => f.Effect).ToArray();
        Assert.Equal(effects.Order(), effects);
        Assert.Equal(FindingEffect.Blocks, effects[0]);
        Assert.Contains(FindingEffect.MayBlock, effects);
        Assert.Contains(FindingEffect.Lobby, effects);
        Assert.All(verdict.Findings, f => Assert.Equal("Global", f.MeetingPolicy));
    }

    [Fact]
    public void Documented_limits_are_always_reported()
    {
        var verdict = AnonymousJoinEvaluator.Evaluate(Open);

        var documented = verdict.Findings.Where(f => f.Source == SettingSource.Documented).Select(f => f.Detail).ToArray();
        Assert.Contains(documented, d => d.Contains("Raised hand, together mode and breakout rooms", StringComparison.Ordinal));
        Assert.Contains(documented, d => d.Contains("not in channel meetings", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Global", "Global")]
    [InlineData("Tag:Contoso-Sales", "Contoso-Sales")]
    [InlineData("Tag:Sales Team", "'Sales Team'")]
    [InlineData("O'Brien policy", "'O''Brien policy'")]
    public void Remedies_address_the_policy_as_Set_CsTeamsMeetingPolicy_takes_it(string identity, string argument)
    {
        var verdict = AnonymousJoinEvaluator.Evaluate(Policy(p => p with { Identity = identity, AllowAnonymousUsersToJoinMeeting = false }));

        Assert.Equal($"Set-CsTeamsMeetingPolicy -Identity {argument} -AllowAnonymousUsersToJoinMeeting $true", Assert.Single(verdict.Remedies));
        Assert.Equal(identity, verdict.MeetingPolicy);
    }

    [Fact]
    public void Given_values_override_the_objects_values()
    {
        var document = new TeamsSettingsDocument { MeetingPolicies = [new() { Identity = "Global", AllowAnonymousUsersToJoinMeeting = false }] };

        var asIs = Assert.Single(AnonymousJoinCheck.Run(document, new TeamsJoinSettings(), null));
        var tried = Assert.Single(AnonymousJoinCheck.Run(document, new TeamsJoinSettings { MeetingPolicy = new() { AllowAnonymousUsersToJoinMeeting = true } }, null));

        Assert.False(asIs.CanJoin);
        Assert.True(tried.CanJoin);
    }

    [Fact]
    public void Each_meeting_policy_gets_its_own_verdict()
    {
        var document = new TeamsSettingsDocument
        {
            MeetingPolicies = [new() { Identity = "Global" }, new() { Identity = "Tag:NoAnonymous", AllowAnonymousUsersToJoinMeeting = false }],
        };

        var verdicts = AnonymousJoinCheck.Run(document, new TeamsJoinSettings(), null);

        Assert.Equal(["Global", "Tag:NoAnonymous"], verdicts.Select(v => v.MeetingPolicy));
        Assert.Equal([true, false], verdicts.Select(v => v.CanJoin));
    }
}
