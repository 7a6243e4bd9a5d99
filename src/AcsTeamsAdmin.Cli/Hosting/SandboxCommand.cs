using System.Globalization;
using System.Text.Json;
using AcsTeamsAdmin.Cli.Parsing;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Sandbox;

namespace AcsTeamsAdmin.Cli.Hosting;

/// <summary>
/// `acsteams sandbox [--port N] [--state FILE]`: serves the emulator on 127.0.0.1 until interrupted.
/// The FIRST line on stdout is one JSON object describing it (endpoints, tenant, sandbox-only
/// credentials), so scripts and test suites can start it and read where to connect.
/// With --state, the state is loaded from FILE when it exists and saved back to it on exit.
/// </summary>
internal static class SandboxCommand
{
    public const string Name = "sandbox";

    public static async Task<int> RunAsync(ParsedArguments args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var port = ParsePort(args.Value("port"));
        var statePath = args.Value("state");
        using var service = statePath is not null && File.Exists(statePath) ? SandboxService.LoadState(statePath) : new SandboxService();
        var host = await LoopbackSandboxHost.StartAsync(service, port, cancellationToken).ConfigureAwait(false);
        await using (host.ConfigureAwait(false))
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(host.Description, SandboxJson.Options)).ConfigureAwait(false);
            await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
            await stderr.WriteLineAsync($"Sandbox listening on {host.BaseAddress}; press Ctrl+C to stop.").ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Interrupted: the normal way to stop.
            }
        }

        if (statePath is not null)
        {
            service.SaveState(statePath);
            await stderr.WriteLineAsync($"Sandbox state saved to {statePath}.").ConfigureAwait(false);
        }

        return 0;
    }

    private static int ParsePort(string? value)
    {
        if (value is null)
        {
            return 0;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 0 and <= 65535
            ? port
            : throw AcsTeamsAdminException.InvalidInput(
                "Port",
                value,
                $"'{value}' is not a TCP port.",
                "Pass a number from 1 to 65535, or 0 (the default) to pick a free port.");
    }
}
