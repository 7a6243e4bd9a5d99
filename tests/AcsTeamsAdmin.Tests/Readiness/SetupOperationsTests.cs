using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.Readiness;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Tests.Support;
using System.Text.Json.Nodes;

namespace AcsTeamsAdmin.Tests.Readiness;

/// <summary>
/// Initialize-AcsTeams: planned from one readiness $batch, converges in one run, writes nothing the second time (one
/// Graph request in all), and -WhatIf asks about every change, the grant included, and writes nothing.
/// </summary>
public class SetupOperationsTests
{
    private static readonly SetupRequest IsvApp = new() { AppIds = [ReadyWorld.Calling], MultiTenant = true };

    [Fact]
    public async Task An_empty_customer_tenant_converges_in_one_run_and_the_second_run_is_one_batch_and_no_write()
    {
        using var sandbox = new SandboxService(SandboxSeed.Create(new SandboxSeedOptions { IncludeEmptyTenant = true }));
        using var connection = await ConnectToEmptyTenantAsync(sandbox);
        sandbox.Requests.Clear();

        var first = await SetupOperations.InitializeAsync(connection, IsvApp, new RecordingHost().Context());
        var requestsOfFirst = GraphRequests(sandbox);
        sandbox.Requests.Clear();
        var second = await SetupOperations.InitializeAsync(connection, IsvApp, new RecordingHost().Context());

        Assert.Equal(
            [ReadinessCheckNames.AcsServicePrincipal, ReadinessCheckNames.ClientServicePrincipal, ReadinessCheckNames.AdminConsent],
            first.Where(check => check.Change == SetupChange.Changed).Select(check => check.Name));
        // The app is Contoso's, registered in its own tenant: its registration is not this tenant's to change.
        Assert.All(first.Where(check => check.Name.StartsWith("App", StringComparison.Ordinal) && check.Name is not (ReadinessCheckNames.AppRegistration or ReadinessCheckNames.AppPublisher)),
            check => Assert.Equal(SetupChange.NotApplicable, check.Change));
        Assert.Empty(ReadyWorld.Failing(first));

        // The plan's one batch, then the three writes; nothing read twice (the writes answer with what they made).
        Assert.Equal(["POST /v1.0/$batch", "PATCH /v1.0/servicePrincipals(appId=", "PATCH /v1.0/servicePrincipals(appId=", "POST /v1.0/oauth2PermissionGrants"],
            requestsOfFirst.Select(request => request.Split('\'')[0]));
        Assert.DoesNotContain(second, check => check.Change is SetupChange.Changed or SetupChange.WouldChange or SetupChange.Failed);
        Assert.Equal(["POST /v1.0/$batch"], GraphRequests(sandbox));
        Assert.Equal(first.Select(check => (check.Name, check.Status)), second.Select(check => (check.Name, check.Status)));
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

        var report = await SetupOperations.InitializeAsync(connection, IsvApp, new RecordingHost().Context());
        sandbox.Requests.Clear();
        var again = await SetupOperations.InitializeAsync(connection, IsvApp, new RecordingHost().Context());

        Assert.Equal(
            [ReadinessCheckNames.AcsServicePrincipal, ReadinessCheckNames.AppAcsPermissions, ReadinessCheckNames.AppPublicClientFlows,
                ReadinessCheckNames.AppRedirectUri, ReadinessCheckNames.AppSignInAudience, ReadinessCheckNames.AdminConsent],
            report.Where(check => check.Change == SetupChange.Changed).Select(check => check.Name));
        Assert.Empty(ReadyWorld.Failing(report));
        Assert.Equal(before, ContosoConnections.Permissions(sandbox, ContosoConnections.CallingAppId).Take(before.Count));
        Assert.All(again, check => Assert.Equal(SetupChange.NoChange, check.Change));
        Assert.Equal(["POST /v1.0/$batch"], GraphRequests(sandbox));
    }

    [Fact]
    public async Task WhatIf_asks_about_every_change_the_grant_included_writes_nothing_and_reports_the_checks_as_they_are()
    {
        using var sandbox = new SandboxService();
        using var connection = await ContosoConnections.ConnectAsync(sandbox);
        var whatIf = new RecordingHost(approve: false);
        sandbox.Requests.Clear();

        var report = await SetupOperations.InitializeAsync(connection, IsvApp, whatIf.Context());

        Assert.Equal("Create", whatIf.Asked[0].Action);
        Assert.StartsWith("Add the Azure Communication Services delegated permission(s)", whatIf.Asked[1].Action, StringComparison.Ordinal);
        Assert.Equal("Grant", whatIf.Asked[^1].Action);
        Assert.Contains("Teams.ManageCalls Teams.ManageChats", whatIf.Asked[^1].Target, StringComparison.Ordinal);
        Assert.Equal([ReadinessCheckNames.AcsServicePrincipal, ReadinessCheckNames.AppAcsPermissions, ReadinessCheckNames.AdminConsent],
            report.Where(check => check.Change == SetupChange.WouldChange).Select(check => check.Name));
        Assert.Empty(Writes(sandbox));
        Assert.Contains(report, check => check.Name == ReadinessCheckNames.AcsServicePrincipal && check.Status == ReadinessStatus.Fail);
    }

    [Fact]
    public async Task A_role_not_asked_for_is_not_run()
    {
        using var sandbox = new SandboxService();
        using var connection = await ContosoConnections.ConnectAsync(sandbox);
        ContosoConnections.Edit(sandbox, ContosoConnections.CallingAppId, app => app["isFallbackPublicClient"] = false);

        var report = await SetupOperations.InitializeAsync(connection, IsvApp with { Roles = SetupRoles.AppOwner }, new RecordingHost().Context());

        Assert.Equal([ReadinessCheckNames.AcsServicePrincipal, ReadinessCheckNames.AdminConsent],
            report.Where(check => check.Change == SetupChange.NotApplicable).Select(check => check.Name));
        Assert.Equal(SetupChange.Changed, report.Single(check => check.Name == ReadinessCheckNames.AppPublicClientFlows).Change);
        Assert.Equal(0, SandboxConnections.ServicePrincipalCount(sandbox, SandboxIds.ContosoTenantId, SandboxIds.AcsAppId));
    }

    /// <summary>Method and path of every Graph request, in order; $batch steps are left out (the batch is one request).</summary>
    private static string[] GraphRequests(SandboxService sandbox) =>
        sandbox.Requests.Entries.Where(entry => entry.ParentSequence is null && entry.PathAndQuery.StartsWith("/v1.0/", StringComparison.Ordinal))
            .OrderBy(entry => entry.Sequence).Select(entry => $"{entry.Method} {entry.PathAndQuery.Split('?')[0]}").ToArray();

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
