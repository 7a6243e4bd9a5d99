using System.Diagnostics;
using System.Runtime.Loader;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.Readiness;
using AcsTeamsAdmin.Sandbox;

namespace AcsTeamsAdmin.Benchmarks;

/// <summary>
/// `--first-call BASE APPID` in a fresh process: the engine's readiness check over loopback (client-secret sign-in), twice, each on a new
/// connection. The first pays for loading and JIT-compiling the sign-in and Graph stacks, the second does not, so
/// their difference is what the cold start spends on first use rather than on the requests.
/// </summary>
internal static class FirstCallProbe
{
    public static async Task<int> RunAsync(string baseAddress, string appId)
    {
        var secret = Environment.GetEnvironmentVariable("ACSTEAMS_CLIENT_SECRET") ?? throw new InvalidOperationException("ACSTEAMS_CLIENT_SECRET is not set.");
        var before = Names();
        var (firstSignIn, firstCheck) = await TimeAsync(baseAddress, secret, appId).ConfigureAwait(false);
        var loaded = Names().Except(before).ToArray();
        var (secondSignIn, secondCheck) = await TimeAsync(baseAddress, secret, appId).ConfigureAwait(false);
        Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new FirstCallReport(
            (firstSignIn + firstCheck).TotalMilliseconds, (secondSignIn + secondCheck).TotalMilliseconds, loaded.Length,
            loaded.Where(name => !name.StartsWith("System.", StringComparison.Ordinal) && name != "netstandard").Order(StringComparer.Ordinal).ToArray())
        {
            FirstSignInMs = firstSignIn.TotalMilliseconds,
            FirstCheckMs = firstCheck.TotalMilliseconds,
        }));
        return 0;
    }

    private static string[] Names() => AssemblyLoadContext.Default.Assemblies.Select(assembly => assembly.GetName().Name ?? "").ToArray();

    /// <summary>Sign-in (Connector.ConnectAsync: the token request) and the check (the $batch and the rules), timed apart.</summary>
    private static async Task<(TimeSpan SignIn, TimeSpan Check)> TimeAsync(string baseAddress, string secret, string appId)
    {
        var watch = Stopwatch.StartNew();
        using var connection = await Connector.ConnectAsync(new ConnectionRequest
        {
            Mode = SignInMode.ClientSecret,
            TenantId = SandboxIds.ContosoTenantId,
            ClientId = SandboxIds.ContosoAdminClientId,
            ClientSecret = secret,
            AuthorityHost = baseAddress,
            GraphEndpoint = baseAddress + "v1.0",
        }, OperationContext.Unattended()).ConfigureAwait(false);
        var signIn = watch.Elapsed;
        watch.Restart();
        _ = await ReadinessOperations.TestAsync(connection, new ReadinessRequest { AppIds = [AppId.Parse(appId)], MultiTenant = true }, OperationContext.Unattended()).ConfigureAwait(false);
        return (signIn, watch.Elapsed);
    }
}

internal sealed record FirstCallReport(double FirstMs, double SecondMs, int AssembliesLoadedByFirst, IReadOnlyList<string> NonSystemAssemblies)
{
    public double FirstSignInMs { get; init; }

    public double FirstCheckMs { get; init; }
}
