using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.Readiness;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Tests.Support;
using System.Text.Json.Nodes;

namespace AcsTeamsAdmin.Tests.Readiness;

/// <summary>Initialize-AcsTeams: converges in one run, writes nothing the second time, and -WhatIf writes nothing at all.</summary>
public class SetupOperationsTests
{
    private static readonly SetupRequest IsvApp = new() { AppIds = [ReadyWorld.Calling], MultiTenant = true };

    [Fact]
    public async Task An_empty_customer_tenant_converges_in_one_run_and_the_second_run_makes_no_write()
    {
        using var sandbox = new SandboxService(SandboxSeed.Create(new SandboxSeedOptions { IncludeEmptyTenant = true }));
        using var connection = await ConnectToEmptyTenantAsync(sandbox);

        var (first, firstReport) = await SetupOperations.InitializeAsync(connection, IsvApp, new RecordingHost().Context());
        var writesOfFirst = Writes(sandbox);
        sandbox.Requests.Clear();
        var (second, secondReport) = await SetupOperations.InitializeAsync(connection, IsvApp, new RecordingHost().Context());

        Assert.Equal(
            [(SetupOperations.AcsServicePrincipalStep, SetupStepResult.Changed), (SetupOperations.AppRegistrationStep, SetupStepResult.NotApplicable), (SetupOperations.AdminConsentStep, SetupStepResult.Changed)],
            first.Select(step => (step.Step, step.Result)));
        Assert.Empty(ReadyWorld.Failing(firstReport));
        Assert.Equal(3, writesOfFirst.Length);
        Assert.All(second, step => Assert.NotEqual(SetupStepResult.Changed, step.Result));
        Assert.Empty(Writes(sandbox));
        Assert.Equal(firstReport.Select(check => (check.Name, check.Status)), secondReport.Select(check => (check.Name, check.Status)));
    }

    [Fact]
    public async Task In_the_app_s_own_tenant_both_roles_fix_everything_in_one_run_keeping_the_app_s_other_permissions()
    {
        using var sandbox = new SandboxService();
        using var connection = await ContosoConnections.ConnectAsync(sandbox);
        ContosoConnections.Edit(sandbox, ContosoConnections.CallingAppId, app =>
        {
            app["isFallbackPublicClient"] = false;
            app["publicClient"] = new JsonObject { ["redirectUris"] = new JsonArray() };
            app["signInAudience"] = "AzureADMyOrg";
        });
        var before = ContosoConnections.Permissions(sandbox, ContosoConnections.CallingAppId);
        Assert.NotEmpty(ReadyWorld.Failing(await ReadyWorld.CheckAsync(connection)));

        var (steps, report) = await SetupOperations.InitializeAsync(connection, IsvApp, new RecordingHost().Context());
        sandbox.Requests.Clear();
        var (again, _) = await SetupOperations.InitializeAsync(connection, IsvApp, new RecordingHost().Context());

        Assert.All(steps, step => Assert.Equal(SetupStepResult.Changed, step.Result));
        Assert.Empty(ReadyWorld.Failing(report));
        Assert.Equal(before, ContosoConnections.Permissions(sandbox, ContosoConnections.CallingAppId).Take(before.Count));
        Assert.All(again, step => Assert.Equal(SetupStepResult.NoChange, step.Result));
        Assert.Empty(Writes(sandbox));
    }

    [Fact]
    public async Task WhatIf_plans_every_step_writes_nothing_and_still_reports()
    {
        using var sandbox = new SandboxService();
        using var connection = await ContosoConnections.ConnectAsync(sandbox);
        var whatIf = new RecordingHost(approve: false);
        sandbox.Requests.Clear();

        var (steps, report) = await SetupOperations.InitializeAsync(connection, IsvApp, whatIf.Context());

        Assert.Equal(
            [(SetupOperations.AcsServicePrincipalStep, SetupStepResult.WouldChange), (SetupOperations.AppRegistrationStep, SetupStepResult.WouldChange), (SetupOperations.AdminConsentStep, SetupStepResult.WouldChange)],
            steps.Select(step => (step.Step, step.Result)));
        Assert.StartsWith("Would: Create", steps[0].Detail, StringComparison.Ordinal);
        Assert.Contains("Teams.ManageCalls", steps[1].Detail, StringComparison.Ordinal);
        Assert.Empty(Writes(sandbox));
        Assert.Contains(report, check => check.Name == ReadinessCheckNames.AcsServicePrincipal && check.Status == ReadinessStatus.Fail);
    }

    [Fact]
    public async Task A_role_not_asked_for_is_not_run()
    {
        using var sandbox = new SandboxService();
        using var connection = await ContosoConnections.ConnectAsync(sandbox);

        var (steps, _) = await SetupOperations.InitializeAsync(connection, IsvApp with { Roles = SetupRoles.AppOwner }, new RecordingHost().Context());

        Assert.Equal([SetupStepResult.NotApplicable, SetupStepResult.Changed, SetupStepResult.NotApplicable], steps.Select(step => step.Result));
        Assert.Equal(0, SandboxConnections.ServicePrincipalCount(sandbox, SandboxIds.ContosoTenantId, SandboxIds.AcsAppId));
    }

    /// <summary>Graph requests that could change something: the $batch POST is a read and is left out.</summary>
    private static RequestLogEntry[] Writes(SandboxService sandbox) =>
        SandboxConnections.GraphWrites(sandbox).Where(entry => entry.PathAndQuery != "/v1.0/$batch").ToArray();

    private static Task<AcsTeamsAdminConnection> ConnectToEmptyTenantAsync(SandboxService sandbox)
    {
        var token = sandbox.IssueAccessToken(new AccessTokenRequest
        {
            TenantId = SandboxIds.EmptyTenantId,
            ClientAppId = SandboxIds.FabrikamAdminClientId,
            Roles = ["Application.ReadWrite.All", "DelegatedPermissionGrant.ReadWrite.All"],
        });
        return Connector.ConnectAsync(new ConnectionRequest
        {
            Mode = SignInMode.AccessToken,
            AccessToken = token,
            GraphEndpoint = SandboxService.InProcessBaseAddress.AbsoluteUri + "v1.0",
            Transport = sandbox.CreateHandler(),
        }, OperationContext.Unattended());
    }
}
