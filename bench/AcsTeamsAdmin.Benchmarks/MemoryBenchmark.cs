using AcsTeamsAdmin.Sandbox;
using System.Text.Json;

namespace AcsTeamsAdmin.Benchmarks;

/// <summary>Peak memory per scenario, each in a fresh process, against Azure Automation's 400 MB sandbox limit.</summary>
internal static class MemoryBenchmark
{
    private const double AutomationLimitMb = 400;

    public static async Task<IReadOnlyList<MemoryReport>> MeasureAsync()
    {
        var reports = new List<MemoryReport>();
        foreach (var (scenario, count) in new[] { ("idle", 0), ("readiness", 1), ("readiness", 100), ("bulk", 1000) })
        {
            var state = scenario == "readiness" ? await SaveReadyTenantAsync(count).ConfigureAwait(false) : null;
            try
            {
                string[] arguments = ["--memory-run", scenario, count.ToString(System.Globalization.CultureInfo.InvariantCulture), .. state is null ? Array.Empty<string>() : [state]];
                var run = await ChildProcess.RunAsync(BenchPaths.Self, arguments).ConfigureAwait(false);
                var report = run.ExitCode == 0 ? JsonSerializer.Deserialize<MemoryReport>(run.Output[^1]) : null;
                reports.Add(report ?? throw new InvalidOperationException($"The memory run '{scenario}' failed ({run.ExitCode}): {run.Error}"));
            }
            finally
            {
                if (state is not null)
                {
                    File.Delete(state);
                    File.Delete(state + ".apps");
                }
            }
        }

        return reports;
    }

    /// <summary>A ready tenant with <paramref name="apps"/> apps, saved for the child; the app ids go in a file beside it.</summary>
    private static async Task<string> SaveReadyTenantAsync(int apps)
    {
        var path = Path.Combine(Path.GetTempPath(), $"acsteams-bench-{Environment.ProcessId}-{apps}.json");
        using var sandbox = new SandboxService();
        using (var connection = await BenchWorld.ConnectContosoAsync(sandbox.CreateHandler()).ConfigureAwait(false))
        {
            var appIds = await BenchWorld.MakeReadyAsync(connection, apps - 1).ConfigureAwait(false);
            await File.WriteAllLinesAsync(path + ".apps", appIds.Select(id => id.ToString())).ConfigureAwait(false);
        }

        sandbox.SaveState(path);
        return path;
    }

    public static void Print(IReadOnlyList<MemoryReport> reports)
    {
        var table = new Table("Peak memory per scenario (fresh process each; the in-process sandbox is included)",
            "scenario", "s", "peak working set MB", "of 400 MB", "managed heap after MB", "allocated MB", "gen2 GCs");
        foreach (var r in reports)
        {
            var peak = r.PeakWorkingSetBytes / 1024.0 / 1024.0;
            table.Add(r.Scenario switch
            {
                "idle" => "idle process (baseline)",
                "readiness" => $"readiness, {r.Count} app(s) (sign-in + Test)",
                _ => $"bulk: {r.Count} identities with tokens, -ThrottleLimit 8, 20 ms latency",
            }, r.ElapsedMs / 1000, peak, $"{peak / AutomationLimitMb:P0}", r.ManagedHeapBytes / 1024.0 / 1024.0, r.AllocatedBytes / 1024.0 / 1024.0, r.Gen2Collections);
        }

        table.Print();
    }
}
