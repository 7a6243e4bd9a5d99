using System.Diagnostics;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.Readiness;
using AcsTeamsAdmin.Sandbox;

namespace AcsTeamsAdmin.Benchmarks;

/// <summary>
/// Round trips per job, from the sandbox's request log (sign-in included), beside the Graph PowerShell
/// cmdlet sequence for the same job. Every request also waits <see cref="Latency"/> so the wall time
/// shows what the round trips cost on a network.
/// </summary>
internal static class RoundTripBenchmark
{
    public static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(20);

    public static async Task<IReadOnlyList<RoundTripResult>> MeasureAsync(int manyApps = 100)
    {
        var results = new List<RoundTripResult>
        {
            await ReadinessAsync("Readiness, 1 app", 0).ConfigureAwait(false),
            await ReadinessAsync($"Readiness, {manyApps} apps", manyApps - 1).ConfigureAwait(false),
        };
        results.AddRange(await SetupAsync().ConfigureAwait(false));
        return results;
    }

    public static void Print(IReadOnlyList<RoundTripResult> results)
    {
        var table = new Table($"Round trips per job (sandbox request log; {Latency.TotalMilliseconds:0} ms added per request), beside Graph PowerShell",
            "job", "token", "graph", "batch steps", "writes", "ms", "Graph PS requests", "Graph PS writes", "Graph PS ms (sequential)", "ratio");
        foreach (var r in results)
        {
            var ps = r.GraphPowerShell;
            var psRequests = ps.Count;
            table.Add(r.Job, r.Ours.Token, r.Ours.Graph, r.Ours.BatchSteps, r.Ours.Writes, r.Elapsed.TotalMilliseconds,
                psRequests, ps.Count(c => c.IsWrite), psRequests * Latency.TotalMilliseconds,
                $"{(double)psRequests / Math.Max(1, r.Ours.OverTheWire):0.#}x fewer");
        }

        table.Print();
        Console.WriteLine("Graph PS ms is the floor for its sequence: requests x latency, one after another (each needs the previous answer).");
        Console.WriteLine();
        Console.WriteLine("Graph PowerShell sequence, readiness for 1 app:");
        foreach (var call in GraphPowerShellSequence.Readiness(1))
        {
            Console.WriteLine($"  {call.Cmdlet,-100} {call.Request}");
        }

        foreach (var result in results.Where(r => r.Requests.Count > 0))
        {
            Console.WriteLine($"Ours, {result.Job} (request log):");
            foreach (var line in result.Requests)
            {
                Console.WriteLine("  " + line);
            }
        }

        Console.WriteLine("Graph PowerShell sequence, setup on an empty tenant (the ready tenant skips the three New-Mg...):");
        foreach (var call in GraphPowerShellSequence.Setup(empty: true))
        {
            Console.WriteLine($"  {call.Cmdlet,-100} {call.Request}");
        }
    }

    private static async Task<RoundTripResult> ReadinessAsync(string job, int extraApps)
    {
        using var sandbox = new SandboxService();
        IReadOnlyList<AppId> apps;
        using (var setup = await BenchWorld.ConnectContosoAsync(sandbox.CreateHandler()).ConfigureAwait(false))
        {
            apps = await BenchWorld.MakeReadyAsync(setup, extraApps).ConfigureAwait(false);
        }

        sandbox.Requests.Clear();
        var watch = Stopwatch.StartNew();
        using var connection = await BenchWorld.ConnectContosoAsync(new LatencyHandler(sandbox.CreateHandler(), Latency)).ConfigureAwait(false);
        var checks = await ReadinessOperations.TestAsync(connection, new ReadinessRequest { AppIds = apps, MultiTenant = true }, OperationContext.Unattended()).ConfigureAwait(false);
        watch.Stop();
        var failing = checks.Count(check => check.Status == ReadinessStatus.Fail);
        if (failing > 0)
        {
            throw new InvalidOperationException($"{job}: {failing} check(s) failed in a tenant built to be ready ({string.Join(", ", checks.Where(check => check.Status == ReadinessStatus.Fail).Select(check => check.Name).Distinct())}); the figures would not be of a full run.");
        }

        return new RoundTripResult(job, RequestCounts.From(sandbox), watch.Elapsed, GraphPowerShellSequence.Readiness(apps.Count));
    }

    private static async Task<IReadOnlyList<RoundTripResult>> SetupAsync()
    {
        using var sandbox = new SandboxService(SandboxSeed.Create(new SandboxSeedOptions { IncludeEmptyTenant = true }));
        var request = new SetupRequest { AppIds = [BenchWorld.Calling], MultiTenant = true };
        var results = new List<RoundTripResult>();
        foreach (var (job, empty) in new[] { ("Setup, empty tenant", true), ("Setup, ready tenant (2nd run)", false) })
        {
            sandbox.Requests.Clear();
            var watch = Stopwatch.StartNew();
            using var connection = await BenchWorld.ConnectEmptyTenantAsync(sandbox, new LatencyHandler(sandbox.CreateHandler(), Latency)).ConfigureAwait(false);
            var report = await SetupOperations.InitializeAsync(connection, request, OperationContext.Unattended()).ConfigureAwait(false);
            watch.Stop();
            if (report.Any(check => check.Status == ReadinessStatus.Fail))
            {
                throw new InvalidOperationException($"{job}: the setup did not converge: {string.Join("; ", report.Select(check => $"{check.Name} {check.Status} {check.Change}"))}");
            }

            results.Add(new RoundTripResult(job, RequestCounts.From(sandbox), watch.Elapsed, GraphPowerShellSequence.Setup(empty)) { Requests = RoundTripResult.Lines(sandbox) });
        }

        return results;
    }
}

internal sealed record RoundTripResult(string Job, RequestCounts Ours, TimeSpan Elapsed, IReadOnlyList<GraphPowerShellCall> GraphPowerShell)
{
    /// <summary>What went over the wire, in order (batch steps indented under their batch).</summary>
    public IReadOnlyList<string> Requests { get; init; } = [];

    public static IReadOnlyList<string> Lines(SandboxService sandbox) =>
        sandbox.Requests.Entries.OrderBy(e => e.Sequence)
            .Select(e => $"{(e.ParentSequence is null ? "" : "    step: ")}{e.Method} {e.PathAndQuery.Split('?')[0]} -> {e.Status}").ToArray();
}
