using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.Readiness;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Readiness;

/// <summary>
/// The TeamsUser check (-TeamsUserId): the user is in the tenant, enabled, and holds an enabled Microsoft Teams plan,
/// read in the same Graph $batch as every other check (never a request of its own), with User.Read.All as its least
/// privilege; and Initialize-AcsTeams, which cannot assign a licence, never reads it.
/// </summary>
public class TeamsUserCheckTests
{
    private static readonly AppId FabrikamApp = AppId.Parse(SandboxIds.FabrikamAdminClientId);

    [Theory]
    [InlineData(SandboxIds.FabrikamTeamsUserUpn)]
    [InlineData(SandboxIds.FabrikamTeamsUserId)]
    public async Task A_licensed_enabled_user_passes_by_UPN_or_object_id_in_the_same_single_batch(string user)
    {
        using var connection = await SandboxConnections.ConnectAsync();
        var sandbox = connection.Emulator();
        sandbox.Requests.Clear();

        var check = await CheckAsync(connection, user, FabrikamApp);

        Assert.Equal(ReadinessStatus.Pass, check.Status);
        Assert.Contains("TeamspaceAPI", check.Detail, StringComparison.Ordinal);
        Assert.Null(check.Remedy);
        var graph = sandbox.Requests.Entries.Where(entry => entry.PathAndQuery.StartsWith("/v1.0/", StringComparison.Ordinal) && entry.ParentSequence is null).ToArray();
        var batch = Assert.Single(graph);
        Assert.Equal("/v1.0/$batch", batch.PathAndQuery);
        var steps = sandbox.Requests.Entries.Where(entry => entry.ParentSequence == batch.Sequence).Select(entry => Uri.UnescapeDataString(entry.PathAndQuery)).ToArray();
        Assert.Single(steps, step => step.StartsWith($"/v1.0/users/{user}?$select=id,userPrincipalName,displayName,accountEnabled,assignedPlans", StringComparison.Ordinal));
        Assert.Equal(5, steps.Length);
    }

    [Fact]
    public async Task A_user_without_a_Teams_plan_fails_with_the_licence_remedy_and_the_note_that_setup_will_not_assign_one()
    {
        using var connection = await SandboxConnections.ConnectAsync();

        var check = await CheckAsync(connection, SandboxIds.FabrikamUnlicensedUserUpn);

        Assert.Equal(ReadinessStatus.Fail, check.Status);
        Assert.Equal(ReadinessAppliesTo.TeamsIdentity, check.AppliesTo);
        Assert.Contains("holds no Microsoft Teams plan", check.Detail, StringComparison.Ordinal);
        Assert.Contains("enabled services: exchange, SharePoint", check.Detail, StringComparison.Ordinal);
        Assert.Contains("Initialize-AcsTeams does not assign licences", check.Detail, StringComparison.Ordinal);
        Assert.StartsWith($"Set-MgUserLicense -UserId {SandboxIds.FabrikamUnlicensedUserId} -AddLicenses", check.Remedy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_account_fails_with_the_command_that_enables_it()
    {
        using var connection = await SandboxConnections.ConnectAsync();

        var check = await CheckAsync(connection, SandboxIds.FabrikamDisabledUserUpn);

        Assert.Equal(ReadinessStatus.Fail, check.Status);
        Assert.Contains("is disabled", check.Detail, StringComparison.Ordinal);
        // The Remedy is a command to run as it is: where else to do it is said in the Detail.
        Assert.Equal($"Update-MgUser -UserId {SandboxIds.FabrikamDisabledUserId} -AccountEnabled:$true", check.Remedy);
        Assert.Contains("Entra admin center", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_the_tenant_does_not_have_fails_and_says_so()
    {
        using var connection = await SandboxConnections.ConnectAsync();

        var check = await CheckAsync(connection, "nobody@fabrikam.onmicrosoft.com");

        Assert.Equal(ReadinessStatus.Fail, check.Status);
        Assert.StartsWith("There is no user 'nobody@fabrikam.onmicrosoft.com' in tenant " + SandboxIds.FabrikamTenantId, check.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Suspended", ReadinessStatus.Fail, "but it is Suspended: the subscription behind the licence has lapsed", "-AddLicenses @(@{SkuId = '<skuId of a licence")]
    [InlineData("LockedOut", ReadinessStatus.Fail, "but it is LockedOut: the subscription behind the licence has lapsed", "-AddLicenses @(@{SkuId = '<skuId of a licence")]
    [InlineData("Deleted", ReadinessStatus.Fail, "but it is Deleted: Teams is turned off in the user's licence", "DisabledPlans = @()")]
    [InlineData("Warning", ReadinessStatus.Pass, "grace period", null)]
    public async Task The_Teams_plans_capability_status_decides(string status, ReadinessStatus expected, string words, string? remedy)
    {
        using var connection = await SandboxConnections.ConnectAsync();
        connection.Emulator().State.Update(data =>
            FabrikamConnections.Tenant(data).Users.Single(user => user.Id == SandboxIds.FabrikamTeamsUserId)
                .AssignedPlans.Single(plan => plan.Service == "TeamspaceAPI").CapabilityStatus = status);

        var check = await CheckAsync(connection, SandboxIds.FabrikamTeamsUserId);

        Assert.Equal(expected, check.Status);
        Assert.Contains(words, check.Detail, StringComparison.Ordinal);
        if (remedy is not null)
        {
            // A plan turned off inside the licence is not fixed by adding another licence: the remedy re-enables it.
            Assert.Contains(remedy, check.Remedy, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Without_TeamsUserId_the_check_is_skipped_and_the_batch_reads_no_user()
    {
        using var connection = await SandboxConnections.ConnectAsync();
        var sandbox = connection.Emulator();
        sandbox.Requests.Clear();

        var checks = await ReadinessOperations.TestAsync(connection, new ReadinessRequest { AppIds = [FabrikamApp] }, OperationContext.Unattended());

        Assert.Equal(ReadinessStatus.Skipped, checks.Single(check => check.Name == ReadinessCheckNames.TeamsUser).Status);
        Assert.DoesNotContain(sandbox.Requests.Entries, entry => entry.PathAndQuery.Contains("/users/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Least_privilege_is_User_Read_All_next_to_the_two_readiness_reads_and_without_it_the_403_names_it()
    {
        using var sandbox = new SandboxService();
        using var enough = await SandboxConnections.ConnectWithRolesAsync(sandbox, "Application.Read.All", "DelegatedPermissionGrant.Read.All", "User.Read.All");
        using var basic = await SandboxConnections.ConnectWithRolesAsync(sandbox, "Application.Read.All", "DelegatedPermissionGrant.Read.All", "User.ReadBasic.All");

        var pass = await CheckAsync(enough, SandboxIds.FabrikamTeamsUserUpn, FabrikamApp);
        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => CheckAsync(basic, SandboxIds.FabrikamTeamsUserUpn, FabrikamApp));

        Assert.Equal(ReadinessStatus.Pass, pass.Status);
        Assert.Equal(ErrorIds.InsufficientPrivileges, error.ErrorId);
        Assert.Equal(403, error.HttpStatus);
        Assert.StartsWith($"Reading the Teams user {SandboxIds.FabrikamTeamsUserUpn}:", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("This needs the Microsoft Graph permission User.Read.All.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Initialize_AcsTeams_reads_no_user_and_reports_no_TeamsUser_check()
    {
        using var connection = await SandboxConnections.ConnectAsync();
        var sandbox = connection.Emulator();
        sandbox.Requests.Clear();

        var checks = await SetupOperations.InitializeAsync(connection, new SetupRequest { AppIds = [FabrikamApp] }, OperationContext.Unattended());

        Assert.DoesNotContain(checks, check => check.Name == ReadinessCheckNames.TeamsUser);
        Assert.DoesNotContain(sandbox.Requests.Entries, entry => entry.PathAndQuery.Contains("/users/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("adele@fabrikam.onmicrosoft.com", null)]
    [InlineData("6e7f8091-a2b3-4c4d-8e5f-607182930a05", null)]
    [InlineData("adele_contoso.com#EXT#@fabrikam.onmicrosoft.com", null)]
    [InlineData("adele", ErrorIds.InvalidInput)]
    [InlineData("6e7f8091-a2b3-4c4d-8e5f", ErrorIds.InvalidGuid)]
    [InlineData("{6e7f8091-a2b3-4c4d-8e5f-607182930a05}", ErrorIds.InvalidGuid)]
    [InlineData("adele@fabrikam", ErrorIds.InvalidInput)]
    [InlineData("a dele@fabrikam.onmicrosoft.com", ErrorIds.InvalidInput)]
    [InlineData(" ", ErrorIds.MissingParameter)]
    public void TeamsUserId_alone_takes_an_object_id_or_a_UPN_and_refuses_anything_else_naming_the_parameter(string value, string? errorId)
    {
        if (errorId is null)
        {
            Assert.Equal(value, ReadinessRequest.Parse(teamsUserId: value).TeamsUser!.ToString());
            return;
        }

        var error = Assert.Throws<AcsTeamsAdminException>(() => ReadinessRequest.Parse(teamsUserId: value));
        Assert.Equal(errorId, error.ErrorId);
        Assert.StartsWith("-TeamsUserId:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_Teams_token_the_user_must_be_the_tokens_object_id_and_is_checked_too()
    {
        var token = TestTokens.Create(new Dictionary<string, object> { ["aud"] = "https://auth.msft.communication.azure.com", ["oid"] = SandboxIds.FabrikamTeamsUserId });

        var parsed = ReadinessRequest.Parse(appId: [SandboxIds.FabrikamAdminClientId], teamsUserToken: token, teamsUserId: SandboxIds.FabrikamTeamsUserId);
        var error = Assert.Throws<AcsTeamsAdminException>(() =>
            ReadinessRequest.Parse(appId: [SandboxIds.FabrikamAdminClientId], teamsUserToken: token, teamsUserId: SandboxIds.FabrikamTeamsUserUpn));

        Assert.Equal(Guid.Parse(SandboxIds.FabrikamTeamsUserId), parsed.TeamsUser!.ObjectId);
        Assert.Equal(ErrorIds.InvalidGuid, error.ErrorId);
        Assert.StartsWith("-TeamsUserId:", error.Message, StringComparison.Ordinal);
    }

    private static async Task<ReadinessCheck> CheckAsync(AcsTeamsAdminConnection connection, string user, params AppId[] apps)
    {
        var request = new ReadinessRequest { AppIds = apps, TeamsUser = UserReference.Parse("TeamsUserId", user) };
        var checks = await ReadinessOperations.TestAsync(connection, request, OperationContext.Unattended());
        return checks.Single(check => check.Name == ReadinessCheckNames.TeamsUser);
    }
}
