using System.Diagnostics;
using System.Text.Json;
using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.Readiness;
using AcsTeamsAdmin.Sandbox;

namespace AcsTeamsAdmin.Benchmarks;

/// <summary>
/// One scenario in a fresh process (`--memory-run`), so the peak working set is that scenario's alone;
/// prints the figures as JSON. The in-process sandbox runs in the same process and is counted too: the
/// figures are an upper bound for the module's share.
/// </summary>
internal static class MemoryRun
{
    public static async Task<int> RunAsync(string scenario, int count, string? stateFile)
    {
        var watch = Stopwatch.StartNew();
        switch (scenario)
        {
            case "idle":
                break;
            case "readiness":
                await ReadinessAsync(stateFile ?? throw new InvalidOperationException("readiness needs the state file the parent built.")).ConfigureAwait(false);
                break;
            case "bulk":
                _ = await BulkBenchmark.BoundedAsync(count, AcsIdentityBatch.DefaultThrottleLimit, sample: false).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"No memory scenario '{scenario}'.");
        }

        watch.Stop();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(JsonSerializer.Serialize(new MemoryReport(scenario, count, watch.Elapsed.TotalMilliseconds, self.PeakWorkingSet64,
            GC.GetTotalMemory(forceFullCollection: true), GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(2))));
        return 0;
    }

    /// <summary>Only the readiness run: the tenant was built (and saved) by the parent, so building it is not in the peak.</summary>
    private static async Task ReadinessAsync(string stateFile)
    {
        using var sandbox = SandboxService.LoadState(stateFile);
        var appIds = (await File.ReadAllLinesAsync(stateFile + ".apps").ConfigureAwait(false)).Select(line => AppId.Parse(line)).ToArray();
        using var connection = await BenchWorld.ConnectContosoAsync(sandbox.CreateHandler()).ConfigureAwait(false);
        var checks = await ReadinessOperations.TestAsync(connection, new ReadinessRequest { AppIds = appIds, MultiTenant = true }, OperationContext.Unattended()).ConfigureAwait(false);
        if (checks.Any(check => check.Status == ReadinessStatus.Fail))
        {
            throw new InvalidOperationException("A readiness check failed in a tenant built to be ready.");
        }
    }
}

internal sealed record MemoryReport(string Scenario, int Count, double ElapsedMs, long PeakWorkingSetBytes, long ManagedHeapBytes, long AllocatedBytes, int Gen2Collections);
