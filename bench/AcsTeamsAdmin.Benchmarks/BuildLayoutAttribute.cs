namespace AcsTeamsAdmin.Benchmarks;

/// <summary>The repository root and build configuration, stamped at build time so the benchmark finds acsteams.dll, the module folder and pwsh.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
internal sealed class BuildLayoutAttribute(string repoRoot, string configuration, string nuGetPackageRoot) : Attribute
{
    public string RepoRoot { get; } = repoRoot;

    public string Configuration { get; } = configuration;

    public string NuGetPackageRoot { get; } = nuGetPackageRoot;
}
