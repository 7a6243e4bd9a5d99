using System.Reflection;

namespace AcsTeamsAdmin.Benchmarks;

/// <summary>Where the things under measurement are, as this build laid them out.</summary>
internal static class BenchPaths
{
    private static readonly BuildLayoutAttribute Layout = typeof(BenchPaths).Assembly.GetCustomAttribute<BuildLayoutAttribute>()
        ?? throw new InvalidOperationException("The benchmark was built without its BuildLayout attribute.");

    public static string RepoRoot => Layout.RepoRoot;

    public static string Configuration => Layout.Configuration;

    /// <summary>
    /// Whose acsteams and module the process scenarios run: this repository's build, or ACSTEAMS_BENCH_PRODUCT_ROOT's (another
    /// checkout built in the same configuration), to measure an earlier commit by the same method. The in-process scenarios
    /// (round trips, first call, bulk, memory) always run the engine this benchmark was built with.
    /// </summary>
    public static string ProductRoot => Environment.GetEnvironmentVariable("ACSTEAMS_BENCH_PRODUCT_ROOT") is { Length: > 0 } other ? other : RepoRoot;

    /// <summary>acsteams.dll of the same configuration (built through the project reference).</summary>
    public static string AcsTeamsDll => Path.Combine(ProductRoot, "src", "AcsTeamsAdmin.Cli", "bin", Configuration, "net8.0", "acsteams.dll");

    /// <summary>
    /// acsteams precompiled (ReadyToRun) for this platform and the newest runtime, as `build.ps1 -Task Package` publishes it;
    /// the cold start measures it beside the portable build when it is there.
    /// </summary>
    public static string AcsTeamsReadyToRunDll =>
        Path.Combine(ProductRoot, "out", "acsteams", System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier, "acsteams.dll");

    /// <summary>The module folder exactly as it ships (laid out by building src/AcsTeamsAdmin).</summary>
    public static string ModuleFolder => Path.Combine(ProductRoot, "out", "AcsTeamsAdmin");

    /// <summary>
    /// The pwsh apphost of the PowerShell the repository's tool manifest pins (restored by `dotnet tool restore`), the
    /// program a user's `pwsh` is; ACSTEAMS_BENCH_PWSH names another. Null when neither exists: the pwsh rows are skipped.
    /// </summary>
    public static string? Pwsh
    {
        get
        {
            if (Environment.GetEnvironmentVariable("ACSTEAMS_BENCH_PWSH") is { Length: > 0 } given)
            {
                return given;
            }

            using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot, ".config", "dotnet-tools.json")));
            var version = manifest.RootElement.GetProperty("tools").GetProperty("powershell").GetProperty("version").GetString();
            var name = OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh";
            var path = Path.Combine(Layout.NuGetPackageRoot, "powershell", version ?? "", "tools", "net10.0", "any", OperatingSystem.IsWindows() ? "win" : "unix", name);
            return File.Exists(path) ? path : null;
        }
    }

    /// <summary>This benchmark's own dll, to run a scenario in a fresh process.</summary>
    public static string Self => typeof(BenchPaths).Assembly.Location;
}
