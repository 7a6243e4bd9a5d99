using System.Reflection;
using System.Runtime.Loader;

namespace AcsTeamsAdmin.IsolationHost;

/// <summary>One loaded copy of an assembly: which version, from which file, in which load context.</summary>
internal sealed record LoadedAssembly(string Name, string? Version, string? Location, string Context);

/// <summary>What the host prints as JSON for the test to judge.</summary>
internal sealed record LoadReport(
    string? ModuleContext,
    bool EveryInitializeReturnedTheSameAssembly,
    EngineCallResult? EngineCall,
    IReadOnlyList<ProbeResult> Probes,
    IReadOnlyList<LoadedAssembly> Assemblies)
{
    /// <summary>Every assembly loaded in the process, in every load context.</summary>
    public static IReadOnlyList<LoadedAssembly> Snapshot() =>
        AssemblyLoadContext.All
            .SelectMany(context => context.Assemblies.Select(assembly => Describe(assembly, context)))
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .ThenBy(a => a.Context, StringComparer.Ordinal)
            .ToArray();

    private static LoadedAssembly Describe(Assembly assembly, AssemblyLoadContext context)
    {
        AssemblyName name = assembly.GetName();
        string location = assembly.IsDynamic ? string.Empty : assembly.Location;
        return new LoadedAssembly(name.Name ?? string.Empty, name.Version?.ToString(), location, context.Name ?? "(unnamed)");
    }
}
