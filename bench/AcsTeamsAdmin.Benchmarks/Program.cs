using AcsTeamsAdmin.Benchmarks;

// dotnet run -c Release --project bench/AcsTeamsAdmin.Benchmarks -- [roundtrips|coldstart|import|bulk|memory|all]
// Internal modes (each run as its own process by the scenarios above):
//   --floor <base> <plan> <client id>  the cold-start floor: the same token request and $batch with a bare HttpClient
//   --first-call <base> <app id>       the engine's readiness check twice in one process: first use against warm
//   --memory-run idle|readiness|bulk <n> [state file]   one scenario, then its peak working set
var command = args.Length == 0 ? "all" : args[0];
try
{
    switch (command)
    {
        case "--floor":
            return await FloorProgram.RunAsync(args[1], args[2], args[3]).ConfigureAwait(false);
        case "--first-call":
            return await FirstCallProbe.RunAsync(args[1], args[2]).ConfigureAwait(false);
        case "--memory-run":
            return await MemoryRun.RunAsync(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args.Length > 3 ? args[3] : null).ConfigureAwait(false);
        case "roundtrips":
        case "coldstart":
        case "import":
        case "bulk":
        case "memory":
        case "all":
            await Scenarios.RunAsync(command).ConfigureAwait(false);
            return 0;
        default:
            await Console.Error.WriteLineAsync("usage: AcsTeamsAdmin.Benchmarks [roundtrips|coldstart|import|bulk|memory|all]").ConfigureAwait(false);
            return 2;
    }
}
catch (InvalidOperationException error)
{
    await Console.Error.WriteLineAsync($"benchmark failed: {error.Message}").ConfigureAwait(false);
    return 1;
}
