using System.Reflection;

namespace AcsTeamsAdmin.Benchmarks;

/// <summary>Where the things under measurement are, as this build laid them out.</summary>
internal static class BenchPaths
{
    private static readonly BuildLayoutAttribute Layout = typeof(BenchPaths).Assembly.GetCustomAttribute<BuildLayoutAttribute>()
        ?? throw new InvalidOperationException("The benchmark was built without its BuildLayout attribute.");

    public static string RepoRoot => Layout.RepoRoot;

    public static string Configuration => Layout.Configuration;

    /// <summary>acsteams.dll of the same configuration (built through the project reference).</summary>
    public static string AcsTeamsDll => Path.Combine(RepoRoot, "src", "AcsTeamsAdmin.Cli", "bin", Configuration, "net8.0", "acsteams.dll");

    /// <summary>The module folder exactly as it ships (laid out by building src/AcsTeamsAdmin).</summary>
    public static string ModuleFolder => Path.Combine(RepoRoot, "out", "AcsTeamsAdmin");

    /// <summary>The System.Management.Automation reference assembly: metadata only, PowerShell itself is not installed here.</summary>
    public static string SmaReference => Path.Combine(Layout.PowerShellStandardPackage, "lib", "netstandard2.0", "System.Management.Automation.dll");

    /// <summary>This benchmark's own dll, to run a scenario in a fresh process.</summary>
    public static string Self => typeof(BenchPaths).Assembly.Location;
}
