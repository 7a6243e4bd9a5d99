using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Meetings;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.Teams;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Meetings;

/// <summary>
/// New-AcsTeamsMeeting's engine against the sandbox: the requests it makes (a UPN costs one lookup, an object id
/// none), what comes back, -WhatIf, the missing application access policy with its two MicrosoftTeams commands, the
/// permissions it needs and no more, and every bad value refused before any request.
/// </summary>
public class MeetingOperationsTests
{
    private static readonly DateTimeOffset Now = new(2030, 6, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_meeting_for_a_UPN_is_one_lookup_and_one_POST_and_returns_the_join_link_and_lobby_options()
    {
        using var connection = await SandboxConnections.ConnectAsync();
        var sandbox = connection.Emulator();
        sandbox.Requests.Clear();
        var request = TeamsMeetingRequest.Parse(SandboxIds.FabrikamTeamsUserUpn, "Join test", DateTimeOffset.UtcNow.AddMinutes(10), null, "Everyone", DateTimeOffset.UtcNow);

        var meeting = await MeetingOperations.CreateAsync(connection, request, OperationContext.Unattended());

        Assert.NotNull(meeting);
        Assert.StartsWith("https://teams.microsoft.com/l/meetup-join/", meeting.JoinWebUrl, StringComparison.Ordinal);
        Assert.Equal(("Join test", "everyone", "everyone", "enabled"), (meeting.Subject, meeting.LobbyBypassScope, meeting.AllowedPresenters, meeting.AllowMeetingChat));
        Assert.Equal((SandboxIds.FabrikamTeamsUserId, SandboxIds.FabrikamTeamsUserUpn, SandboxIds.FabrikamTenantId), (meeting.OrganizerId, meeting.OrganizerUserPrincipalName, meeting.TenantId));
        Assert.Equal(TimeSpan.FromHours(1), meeting.EndDateTime - meeting.StartDateTime);
        Assert.StartsWith("19:meeting_", meeting.ChatThreadId, StringComparison.Ordinal);
        Assert.False(meeting.IsDialInBypassEnabled);

        var graph = sandbox.Requests.Entries.Where(entry => entry.PathAndQuery.StartsWith("/v1.0/", StringComparison.Ordinal)).Select(entry => $"{entry.Method} {Uri.UnescapeDataString(entry.PathAndQuery)}").ToArray();
        Assert.Equal(2, graph.Length);
        Assert.StartsWith($"GET /v1.0/users/{SandboxIds.FabrikamTeamsUserUpn}?$select=id,userPrincipalName", graph[0], StringComparison.Ordinal);
        Assert.Equal($"POST /v1.0/users/{SandboxIds.FabrikamTeamsUserId}/onlineMeetings", graph[1]);
    }

    [Fact]
    public async Task An_object_id_needs_no_lookup_and_without_a_lobby_scope_the_meeting_has_the_policys_default()
    {
        using var connection = await SandboxConnections.ConnectAsync();
        var sandbox = connection.Emulator();
        sandbox.Requests.Clear();

        var meeting = await MeetingOperations.CreateAsync(connection, Request(SandboxIds.FabrikamTeamsUserId), OperationContext.Unattended());

        Assert.Equal(TeamsMeetingRequest.DefaultSubject, meeting!.Subject);
        Assert.Equal("organizationExcludingGuests", meeting.LobbyBypassScope);
        Assert.Single(sandbox.Requests.Entries, entry => entry.PathAndQuery.StartsWith("/v1.0/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhatIf_names_the_meeting_and_creates_nothing()
    {
        using var connection = await SandboxConnections.ConnectAsync();
        var sandbox = connection.Emulator();
        var host = new RecordingHost(approve: false);

        var meeting = await MeetingOperations.CreateAsync(connection, Request(SandboxIds.FabrikamTeamsUserUpn, "Dry run"), host.Context());

        Assert.Null(meeting);
        var (target, action) = Assert.Single(host.Asked);
        Assert.Equal("Create", action);
        Assert.StartsWith($"online meeting 'Dry run' organized by {SandboxIds.FabrikamTeamsUserUpn} from ", target, StringComparison.Ordinal);
        Assert.DoesNotContain(sandbox.Requests.Entries, entry => entry.Method == "POST" && entry.PathAndQuery.Contains("onlineMeetings", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_an_application_access_policy_the_error_gives_the_two_Teams_commands_with_the_app_and_organizer_ids()
    {
        using var sandbox = new SandboxService(SandboxSeed.Create(new SandboxSeedOptions { MeetingPolicyForAdminApp = false }));
        using var connection = await FabrikamConnections.ConnectAsync(sandbox);

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => MeetingOperations.CreateAsync(connection, Request(SandboxIds.FabrikamTeamsUserUpn), OperationContext.Unattended()));

        Assert.Equal(ErrorIds.ApplicationAccessPolicyMissing, error.ErrorId);
        Assert.Equal(FailureCategory.PermissionDenied, error.Category);
        Assert.Equal((403, "Forbidden"), (error.HttpStatus, error.ServiceErrorCode));
        Assert.Contains("No application access policy found for this app", error.Message, StringComparison.Ordinal);
        Assert.Contains($"New-CsApplicationAccessPolicy -Identity ACS-Teams-Meetings -AppIds {SandboxIds.FabrikamAdminClientId}", error.RecommendedAction, StringComparison.Ordinal);
        Assert.Contains($"Grant-CsApplicationAccessPolicy -PolicyName ACS-Teams-Meetings -Identity {SandboxIds.FabrikamTeamsUserId}", error.RecommendedAction, StringComparison.Ordinal);
        Assert.Contains("-Global", error.RecommendedAction, StringComparison.Ordinal);
        Assert.Equal(SandboxIds.FabrikamTeamsUserUpn, error.Target);
        Assert.False(error.FailsEveryInput);

        // Granting the policy (what the remedy's commands do) is the fix.
        sandbox.State.Update(data =>
        {
            var policy = new ApplicationAccessPolicyData { Identity = MeetingOperations.SuggestedPolicyName };
            policy.AppIds.Add(SandboxIds.FabrikamAdminClientId);
            policy.GrantedToUserIds.Add(SandboxIds.FabrikamTeamsUserId);
            FabrikamConnections.Tenant(data).ApplicationAccessPolicies.Add(policy);
        });
        Assert.NotNull(await MeetingOperations.CreateAsync(connection, Request(SandboxIds.FabrikamTeamsUserUpn), OperationContext.Unattended()));
    }

    [Fact]
    public async Task Least_privilege_is_OnlineMeetings_ReadWrite_All_for_an_object_id_plus_User_ReadBasic_All_for_a_UPN_and_a_403_names_it()
    {
        using var sandbox = new SandboxService();
        using var meetingsOnly = await SandboxConnections.ConnectWithRolesAsync(sandbox, "OnlineMeetings.ReadWrite.All");
        using var withLookup = await SandboxConnections.ConnectWithRolesAsync(sandbox, "OnlineMeetings.ReadWrite.All", "User.ReadBasic.All");
        using var lookupOnly = await SandboxConnections.ConnectWithRolesAsync(sandbox, "User.ReadBasic.All");

        var byId = await MeetingOperations.CreateAsync(meetingsOnly, Request(SandboxIds.FabrikamTeamsUserId), OperationContext.Unattended());
        var byUpn = await MeetingOperations.CreateAsync(withLookup, Request(SandboxIds.FabrikamTeamsUserUpn), OperationContext.Unattended());
        var noLookup = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => MeetingOperations.CreateAsync(meetingsOnly, Request(SandboxIds.FabrikamTeamsUserUpn), OperationContext.Unattended()));
        var noCreate = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => MeetingOperations.CreateAsync(lookupOnly, Request(SandboxIds.FabrikamTeamsUserUpn), OperationContext.Unattended()));

        Assert.NotNull(byId);
        Assert.NotNull(byUpn);
        Assert.Equal(ErrorIds.InsufficientPrivileges, noLookup.ErrorId);
        Assert.EndsWith("This needs the Microsoft Graph permission User.ReadBasic.All.", noLookup.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorIds.InsufficientPrivileges, noCreate.ErrorId);
        Assert.EndsWith("This needs the Microsoft Graph permission OnlineMeetings.ReadWrite.All.", noCreate.Message, StringComparison.Ordinal);
        Assert.True(noCreate.FailsEveryInput);
    }

    [Fact]
    public async Task A_UPN_nobody_has_is_ResourceNotFound_naming_OrganizerId_and_nothing_is_created()
    {
        using var connection = await SandboxConnections.ConnectAsync();
        var sandbox = connection.Emulator();

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => MeetingOperations.CreateAsync(connection, Request("nobody@fabrikam.onmicrosoft.com"), OperationContext.Unattended()));

        Assert.Equal(ErrorIds.ResourceNotFound, error.ErrorId);
        Assert.StartsWith("-OrganizerId: there is no user 'nobody@fabrikam.onmicrosoft.com'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(sandbox.Requests.Entries, entry => entry.Method == "POST" && entry.PathAndQuery.Contains("onlineMeetings", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_meeting_judged_by_its_own_lobby_option_everyone_lets_ACS_users_in_and_organization_keeps_them_waiting()
    {
        using var connection = await SandboxConnections.ConnectAsync();
        var open = await MeetingOperations.CreateAsync(connection, Request(SandboxIds.FabrikamTeamsUserId, lobby: "everyone"), OperationContext.Unattended());
        var closed = await MeetingOperations.CreateAsync(connection, Request(SandboxIds.FabrikamTeamsUserId, lobby: "organization"), OperationContext.Unattended());

        // The organizer's policy would keep them waiting; the meeting's own option decides for it.
        var policy = new TeamsJoinSettings { MeetingPolicy = new TeamsMeetingPolicySettings { AutoAdmittedUsers = "EveryoneInCompany" } };
        var openVerdict = AnonymousJoinEvaluator.Evaluate(policy with { Meeting = MeetingLobbyOptions.From(open!) });
        var closedVerdict = AnonymousJoinEvaluator.Evaluate(policy with { Meeting = MeetingLobbyOptions.From(closed!) });

        Assert.True(openVerdict.CanJoin);
        Assert.False(openVerdict.WaitsInLobby);
        Assert.Equal(open!.Subject, openVerdict.Meeting);
        Assert.Contains($"the meeting '{open.Subject}'", openVerdict.Verdict, StringComparison.Ordinal);
        Assert.True(closedVerdict.WaitsInLobby);
        var lobby = Assert.Single(closedVerdict.Findings, finding => finding.Setting == "LobbyBypassScope");
        Assert.Equal($"Update-MgUserOnlineMeeting -UserId {SandboxIds.FabrikamTeamsUserId} -OnlineMeetingId {closed!.MeetingId} -BodyParameter @{{ lobbyBypassSettings = @{{ scope = 'everyone' }} }}", lobby.Remedy);
        Assert.Equal(FindingEffect.Info, closedVerdict.Findings.Single(finding => finding.Setting == "AutoAdmittedUsers").Effect);
        Assert.Equal([lobby.Remedy!], closedVerdict.Remedies);
        Assert.Empty(openVerdict.Remedies);

        // Without a meeting, the policy's lobby stays a finding: admitting every anonymous user is not a routine fix.
        var policyOnly = AnonymousJoinEvaluator.Evaluate(policy);
        Assert.True(policyOnly.WaitsInLobby);
        Assert.Empty(policyOnly.Remedies);
    }

    [Theory]
    [InlineData("disabled", FindingEffect.FeatureLoss)]
    [InlineData("limited", FindingEffect.Info)]
    [InlineData("enabled", FindingEffect.Info)]
    public void A_meetings_own_chat_option_is_judged_with_the_policy(string chat, FindingEffect effect)
    {
        var meeting = new MeetingLobbyOptions("Chat", "m1", SandboxIds.FabrikamTeamsUserId, "everyone", chat);

        var verdict = AnonymousJoinEvaluator.Evaluate(new TeamsJoinSettings { Meeting = meeting });

        Assert.Equal(effect, verdict.Findings.Single(finding => finding.Setting == "AllowMeetingChat").Effect);
    }

    [Theory]
    [InlineData("nobody", null, null, null, null, "OrganizerId", ErrorIds.InvalidInput)]
    [InlineData("6e7f8091-a2b3-4c4d-8e5f", null, null, null, null, "OrganizerId", ErrorIds.InvalidGuid)]
    [InlineData("", null, null, null, null, "OrganizerId", ErrorIds.MissingParameter)]
    [InlineData(SandboxIds.FabrikamTeamsUserUpn, " ", null, null, null, "Subject", ErrorIds.MissingParameter)]
    [InlineData(SandboxIds.FabrikamTeamsUserUpn, "line\nbreak", null, null, null, "Subject", ErrorIds.InvalidInput)]
    [InlineData(SandboxIds.FabrikamTeamsUserUpn, null, -2.0, null, null, "StartDateTime", ErrorIds.InvalidInput)]
    [InlineData(SandboxIds.FabrikamTeamsUserUpn, null, 400.0, null, null, "StartDateTime", ErrorIds.InvalidInput)]
    [InlineData(SandboxIds.FabrikamTeamsUserUpn, null, 1.0, 0.5, null, "EndDateTime", ErrorIds.InvalidInput)]
    [InlineData(SandboxIds.FabrikamTeamsUserUpn, null, 1.0, 1.0, null, "EndDateTime", ErrorIds.InvalidInput)]
    [InlineData(SandboxIds.FabrikamTeamsUserUpn, null, 1.0, 3.0, null, "EndDateTime", ErrorIds.InvalidInput)]
    [InlineData(SandboxIds.FabrikamTeamsUserUpn, null, null, null, "nobody", "LobbyBypassScope", ErrorIds.InvalidInput)]
    public void Bad_values_are_refused_naming_the_parameter_before_any_request(string organizer, string? subject, double? startDays, double? endDays, string? lobby, string parameter, string errorId)
    {
        var error = Assert.Throws<AcsTeamsAdminException>(() => TeamsMeetingRequest.Parse(organizer, subject,
            startDays is { } s ? Now.AddDays(s) : null, endDays is { } e ? Now.AddDays(e) : null, lobby, Now));

        Assert.Equal(errorId, error.ErrorId);
        Assert.StartsWith($"-{parameter}:", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.RecommendedAction);
    }

    [Fact]
    public void Defaults_are_now_for_an_hour_in_whole_seconds_and_the_lobby_scope_is_read_in_any_case()
    {
        var now = Now.AddMilliseconds(750);

        var plain = TeamsMeetingRequest.Parse(SandboxIds.FabrikamTeamsUserId, null, null, null, null, now);
        var later = TeamsMeetingRequest.Parse(SandboxIds.FabrikamTeamsUserId, "  Subject  ", Now.AddHours(2), null, "ORGANIZATIONandFEDERATED", now);

        Assert.Equal((Now, Now.AddHours(1)), (plain.Start, plain.End));
        Assert.Null(plain.LobbyBypassScope);
        Assert.Equal("Subject", later.Subject);
        Assert.Equal(Now.AddHours(3), later.End);
        Assert.Equal("organizationAndFederated", later.LobbyBypassScope);
    }

    [Fact]
    public async Task A_create_whose_answer_is_lost_is_sent_once_and_says_the_meeting_may_exist_instead_of_re_running_is_safe()
    {
        using var connection = await SandboxConnections.ConnectAsync();
        var sandbox = connection.Emulator();
        sandbox.Faults.Add(new FaultRule
        {
            Kind = FaultKind.ConnectionReset, AfterProcessing = true, Rate = 1, Method = "POST", PathPrefix = "/v1.0/users/", MaxFaults = 1,
        });
        sandbox.Requests.Clear();

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() =>
            MeetingOperations.CreateAsync(connection, Request(SandboxIds.FabrikamTeamsUserId, "Lost answer"), OperationContext.Unattended()));

        Assert.Equal(ErrorIds.ConnectionFailed, error.ErrorId);
        Assert.StartsWith("The meeting may have been created: look for 'Lost answer' in the Teams calendar", error.RecommendedAction, StringComparison.Ordinal);
        Assert.DoesNotContain("safe", error.RecommendedAction, StringComparison.OrdinalIgnoreCase);
        Assert.Single(sandbox.Requests.Entries, entry => entry.Method == "POST");
    }

    private static TeamsMeetingRequest Request(string organizer, string? subject = null, string? lobby = null) =>
        TeamsMeetingRequest.Parse(organizer, subject, null, null, lobby, DateTimeOffset.UtcNow);
}
