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
        Assert.All(checks.Where(check => check.Name is not (ReadinessCheckNames.AcsEndpoint or ReadinessCheckNames.TeamsUserToken)),
            check => Assert.Equal(ReadinessStatus.Pass, check.Status));
        var graph = sandbox.Requests.Entries.Where(entry => entry.PathAndQuery.StartsWith("/v1.0/", StringComparison.Ordinal) && entry.ParentSequence is null).ToArray();
        var batch = Assert.Single(graph);
        Assert.Equal("POST", batch.Method);
        Assert.Equal("/v1.0/$batch", batch.PathAndQuery);
        Assert.Equal(3, sandbox.Requests.Entries.Count(entry => entry.ParentSequence == batch.Sequence));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(9, 1)]
    [InlineData(10, 2)]
    [InlineData(25, 3)]
    public async Task Many_apps_share_the_tenant_read_and_go_twenty_reads_to_a_batch(int apps, int expectedBatches)
    {
        var (sandbox, connection) = await ReadyWorld.CreateAsync();
        using var _ = connection;
        var appIds = Enumerable.Range(0, apps).Select(index => index == 0 ? ReadyWorld.Calling : new AppId(Guid.NewGuid())).ToArray();
        var host = new RecordingHost();

        var checks = await ReadinessOperations.TestAsync(connection, new ReadinessRequest { AppIds = appIds }, host.Context());

        var batches = sandbox.Requests.Entries.Where(entry => entry.PathAndQuery == "/v1.0/$batch").ToArray();
        Assert.Equal(expectedBatches, batches.Length);
        Assert.Equal((int)Math.Ceiling((1 + (2 * apps)) / 20.0), batches.Length);
        Assert.Equal(1, sandbox.Requests.Entries.Count(entry => entry.PathAndQuery.StartsWith($"/v1.0/servicePrincipals(appId='{SandboxIds.AcsAppId}')", StringComparison.Ordinal)));
        Assert.DoesNotContain(sandbox.Requests.Entries, entry => entry.PathAndQuery.StartsWith("/v1.0/", StringComparison.Ordinal) && entry.ParentSequence is null && entry.PathAndQuery != "/v1.0/$batch");
        Assert.Equal(apps, checks.Where(check => check.Name == ReadinessCheckNames.ClientServicePrincipal).Count());
        Assert.Equal(expectedBatches, host.Progress.Count(progress => !progress.Completed));
        Assert.True(host.Progress[^1].Completed);
    }
}
