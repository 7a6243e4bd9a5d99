namespace AcsTeamsAdmin.Benchmarks;

/// <summary>Runs the asked-for scenarios in order and prints each one's table.</summary>
internal static class Scenarios
{
    public static async Task RunAsync(string which)
    {
        var all = which == "all";
        Console.WriteLine($"AcsTeamsAdmin benchmarks: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {BenchPaths.Configuration} build; acsteams and module from {BenchPaths.ProductRoot}");
        if (all || which == "roundtrips")
        {
            RoundTripBenchmark.Print(await RoundTripBenchmark.MeasureAsync().ConfigureAwait(false));
        }

        if (all || which == "coldstart")
        {
            ColdStartBenchmark.Print(await ColdStartBenchmark.MeasureAsync(runs: 11).ConfigureAwait(false));
        }

        if (all || which == "import")
        {
            ImportBenchmark.Print(await ImportBenchmark.MeasureAsync(runs: 11).ConfigureAwait(false));
        }

        if (all || which == "bulk")
        {
            BulkBenchmark.Print(await BulkBenchmark.MeasureAsync(count: 1000).ConfigureAwait(false));
        }

        if (all || which == "memory")
        {
            MemoryBenchmark.Print(await MemoryBenchmark.MeasureAsync().ConfigureAwait(false));
        }
    }
}
