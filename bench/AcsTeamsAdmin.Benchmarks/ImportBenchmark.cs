using System.Text.Json;

namespace AcsTeamsAdmin.Benchmarks;

/// <summary>What importing the module loads, and how long it takes: `--import-probe` in fresh processes, median time.</summary>
internal static class ImportBenchmark
{
    /// <summary>The heavy dependencies that must wait until a cmdlet needs them.</summary>
    private static readonly string[] Heavy = ["Microsoft.Graph", "Microsoft.Graph.Core", "Azure.Core", "Azure.Identity", "Microsoft.Identity.Client", "Microsoft.Kiota.Abstractions", "Microsoft.Kiota.Http.HttpClientLibrary", "System.IdentityModel.Tokens.Jwt"];

    public static async Task<IReadOnlyList<ImportReport>> MeasureAsync(int runs)
    {
        if (!File.Exists(Path.Combine(BenchPaths.ModuleFolder, "bin", "AcsTeamsAdmin.Loader.dll")))
        {
            throw new InvalidOperationException($"No module folder at {BenchPaths.ModuleFolder}: build the benchmark (it builds src/AcsTeamsAdmin) first.");
        }

        var reports = new List<ImportReport>();
        for (var i = 0; i <= runs; i++)
        {
            var run = await ChildProcess.RunAsync(BenchPaths.Self, ["--import-probe", BenchPaths.ModuleFolder]).ConfigureAwait(false);
            var report = run.ExitCode == 0 ? JsonSerializer.Deserialize<ImportReport>(string.Join("", run.Output)) : null;
            if (report is null)
            {
                throw new InvalidOperationException($"The import probe failed ({run.ExitCode}): {run.Error}");
            }

            // The first run warms the disk cache and is not counted.
            if (i > 0)
            {
                reports.Add(report);
            }
        }

        return reports;
    }

    public static void Print(IReadOnlyList<ImportReport> reports)
    {
        var last = reports[^1];
        var table = new Table($"Module import (ModuleLoader.Initialize, no cmdlet run; median of {reports.Count} fresh processes)",
            "stage", "ms", "assemblies loaded", "heavy ones among them");
        table.Add("import: loader + Initialize()", Median(reports.Select(r => r.InitializeMs)), last.LoadedByImport.Count, HeavyIn(last.LoadedByImport));
        table.Add("first binding: parameter types, AppId.Parse", Median(reports.Select(r => r.FirstUseMs)), last.LoadedByFirstUse.Count, HeavyIn(last.LoadedByFirstUse));
        table.Print();
        Console.WriteLine("Loaded by the import: " + string.Join(", ", last.LoadedByImport));
        Console.WriteLine("Loaded by the first binding: " + string.Join(", ", last.LoadedByFirstUse));
        var needs = ImportAnalysis.Analyse(BenchPaths.ModuleFolder);
        Console.WriteLine($"Import-Module -Assembly on top (from metadata, {needs.ExportedTypes} exported types; beyond the runtime and System.Management.Automation):");
        Console.WriteLine("  to enumerate the cmdlets (base types, interfaces): " + List(needs.ToEnumerateCmdlets));
        Console.WriteLine("  at first binding (parameter types):                " + List(needs.ForParameterTypes));
        Console.WriteLine("  at a cmdlet class's first use (static fields):     " + List(needs.ForStaticFields));
    }

    private static string HeavyIn(IEnumerable<string> loaded)
    {
        var found = Heavy.Where(name => loaded.Any(entry => entry.StartsWith(name + " [", StringComparison.Ordinal))).ToArray();
        return found.Length == 0 ? "none" : string.Join(", ", found);
    }

    private static string List(IReadOnlyList<string> names) => names.Count == 0 ? "nothing" : string.Join(", ", names);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
