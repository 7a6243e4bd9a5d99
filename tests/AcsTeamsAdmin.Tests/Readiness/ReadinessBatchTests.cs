using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.Readiness;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Readiness;

/// <summary>Round trips of Test-AcsTeamsReadiness, proven with the sandbox's request log.</summary>
public class ReadinessBatchTests
{
    [Fact]
    public async Task A_ready_tenant_and_app_pass_every_check_from_one_Graph_batch_and_no_other_Graph_call()
    {
        var (sandbox, connection) = await ReadyWorld.CreateAsync();
        using var _ = connection;

        var checks = await ReadyWorld.CheckAsync(connection);

        Assert.Empty(ReadyWorld.Failing(checks));
        Assert.All(checks.Where(check => check.Name is not (ReadinessCheckNames.AcsEndpoint or ReadinessCheckNames.TeamsUser or ReadinessCheckNames.TeamsUserToken)),
            check => Assert.Equal(ReadinessStatus.Pass, check.Status));
        var graph = sandbox.Requests.Entries.Where(entry => entry.PathAndQuery.StartsWith("/v1.0/", StringComparison.Ordinal) && entry.ParentSequence is null).ToArray();
        var batch = Assert.Single(graph);
        Assert.Equal("POST", batch.Method);
        Assert.Equal("/v1.0/$batch", batch.PathAndQuery);
        var steps = sandbox.Requests.Entries.Where(entry => entry.ParentSequence == batch.Sequence).Select(entry => entry.PathAndQuery).ToArray();
        Assert.Equal(4, steps.Length);
        Assert.Contains(steps, step => step.StartsWith($"/v1.0/servicePrincipals(appId='{SandboxIds.AcsAppId}')", StringComparison.Ordinal));
        Assert.Contains(steps, step => step.StartsWith("/v1.0/oauth2PermissionGrants?$filter=consentType%20eq%20'AllPrincipals'", StringComparison.Ordinal));
        Assert.Contains(steps, step => step.StartsWith($"/v1.0/servicePrincipals?$filter=appId%20in%20('{ReadyWorld.Calling}')", StringComparison.Ordinal));
        Assert.Contains(steps, step => step.StartsWith($"/v1.0/applications?$filter=appId%20in%20('{ReadyWorld.Calling}')", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(20)]
    [InlineData(21)]
    [InlineData(100)]
    public async Task N_apps_take_at_most_ceil_N_over_20_batches_of_at_most_20_steps_and_no_other_Graph_call(int apps)
    {
        var (sandbox, connection) = await ReadyWorld.CreateAsync();
        using var _ = connection;
        var appIds = Enumerable.Range(0, apps).Select(index => index == 0 ? ReadyWorld.Calling : new AppId(Guid.NewGuid())).ToArray();
        var host = new RecordingHost();

        var checks = await ReadinessOperations.TestAsync(connection, new ReadinessRequest { AppIds = appIds, MultiTenant = true }, host.Context());

        var graph = sandbox.Requests.Entries.Where(entry => entry.PathAndQuery.StartsWith("/v1.0/", StringComparison.Ordinal) && entry.ParentSequence is null).ToArray();
        Assert.All(graph, entry => Assert.Equal("/v1.0/$batch", entry.PathAndQuery));
        Assert.InRange(graph.Length, 1, (int)Math.Ceiling(apps / 20.0));
        Assert.All(graph, batch => Assert.InRange(sandbox.Requests.Entries.Count(entry => entry.ParentSequence == batch.Sequence), 1, 20));
        var steps = sandbox.Requests.Entries.Where(entry => entry.ParentSequence is not null).Select(entry => entry.PathAndQuery).ToArray();
        Assert.Equal(2 + (2 * (int)Math.Ceiling(apps / 15.0)), steps.Length);
        Assert.Single(steps, step => step.StartsWith($"/v1.0/servicePrincipals(appId='{SandboxIds.AcsAppId}')", StringComparison.Ordinal));
        Assert.DoesNotContain(steps, step => step.Contains("/oauth2PermissionGrants", StringComparison.Ordinal) && !step.StartsWith("/v1.0/oauth2PermissionGrants?", StringComparison.Ordinal));

        // Every app got its own verdict from the shared reads: the ready one passes, the unknown ones have no service principal.
        Assert.Equal(apps, checks.Count(check => check.Name == ReadinessCheckNames.ClientServicePrincipal));
        Assert.All(checks.Where(check => check.AppId == ReadyWorld.Calling.ToString() && check.Name != ReadinessCheckNames.TeamsUserToken),
            check => Assert.Equal(ReadinessStatus.Pass, check.Status));
        Assert.Equal(apps - 1, checks.Count(check => check.Name == ReadinessCheckNames.ClientServicePrincipal && check.Status == ReadinessStatus.Fail));
        Assert.Equal(graph.Length, host.Progress.Count(progress => !progress.Completed));
        Assert.True(host.Progress[^1].Completed);
    }

    [Fact]
    public async Task A_tenant_only_check_is_one_batch_of_one_read()
    {
        var (sandbox, connection) = await ReadyWorld.CreateAsync();
        using var _ = connection;

        var checks = await ReadinessOperations.TestAsync(connection, new ReadinessRequest(), new RecordingHost().Context());

        var batch = Assert.Single(sandbox.Requests.Entries, entry => entry.PathAndQuery.StartsWith("/v1.0/", StringComparison.Ordinal) && entry.ParentSequence is null);
        Assert.Equal("/v1.0/$batch", batch.PathAndQuery);
        Assert.Single(sandbox.Requests.Entries, entry => entry.ParentSequence == batch.Sequence);
        Assert.Equal(ReadinessStatus.Pass, checks.Single(check => check.Name == ReadinessCheckNames.AcsServicePrincipal).Status);
    }
}
