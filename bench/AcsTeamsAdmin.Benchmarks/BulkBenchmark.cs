using System.Diagnostics;
using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Sandbox;
using Azure.Core.Pipeline;

namespace AcsTeamsAdmin.Benchmarks;

/// <summary>
/// Bulk BYOI: N identities, each with a VoIP token, through New-AcsIdentity's engine path
/// (<see cref="AcsIdentityBatch"/>) with 20 ms added to every request, against a strictly sequential
/// loop over the same client. Results are counted and dropped as the cmdlet streams them, so managed
/// memory sampled every 10% shows whether anything piles up.
/// </summary>
internal static class BulkBenchmark
{
    public static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(20);

    private static readonly AcsTokenRequest WithToken = new(AcsTokenScopes.Of(AcsTokenScope.Voip));

    public static async Task<IReadOnlyList<BulkResult>> MeasureAsync(int count)
    {
        var results = new List<BulkResult> { await SequentialAsync(count).ConfigureAwait(false) };
        foreach (var limit in new[] { 4, AcsIdentityBatch.DefaultThrottleLimit, 16, 32, AcsIdentityBatch.MaxThrottleLimit })
        {
            results.Add(await BoundedAsync(count, limit, sample: true).ConfigureAwait(false));
        }

        return results;
    }

    public static void Print(IReadOnlyList<BulkResult> results)
    {
        var sequential = results[0].Elapsed;
        var table = new Table($"Bulk ACS identities with a token each, {Latency.TotalMilliseconds:0} ms added per request",
            "mode", "identities", "requests", "max in flight", "s", "per s", "speed-up", "heap MB min..max (every 10%)", "alloc KB per identity");
        foreach (var r in results)
        {
            table.Add(r.Mode, r.Created, r.Requests, r.MaxInFlight, r.Elapsed.TotalSeconds, r.Created / r.Elapsed.TotalSeconds,
                $"{sequential / r.Elapsed:0.0}x", $"{r.HeapMinMb:0.0}..{r.HeapMaxMb:0.0}", r.AllocatedBytes / 1024.0 / Math.Max(1, r.Created));
        }

        table.Print();
    }

    /// <summary>One identity at a time: the floor any script with a foreach loop gets.</summary>
    private static async Task<BulkResult> SequentialAsync(int count)
    {
        using var sandbox = new SandboxService();
        var (client, latency) = Client(sandbox);
        var sampler = new HeapSampler(count);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            _ = await client.CreateIdentityAsync(WithToken, CancellationToken.None).ConfigureAwait(false);
            sampler.Done(i + 1);
        }

        watch.Stop();
        return Result("sequential", sandbox, count, latency.MaxInFlight, watch.Elapsed, sampler, allocatedBefore);
    }

    /// <param name="count">How many identities.</param>
    /// <param name="limit">-ThrottleLimit: requests in flight at most.</param>
    /// <param name="sample">Force a full collection every 10% to see the heap; off when the peak working set is measured, which it would lower.</param>
    public static async Task<BulkResult> BoundedAsync(int count, int limit, bool sample)
    {
        using var sandbox = new SandboxService();
        var (client, latency) = Client(sandbox);
        var context = OperationContext.Unattended();
        var sampler = new HeapSampler(sample ? count : int.MaxValue);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var created = 0;
        var watch = Stopwatch.StartNew();
        using (var batch = new AcsIdentityBatch(client, WithToken, limit, count, context.CancellationToken))
        {
            for (var i = 0; i < count; i++)
            {
                await batch.AddAsync(context).ConfigureAwait(false);
                created += Collect(batch.TakeFinished(context));
                sampler.Done(created);
            }

            created += Collect(await batch.CompleteAsync(context).ConfigureAwait(false));
        }

        watch.Stop();
        sampler.Done(created);
        return Result($"bounded, -ThrottleLimit {limit}", sandbox, created, latency.MaxInFlight, watch.Elapsed, sampler, allocatedBefore);
    }

    private static int Collect(IReadOnlyList<WorkResult<AcsIdentity>> finished)
    {
        var failed = finished.FirstOrDefault(result => !result.Succeeded);
        return failed is null ? finished.Count : throw new InvalidOperationException($"An identity failed: {failed.Error?.Message}");
    }

    private static (AcsIdentityClient Client, LatencyHandler Latency) Client(SandboxService sandbox)
    {
        var latency = new LatencyHandler(sandbox.CreateHandler(), Latency);
        var connectionString = sandbox.Describe(SandboxService.InProcessBaseAddress).AcsConnectionString;
        var client = new AcsIdentityClient(AcsKeyCredential.ParseConnectionString(connectionString),
            new AcsIdentityClientOptions { Transport = new HttpClientTransport(latency) });
        return (client, latency);
    }

    private static BulkResult Result(string mode, SandboxService sandbox, int created, int maxInFlight, TimeSpan elapsed, HeapSampler sampler, long allocatedBefore)
    {
        var requests = sandbox.Requests.Entries.Count(e => e.Method == "POST" && e.PathAndQuery.StartsWith("/identities?", StringComparison.Ordinal));
        var inSandbox = sandbox.State.Read(data => data.AcsIdentities.Count);
        if (inSandbox != created || requests != created)
        {
            throw new InvalidOperationException($"{mode}: {created} reported, {inSandbox} in the sandbox, {requests} requests: something was created twice or lost.");
        }

        return new BulkResult(mode, created, requests, maxInFlight, elapsed, sampler.MinMb, sampler.MaxMb, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
    }
}

internal sealed record BulkResult(string Mode, int Created, int Requests, int MaxInFlight, TimeSpan Elapsed, double HeapMinMb, double HeapMaxMb, long AllocatedBytes);
