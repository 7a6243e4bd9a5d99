using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;

namespace AcsTeamsAdmin.Benchmarks;

/// <summary>
/// Runs in a fresh process (`--import-probe`): loads the module the way AcsTeamsAdmin.psm1 does (the loader
/// into the default context, then ModuleLoader.Initialize()) WITHOUT running a cmdlet, and prints as JSON
/// which assemblies each stage loaded and how long it took. Stage 2 is the first thing a cmdlet does with
/// its input: load every parameter type the module defines (what PowerShell's binder resolves, found from
/// metadata) and parse an app id in the engine, to show what loads only when a cmdlet runs.
/// Uses nothing of the module's types directly, so this process's default context stays as a host's would.
/// </summary>
internal static class ImportProbe
{
    public static int Run(string moduleFolder)
    {
        var before = Loaded();
        var watch = Stopwatch.StartNew();
        var loader = AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.Combine(moduleFolder, "bin", "AcsTeamsAdmin.Loader.dll"));
        var cmdlets = (Assembly)loader.GetType("AcsTeamsAdmin.Loader.ModuleLoader", throwOnError: true)!
            .GetMethod("Initialize", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null)!;
        var initialize = watch.Elapsed;
        var afterImport = Loaded();

        // Read after the import was measured: the metadata reader's own assemblies must not count against it.
        var parameterTypes = ImportAnalysis.Analyse(moduleFolder).OwnParameterTypes;
        var beforeFirstUse = Loaded();
        watch.Restart();
        var context = AssemblyLoadContext.GetLoadContext(cmdlets)!;
        foreach (var entry in parameterTypes)
        {
            var parts = entry.Split('|');
            _ = context.LoadFromAssemblyName(new AssemblyName(parts[0])).GetType(parts[1], throwOnError: true);
        }

        var engine = context.LoadFromAssemblyName(new AssemblyName("AcsTeamsAdmin.Engine"));
        var parse = engine.GetType("AcsTeamsAdmin.Engine.Identifiers.AppId", throwOnError: true)!
            .GetMethod("Parse", BindingFlags.Public | BindingFlags.Static)!;
        _ = parse.Invoke(null, ["1fd5118e-2576-4263-8130-9503064c837a", "AppId"]);
        var firstUse = watch.Elapsed;
        var afterFirstUse = Loaded();

        var report = new ImportReport(
            initialize.TotalMilliseconds,
            firstUse.TotalMilliseconds,
            afterImport.Except(before).ToArray(),
            afterFirstUse.Except(beforeFirstUse).ToArray(),
            GC.GetTotalMemory(forceFullCollection: false));
        Console.WriteLine(JsonSerializer.Serialize(report));
        return 0;
    }

    private static List<string> Loaded() =>
        AssemblyLoadContext.All.SelectMany(context => context.Assemblies.Select(assembly => $"{assembly.GetName().Name} [{context.Name}]")).Order(StringComparer.Ordinal).ToList();
}

internal sealed record ImportReport(double InitializeMs, double FirstUseMs, IReadOnlyList<string> LoadedByImport, IReadOnlyList<string> LoadedByFirstUse, long ManagedBytes);
