namespace AcsTeamsAdmin.Benchmarks;

/// <summary>The repository root and build configuration, stamped at build time so the benchmark finds acsteams.dll and the module folder.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
internal sealed class BuildLayoutAttribute(string repoRoot, string configuration, string powerShellStandardPackage) : Attribute
{
    public string RepoRoot { get; } = repoRoot;

    public string Configuration { get; } = configuration;

    public string PowerShellStandardPackage { get; } = powerShellStandardPackage;
}
