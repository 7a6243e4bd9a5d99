namespace AcsTeamsAdmin.Tests;

/// <summary>Where the build put things, stamped into the test assembly at build time.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
internal sealed class RepositoryLayoutAttribute(string repositoryRoot, string powerShellStandardPackage) : Attribute
{
    public string RepositoryRoot { get; } = repositoryRoot;

    public string PowerShellStandardPackage { get; } = powerShellStandardPackage;
}

internal static class RepositoryLayout
{
    private static readonly RepositoryLayoutAttribute Stamp =
        (RepositoryLayoutAttribute)Attribute.GetCustomAttribute(typeof(RepositoryLayout).Assembly, typeof(RepositoryLayoutAttribute))!;

    public static string Root => Stamp.RepositoryRoot;

    public static string ModuleFolder => Path.Combine(Root, "out", "AcsTeamsAdmin");

    public static string ModuleManifest => Path.Combine(ModuleFolder, "AcsTeamsAdmin.psd1");

    public static string SystemManagementAutomationReference =>
        Path.Combine(Stamp.PowerShellStandardPackage, "lib", "netstandard2.0", "System.Management.Automation.dll");
}
