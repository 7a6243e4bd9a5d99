using AcsTeamsAdmin.Sandbox;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using static AcsTeamsAdmin.Tests.Sandbox.SandboxTestKit;

namespace AcsTeamsAdmin.Tests.Sandbox;

/// <summary>
/// GET /users/{id | UPN} and POST /users/{id}/onlineMeetings through the Graph SDK: Graph's default properties, the
/// permission each read and write needs (User.ReadBasic.All reads names only; User.Read.All accountEnabled and
/// assignedPlans; OnlineMeetings.ReadWrite.All plus a Teams application access policy for an app; a signed-in user
/// only for themself), and the onlineMeeting's shape.
/// </summary>
public sealed class UsersAndMeetingsFidelityTests
{
    private static readonly string[] LicenceProperties = ["id", "userPrincipalName", "accountEnabled", "assignedPlans"];

    [Fact]
    public async Task A_user_by_UPN_has_Graphs_default_properties_and_with_select_its_account_and_licences()
    {
        using var sandbox = new SandboxService();
        var graph = Graph(sandbox, AppToken(sandbox, "User.Read.All"));

        var plain = await graph.Users[SandboxIds.FabrikamTeamsUserUpn].GetAsync();
        var licensed = await graph.Users[SandboxIds.FabrikamTeamsUserId].GetAsync(request => request.QueryParameters.Select = LicenceProperties);
        var disabled = await graph.Users[SandboxIds.FabrikamDisabledUserUpn].GetAsync(request => request.QueryParameters.Select = LicenceProperties);

        Assert.Equal(SandboxIds.FabrikamTeamsUserId, plain!.Id);
        Assert.Null(plain.AccountEnabled);
        Assert.Null(plain.AssignedPlans);
        Assert.True(licensed!.AccountEnabled);
        var teams = Assert.Single(licensed.AssignedPlans!, plan => plan.Service == "TeamspaceAPI");
        Assert.Equal(("Enabled", Guid.Parse(SandboxIds.TeamsServicePlanId)), (teams.CapabilityStatus, teams.ServicePlanId));
        Assert.False(disabled!.AccountEnabled);
    }

    [Fact]
    public async Task User_ReadBasic_All_reads_names_but_not_licences_and_no_permission_reads_nothing()
    {
        using var sandbox = new SandboxService();
        var basic = Graph(sandbox, AppToken(sandbox, "User.ReadBasic.All"));
        var none = Graph(sandbox, AppToken(sandbox, "Application.Read.All"));

        var names = await basic.Users[SandboxIds.FabrikamTeamsUserUpn].GetAsync(request => request.QueryParameters.Select = ["id", "userPrincipalName"]);
        var licences = await Assert.ThrowsAsync<ODataError>(() => basic.Users[SandboxIds.FabrikamTeamsUserUpn].GetAsync(request => request.QueryParameters.Select = LicenceProperties));
        var denied = await Assert.ThrowsAsync<ODataError>(() => none.Users[SandboxIds.FabrikamTeamsUserUpn].GetAsync());
        var missing = await Assert.ThrowsAsync<ODataError>(() => basic.Users["nobody@fabrikam.onmicrosoft.com"].GetAsync(request => request.QueryParameters.Select = ["id"]));

        Assert.Equal(SandboxIds.FabrikamTeamsUserId, names!.Id);
        Assert.Equal((403, "Authorization_RequestDenied"), (licences.ResponseStatusCode, licences.Error!.Code));
        Assert.Equal(403, denied.ResponseStatusCode);
        Assert.Equal((404, "Request_ResourceNotFound"), (missing.ResponseStatusCode, missing.Error!.Code));
    }

    [Fact]
    public async Task An_app_with_OnlineMeetings_ReadWrite_All_and_a_policy_creates_a_meeting_with_a_join_link_and_lobby_settings()
    {
        using var sandbox = new SandboxService();
        var graph = Graph(sandbox, AppToken(sandbox, "OnlineMeetings.ReadWrite.All"));
        var start = DateTimeOffset.UtcNow.AddMinutes(5);

        var meeting = await graph.Users[SandboxIds.FabrikamTeamsUserId].OnlineMeetings.PostAsync(new OnlineMeeting
        {
            Subject = "Fidelity",
            StartDateTime = start,
            EndDateTime = start.AddMinutes(30),
            LobbyBypassSettings = new LobbyBypassSettings { Scope = LobbyBypassScope.Everyone },
        });
        var defaulted = await graph.Users[SandboxIds.FabrikamTeamsUserId].OnlineMeetings.PostAsync(new OnlineMeeting { Subject = "Default lobby" });

        Assert.StartsWith("https://teams.microsoft.com/l/meetup-join/19%3Ameeting_", meeting!.JoinWebUrl, StringComparison.Ordinal);
        Assert.Contains(SandboxIds.FabrikamTeamsUserId, Uri.UnescapeDataString(meeting.JoinWebUrl!), StringComparison.Ordinal);
        Assert.Equal(LobbyBypassScope.Everyone, meeting.LobbyBypassSettings!.Scope);
        Assert.Equal(LobbyBypassScope.OrganizationExcludingGuests, defaulted!.LobbyBypassSettings!.Scope);
        Assert.Equal(start.ToUnixTimeSeconds(), meeting.StartDateTime!.Value.ToUnixTimeSeconds());
        Assert.StartsWith("19:meeting_", meeting.ChatInfo!.ThreadId, StringComparison.Ordinal);
        Assert.Equal(SandboxIds.FabrikamTeamsUserId, meeting.Participants!.Organizer!.Identity!.User!.Id);
        Assert.Equal(OnlineMeetingPresenters.Everyone, meeting.AllowedPresenters);
        Assert.Equal(MeetingChatMode.Enabled, meeting.AllowMeetingChat);
        Assert.Equal(2, sandbox.State.Read(data => data.Tenants.Single(tenant => tenant.Id == SandboxIds.FabrikamTenantId).OnlineMeetings.Count));
    }

    [Fact]
    public async Task Without_an_application_access_policy_naming_the_app_Graph_answers_403_as_documented()
    {
        using var sandbox = new SandboxService(SandboxSeed.Create(new SandboxSeedOptions { MeetingPolicyForAdminApp = false }));
        var graph = Graph(sandbox, AppToken(sandbox, "OnlineMeetings.ReadWrite.All"));

        var error = await Assert.ThrowsAsync<ODataError>(() => graph.Users[SandboxIds.FabrikamTeamsUserId].OnlineMeetings.PostAsync(new OnlineMeeting { Subject = "No policy" }));

        Assert.Equal(403, error.ResponseStatusCode);
        Assert.Equal("Forbidden", error.Error!.Code);
        Assert.Equal("No application access policy found for this app", error.Error.Message);
    }

    [Fact]
    public async Task A_policy_granted_to_one_user_lets_the_app_create_meetings_for_that_user_only()
    {
        using var sandbox = new SandboxService(SandboxSeed.Create(new SandboxSeedOptions { MeetingPolicyForAdminApp = false }));
        sandbox.State.Update(data =>
        {
            var policy = new ApplicationAccessPolicyData { Identity = "Adele only" };
            policy.AppIds.Add(SandboxIds.FabrikamAdminClientId);
            policy.GrantedToUserIds.Add(SandboxIds.FabrikamTeamsUserId);
            data.Tenants.Single(tenant => tenant.Id == SandboxIds.FabrikamTenantId).ApplicationAccessPolicies.Add(policy);
        });
        var graph = Graph(sandbox, AppToken(sandbox, "OnlineMeetings.ReadWrite.All"));

        var allowed = await graph.Users[SandboxIds.FabrikamTeamsUserId].OnlineMeetings.PostAsync(new OnlineMeeting { Subject = "Adele" });
        var refused = await Assert.ThrowsAsync<ODataError>(() => graph.Users[SandboxIds.FabrikamAdminUserId].OnlineMeetings.PostAsync(new OnlineMeeting { Subject = "Admin" }));

        Assert.NotNull(allowed!.JoinWebUrl);
        Assert.Equal(403, refused.ResponseStatusCode);
    }

    [Fact]
    public async Task Least_privilege_for_meetings_app_role_or_delegated_scope_and_a_signed_in_user_for_themself_only()
    {
        using var sandbox = new SandboxService();
        var noRole = Graph(sandbox, AppToken(sandbox, "User.Read.All"));
        var adele = Graph(sandbox, sandbox.IssueAccessToken(new AccessTokenRequest
        {
            TenantId = SandboxIds.FabrikamTenantId, ClientAppId = SandboxIds.FabrikamAdminClientId, User = SandboxIds.FabrikamTeamsUserUpn, Scopes = ["OnlineMeetings.ReadWrite"],
        }));

        var denied = await Assert.ThrowsAsync<ODataError>(() => noRole.Users[SandboxIds.FabrikamTeamsUserId].OnlineMeetings.PostAsync(new OnlineMeeting()));
        var own = await adele.Users[SandboxIds.FabrikamTeamsUserId].OnlineMeetings.PostAsync(new OnlineMeeting { Subject = "Mine" });
        var other = await Assert.ThrowsAsync<ODataError>(() => adele.Users[SandboxIds.FabrikamAdminUserId].OnlineMeetings.PostAsync(new OnlineMeeting()));

        Assert.Equal((403, "Authorization_RequestDenied"), (denied.ResponseStatusCode, denied.Error!.Code));
        Assert.NotNull(own!.JoinWebUrl);
        Assert.Equal(403, other.ResponseStatusCode);
    }

    [Fact]
    public async Task A_meeting_that_ends_before_it_starts_or_an_unknown_lobby_scope_is_400()
    {
        using var sandbox = new SandboxService();
        using var http = Http(sandbox);
        async Task<int> Post(string json)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1.0/users/{SandboxIds.FabrikamTeamsUserId}/onlineMeetings")
            {
                Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AppToken(sandbox, "OnlineMeetings.ReadWrite.All"));
            return (int)(await http.SendAsync(request)).StatusCode;
        }

        Assert.Equal(400, await Post("{\"startDateTime\":\"2030-01-01T10:00:00Z\",\"endDateTime\":\"2030-01-01T09:00:00Z\"}"));
        Assert.Equal(400, await Post("{\"lobbyBypassSettings\":{\"scope\":\"nobody\"}}"));
        Assert.Equal(201, await Post("{\"subject\":\"ok\"}"));
    }
}
