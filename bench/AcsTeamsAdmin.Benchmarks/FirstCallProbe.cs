using System.Diagnostics;
using System.Runtime.Loader;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.Readiness;

namespace AcsTeamsAdmin.Benchmarks;

/// <summary>
/// `--first-call GRAPH APPID` in a fresh process: the engine's readiness check over loopback, twice, each on a new
/// connection. The first pays for loading and JIT-compiling the sign-in and Graph stacks, the second does not, so
/// their difference is what the cold start spends on first use rather than on the requests.
/// </summary>
internal static class FirstCallProbe
{
    public static async Task<int> RunAsync(string graphEndpoint, string appId)
    {
        var token = Environment.GetEnvironmentVariable("ACSTEAMS_ACCESS_TOKEN") ?? throw new InvalidOperationException("ACSTEAMS_ACCESS_TOKEN is not set.");
        var before = Names();
        var first = await TimeAsync(graphEndpoint, token, appId).ConfigureAwait(false);
        var loaded = Names().Except(before).ToArray();
        var second = await TimeAsync(graphEndpoint, token, appId).ConfigureAwait(false);
        Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new FirstCallReport(first.TotalMilliseconds, second.TotalMilliseconds, loaded.Length,
            loaded.Where(name => !name.StartsWith("System.", StringComparison.Ordinal) && name != "netstandard").Order(StringComparer.Ordinal).ToArray())));
        return 0;
    }

    private static string[] Names() => AssemblyLoadContext.Default.Assemblies.Select(assembly => assembly.GetName().Name ?? "").ToArray();

    private static async Task<TimeSpan> TimeAsync(string graphEndpoint, string token, string appId)
    {
        var watch = Stopwatch.StartNew();
        using var connection = await Connector.ConnectAsync(new ConnectionRequest { Mode = SignInMode.AccessToken, AccessToken = token, GraphEndpoint = graphEndpoint }, OperationContext.Unattended()).ConfigureAwait(false);
        _ = await ReadinessOperations.TestAsync(connection, new ReadinessRequest { AppIds = [AppId.Parse(appId)], MultiTenant = true }, OperationContext.Unattended()).ConfigureAwait(false);
        return watch.Elapsed;
    }
}

internal sealed record FirstCallReport(double FirstMs, double SecondMs, int AssembliesLoadedByFirst, IReadOnlyList<string> NonSystemAssemblies);
