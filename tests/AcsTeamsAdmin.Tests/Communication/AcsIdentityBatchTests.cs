using System.Diagnostics;
using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Tests.Support;
using Xunit.Abstractions;

namespace AcsTeamsAdmin.Tests.Communication;

/// <summary>Creating many identities: bounded concurrency, exactly as many as asked, progress, per-item failures, Ctrl+C.</summary>
public sealed class AcsIdentityBatchTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Two_hundred_identities_with_at_most_eight_in_flight_make_exactly_two_hundred_and_report_progress()
    {
        using var sandbox = new SandboxService();
        var gate = new ConcurrencyGauge(sandbox.CreateHandler());
        var host = new RecordingHost();
        var context = host.Context();
        var client = new AcsIdentityClient(AcsKeyCredential.ParseConnectionString(AcsTestKit.ConnectionString(sandbox)),
            new AcsIdentityClientOptions { Transport = new Azure.Core.Pipeline.HttpClientTransport(gate) });
        using var batch = new AcsIdentityBatch(client, null, 8, 200, context.CancellationToken);
        var created = new List<AcsIdentity>();
        var watch = Stopwatch.StartNew();

        for (var i = 0; i < 200; i++)
        {
            await batch.AddAsync(context);
            created.AddRange(batch.TakeFinished(context).Select(r => r.Value!));
        }

        created.AddRange((await batch.CompleteAsync(context)).Select(r => r.Value!));
        watch.Stop();

        Assert.Equal(200, created.Select(i => i.Id).Distinct().Count());
        Assert.Equal(200, sandbox.State.Read(d => d.AcsIdentities.Count));
        Assert.Equal(200, sandbox.Requests.Entries.Count(e => e.Method == "POST" && e.PathAndQuery.StartsWith("/identities?", StringComparison.Ordinal)));
        Assert.InRange(gate.MaxInFlight, 2, 8);
        Assert.True(host.Progress[^1].Completed);
        Assert.Equal(100, host.Progress[^1].PercentComplete);
        Assert.Contains(host.Progress, p => p.PercentComplete is > 0 and < 100);
        Assert.Equal(200, host.Lines.Count(l => l.StartsWith("VERBOSE: Created ACS identity", StringComparison.Ordinal)));
        Assert.Equal(200, host.Lines.Count(l => l.StartsWith("DEBUG: ACS POST /identities", StringComparison.Ordinal)));
        output.WriteLine($"200 identities, at most {gate.MaxInFlight} in flight, in {watch.ElapsedMilliseconds} ms ({200_000.0 / Math.Max(1, watch.ElapsedMilliseconds):0} per second), {host.Progress.Count} progress reports");
    }

    [Fact]
    public async Task A_failed_identity_is_reported_and_the_others_are_still_created()
    {
        using var sandbox = new SandboxService();
        // The third and fifth POST lose their connection; a create is never re-sent (it may have acted), so each fails once.
        sandbox.Faults.Add(new FaultRule { Kind = FaultKind.ConnectionReset, OnRequests = [3, 5], PathPrefix = "/identities" });
        var host = new RecordingHost();
        var context = host.Context();
        using var batch = new AcsIdentityBatch(AcsTestKit.Client(sandbox), null, 2, 10, context.CancellationToken);

        for (var i = 0; i < 10; i++)
        {
            await batch.AddAsync(context);
        }

        var results = await batch.CompleteAsync(context);

        Assert.Equal(8, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(ErrorIds.ConnectionFailed, Assert.IsType<AcsTeamsAdminException>(r.Error).ErrorId));
        Assert.Equal((8, 2), (batch.Succeeded, batch.Failed));
        Assert.Equal(8, sandbox.State.Read(d => d.AcsIdentities.Count));
    }

    [Fact]
    public async Task WhatIf_creates_nothing_and_sends_nothing()
    {
        using var sandbox = new SandboxService();
        var host = new RecordingHost(approve: false);
        var context = host.Context();
        using var batch = new AcsIdentityBatch(AcsTestKit.Client(sandbox), null, 8, 5, context.CancellationToken);

        for (var i = 0; i < 5; i++)
        {
            Assert.False(await batch.AddAsync(context));
        }

        Assert.Empty(await batch.CompleteAsync(context));
        Assert.Equal(5, host.Asked.Count);
        Assert.Empty(AcsTestKit.AcsCalls(sandbox));
    }

    [Fact]
    public async Task Cancelling_stops_the_batch_promptly()
    {
        using var sandbox = new SandboxService();
        using var cancel = new CancellationTokenSource();
        var slow = new ConcurrencyGauge(sandbox.CreateHandler(), TimeSpan.FromSeconds(30));
        var client = new AcsIdentityClient(AcsKeyCredential.ParseConnectionString(AcsTestKit.ConnectionString(sandbox)),
            new AcsIdentityClientOptions { Transport = new Azure.Core.Pipeline.HttpClientTransport(slow) });
        var context = new RecordingHost().Context(cancel.Token);
        using var batch = new AcsIdentityBatch(client, null, 2, 100, cancel.Token);
        await batch.AddAsync(context);
        await batch.AddAsync(context);
        var watch = Stopwatch.StartNew();

        var third = batch.AddAsync(context);
        cancel.CancelAfter(100);

        var stopped = await Record.ExceptionAsync(() => third);
        Assert.True(stopped is OperationCanceledException, $"third: {stopped}; finished: {string.Join(" | ", batch.TakeFinished(context).Select(r => r.Error?.ToString()))}");
        var results = await batch.CompleteAsync(context);
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.All(results, r => Assert.IsAssignableFrom<OperationCanceledException>(r.Error));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void A_throttle_limit_out_of_range_is_refused(int limit)
    {
        var error = Assert.Throws<AcsTeamsAdminException>(() => AcsIdentityBatch.ParseThrottleLimit(limit));

        Assert.Equal("ThrottleLimit", error.ParameterName);
    }

    /// <summary>Counts requests in flight (and can hold each one), between the client and the sandbox.</summary>
    private sealed class ConcurrencyGauge(HttpMessageHandler inner, TimeSpan? hold = null) : DelegatingHandler(inner)
    {
        private int _inFlight;

        public int MaxInFlight { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _inFlight);
            lock (this)
            {
                MaxInFlight = Math.Max(MaxInFlight, now);
            }

            try
            {
                // A little latency, as over a network, so requests overlap.
                await Task.Delay(hold ?? TimeSpan.FromMilliseconds(5), cancellationToken);
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }
}
