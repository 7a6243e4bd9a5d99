namespace AcsTeamsAdmin.Benchmarks;

/// <summary>
/// What `Import-Module` adds to a bare pwsh: fresh `pwsh -NoProfile -NonInteractive -c '$null'` against the same with
/// `Import-Module out/AcsTeamsAdmin`, and with an empty manifest module (PowerShell's own cost of a first import), alternating
/// after one discarded warm-up each (disk cache), whole process; then one
/// more pwsh lists every assembly the import loaded, by load context.
/// </summary>
internal static class ImportBenchmark
{
    /// <summary>The heavy dependencies that must wait until a cmdlet needs them (prefixes of assembly names).</summary>
    private static readonly string[] Heavy = ["Microsoft.Graph", "Azure.", "Microsoft.Identity", "Microsoft.Kiota", "Microsoft.IdentityModel", "System.IdentityModel", "AcsTeamsAdmin.Sandbox"];

    public static async Task<ImportResult?> MeasureAsync(int runs)
    {
        if (!File.Exists(Path.Combine(BenchPaths.ModuleFolder, "bin", "AcsTeamsAdmin.Loader.dll")))
        {
            throw new InvalidOperationException($"No module folder at {BenchPaths.ModuleFolder}: build the benchmark (it builds src/AcsTeamsAdmin) first.");
        }

        if (BenchPaths.Pwsh is not { } pwsh)
        {
            return null;
        }

        var module = PowerShellScript.Quote(BenchPaths.ModuleFolder);

        // PowerShell's own share: importing a manifest module with an empty script root is the first cmdlet and the
        // first module a fresh pwsh loads, whatever the module holds.
        var empty = Directory.CreateTempSubdirectory("acsteams-empty-module-");
        await File.WriteAllTextAsync(Path.Combine(empty.FullName, "Empty.psd1"), "@{ RootModule = 'Empty.psm1'; ModuleVersion = '1.0' }").ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(empty.FullName, "Empty.psm1"), "# nothing").ConfigureAwait(false);
        string[] bare = ["-NoProfile", "-NonInteractive", "-Command", "$null"];
        string[] emptyImport = ["-NoProfile", "-NonInteractive", "-Command", $"Import-Module {PowerShellScript.Quote(Path.Combine(empty.FullName, "Empty.psd1"))}"];
        string[] import = ["-NoProfile", "-NonInteractive", "-Command", $"Import-Module {module}"];
        var bareRuns = new List<ChildRun>();
        var emptyRuns = new List<ChildRun>();
        var importRuns = new List<ChildRun>();
        try
        {
            for (var i = 0; i <= runs; i++)
            {
                var withoutModule = await ChildProcess.RunProgramAsync(pwsh, bare).ConfigureAwait(false);
                var withEmpty = await ChildProcess.RunProgramAsync(pwsh, emptyImport).ConfigureAwait(false);
                var withModule = await ChildProcess.RunProgramAsync(pwsh, import).ConfigureAwait(false);
                if (withModule.ExitCode != 0 || withoutModule.ExitCode != 0 || withEmpty.ExitCode != 0)
                {
                    throw new InvalidOperationException($"pwsh failed: {withModule.Error}{withoutModule.Error}{withEmpty.Error}");
                }

                if (i > 0)
                {
                    bareRuns.Add(withoutModule);
                    emptyRuns.Add(withEmpty);
                    importRuns.Add(withModule);
                }
            }
        }
        finally
        {
            empty.Delete(recursive: true);
        }

        // Names, not timing: the assemblies (with their load context) present after the import and not before it.
        var list = $$"""
            function Get-Loaded { foreach ($c in [System.Runtime.Loader.AssemblyLoadContext]::All) { foreach ($a in $c.Assemblies) { "$($a.GetName().Name) [$($c.Name)]" } } }
            $before = @(Get-Loaded)
            Import-Module {{module}}
            Get-Loaded | Where-Object { $_ -notin $before } | Sort-Object
            """;
        var listed = await ChildProcess.RunProgramAsync(pwsh, ["-NoProfile", "-NonInteractive", "-Command", list]).ConfigureAwait(false);
        return listed.ExitCode != 0
            ? throw new InvalidOperationException($"pwsh failed listing assemblies: {listed.Error}")
            : new ImportResult(pwsh, bareRuns, emptyRuns, importRuns, listed.Output);
    }

    public static void Print(ImportResult? result)
    {
        if (result is null)
        {
            Console.WriteLine();
            Console.WriteLine("Module import: skipped, no pwsh (run `dotnet tool restore`, or set ACSTEAMS_BENCH_PWSH).");
            return;
        }

        var table = new Table($"Module import in a fresh pwsh, whole process (median of {result.Bare.Count} alternating runs, min..max)",
            "program", "exit ms", "min..max ms", "peak MiB");
        table.Add("pwsh -c '$null'", Stats.Median(result.Bare), Stats.Range(result.Bare), Stats.Peak(result.Bare));
        table.Add("pwsh -c 'Import-Module <an empty manifest module>'", Stats.Median(result.Empty), Stats.Range(result.Empty), Stats.Peak(result.Empty));
        table.Add("pwsh -c 'Import-Module out/AcsTeamsAdmin'", Stats.Median(result.Import), Stats.Range(result.Import), Stats.Peak(result.Import));
        table.Print();
        Console.WriteLine($"pwsh: {result.Pwsh}");
        Console.WriteLine($"Import-Module adds {Stats.Median(result.Import) - Stats.Median(result.Bare):0} ms (goal: at most 100 ms); of it, an empty module's import "
            + $"{Stats.Median(result.Empty) - Stats.Median(result.Bare):0} ms (PowerShell's own), this module's content {Stats.Median(result.Import) - Stats.Median(result.Empty):0} ms.");
        var heavy = result.Loaded.Where(name => Heavy.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal))).ToArray();
        Console.WriteLine($"Loaded by the import ({result.Loaded.Count}): {string.Join(", ", result.Loaded)}");
        Console.WriteLine($"  of them Graph, Azure, MSAL, Kiota, IdentityModel or the sandbox: {(heavy.Length == 0 ? "none" : string.Join(", ", heavy))}");
    }
}

internal sealed record ImportResult(string Pwsh, IReadOnlyList<ChildRun> Bare, IReadOnlyList<ChildRun> Empty, IReadOnlyList<ChildRun> Import, IReadOnlyList<string> Loaded);
