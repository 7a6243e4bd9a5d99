using AcsTeamsAdmin.Sandbox;

namespace AcsTeamsAdmin.Benchmarks;

/// <summary>
/// Process start to first result of `acsteams Test-AcsTeamsReadiness` against a loopback sandbox (hosted
/// here), against the floor: a minimal process making the same HTTP requests with HttpClient. The two
/// alternate, after one discarded warm-up each (disk cache), and the median of the runs is reported.
/// </summary>
internal static class ColdStartBenchmark
{
    public static async Task<ColdStartResult> MeasureAsync(int runs)
    {
        if (!File.Exists(BenchPaths.AcsTeamsDll))
        {
            throw new InvalidOperationException($"{BenchPaths.AcsTeamsDll} is missing: build the benchmark (it builds acsteams) first.");
        }

        using var sandbox = new SandboxService();
        using (var setup = await BenchWorld.ConnectContosoAsync(sandbox.CreateHandler()).ConfigureAwait(false))
        {
            await BenchWorld.MakeReadyAsync(setup, 0).ConfigureAwait(false);
        }

        var host = await LoopbackSandboxHost.StartAsync(sandbox).ConfigureAwait(false);
        await using (host.ConfigureAwait(false))
        {
            return await MeasureAsync(sandbox, host, runs).ConfigureAwait(false);
        }
    }

    private static async Task<ColdStartResult> MeasureAsync(SandboxService sandbox, LoopbackSandboxHost host, int runs)
    {
        var token = sandbox.IssueAccessToken(new AccessTokenRequest
        {
            TenantId = SandboxIds.ContosoTenantId,
            ClientAppId = SandboxIds.ContosoAdminClientId,
            Roles = ["Application.Read.All", "DelegatedPermissionGrant.Read.All"],
        });
        var environment = new Dictionary<string, string> { ["ACSTEAMS_ACCESS_TOKEN"] = token };
        string[] cli = ["Test-AcsTeamsReadiness", "--app-id", BenchWorld.Calling.ToString(), "--multi-tenant", "--graph-endpoint", host.BaseAddress.AbsoluteUri + "v1.0"];

        // The warm-up run of acsteams also tells the floor which requests to make.
        sandbox.Requests.Clear();
        var warm = await ChildProcess.RunAsync(BenchPaths.AcsTeamsDll, cli, environment).ConfigureAwait(false);
        if (warm.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"acsteams failed ({warm.ExitCode}): {warm.Error}");
        }

        var cliRequests = RequestCounts.From(sandbox);
        var plan = Path.Combine(Path.GetTempPath(), $"acsteams-floor-{Environment.ProcessId}.txt");
        await File.WriteAllLinesAsync(plan, sandbox.Requests.Entries.Where(e => e.PathAndQuery != "/v1.0/$batch")
            .Select(e => $"{(e.ParentSequence is null ? e.Method : "STEP")} {(e.ParentSequence is null ? e.PathAndQuery : "/v1.0" + e.PathAndQuery)}")).ConfigureAwait(false);
        try
        {
            string[] floor = ["--floor", host.BaseAddress.AbsoluteUri, plan];
            _ = await ChildProcess.RunAsync(BenchPaths.Self, floor, environment).ConfigureAwait(false);
            var cliRuns = new List<ChildRun>();
            var floorRuns = new List<ChildRun>();
            var versionRuns = new List<ChildRun>();
            for (var i = 0; i < runs; i++)
            {
                cliRuns.Add(await ChildProcess.RunAsync(BenchPaths.AcsTeamsDll, cli, environment).ConfigureAwait(false));
                floorRuns.Add(await ChildProcess.RunAsync(BenchPaths.Self, floor, environment).ConfigureAwait(false));
                // acsteams doing nothing but start: splits the ratio into process start and the readiness work.
                versionRuns.Add(await ChildProcess.RunAsync(BenchPaths.AcsTeamsDll, ["--version"]).ConfigureAwait(false));
            }

            var firstCall = await ChildProcess.RunAsync(BenchPaths.Self, ["--first-call", host.BaseAddress.AbsoluteUri + "v1.0", BenchWorld.Calling.ToString()], environment).ConfigureAwait(false);
            var firstCallReport = firstCall.ExitCode == 0 ? System.Text.Json.JsonSerializer.Deserialize<FirstCallReport>(firstCall.Output[^1]) : null;
            var failed = floorRuns.FirstOrDefault(run => run.ExitCode != 0);
            return failed is not null
                ? throw new InvalidOperationException($"The floor program failed: {failed.Error}")
                : new ColdStartResult(runs, cliRequests, warm.ExitCode, cliRuns, floorRuns, versionRuns)
                {
                    FirstCall = firstCallReport ?? throw new InvalidOperationException($"The first-call probe failed: {firstCall.Error}"),
                };
        }
        finally
        {
            File.Delete(plan);
        }
    }

    public static void Print(ColdStartResult result)
    {
        var table = new Table($"Cold start: process start to first result, readiness for 1 app on a loopback sandbox (median of {result.Runs}, min..max)",
            "program", "requests (graph / batch steps)", "first output ms", "exit ms", "min..max exit ms");
        var cliFirst = Median(result.Cli.Select(run => run.FirstOutput.TotalMilliseconds));
        var floorFirst = Median(result.Floor.Select(run => run.FirstOutput.TotalMilliseconds));
        table.Add($"acsteams Test-AcsTeamsReadiness (exit {result.CliExitCode})", $"{result.CliRequests.Graph} / {result.CliRequests.BatchSteps}", cliFirst,
            Median(result.Cli.Select(run => run.Exit.TotalMilliseconds)), Range(result.Cli));
        table.Add("floor: HttpClient, same requests", $"{result.CliRequests.Graph} / {result.CliRequests.BatchSteps}", floorFirst,
            Median(result.Floor.Select(run => run.Exit.TotalMilliseconds)), Range(result.Floor));
        table.Add("acsteams --version (start only, no request)", "0 / 0", Median(result.Version.Select(run => run.FirstOutput.TotalMilliseconds)),
            Median(result.Version.Select(run => run.Exit.TotalMilliseconds)), Range(result.Version));
        table.Print();
        Console.WriteLine($"Ratio acsteams / floor, first output: {cliFirst / floorFirst:0.00}x");
        Console.WriteLine($"In one process, the engine's readiness check (sign-in + 1 batch): first {result.FirstCall.FirstMs:0} ms ({result.FirstCall.AssembliesLoadedByFirst} assemblies loaded), second {result.FirstCall.SecondMs:0} ms: first use costs {result.FirstCall.FirstMs - result.FirstCall.SecondMs:0} ms.");
        Console.WriteLine("  loaded by the first call, beyond System.*: " + string.Join(", ", result.FirstCall.NonSystemAssemblies));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Range(IReadOnlyList<ChildRun> runs) =>
        $"{runs.Min(run => run.Exit.TotalMilliseconds):0}..{runs.Max(run => run.Exit.TotalMilliseconds):0}";
}

internal sealed record ColdStartResult(int Runs, RequestCounts CliRequests, int CliExitCode, IReadOnlyList<ChildRun> Cli, IReadOnlyList<ChildRun> Floor, IReadOnlyList<ChildRun> Version)
{
    public required FirstCallReport FirstCall { get; init; }
}
