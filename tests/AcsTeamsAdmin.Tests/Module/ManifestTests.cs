using System.Xml.Linq;

namespace AcsTeamsAdmin.Tests.PowerShellModule;

/// <summary>What Test-ModuleManifest and the PowerShell Gallery would check, and what this project adds.</summary>
public sealed class ManifestTests
{
    [Fact]
    public void The_source_manifest_keeps_the_version_placeholder()
    {
        Assert.Equal("{{ModuleVersion}}", ModuleManifest.Source().String("ModuleVersion"));
    }

    [Fact]
    public void The_shipped_manifest_carries_the_version_from_Directory_Build_props()
    {
        string expected = XDocument.Load(Path.Combine(RepositoryLayout.Root, "Directory.Build.props"))
            .Descendants("ModuleVersion").Single().Value;

        string shipped = ModuleManifest.Shipped().String("ModuleVersion");

        Assert.Equal(expected, shipped);
        Assert.True(Version.TryParse(shipped, out _), $"'{shipped}' is not a version PowerShell accepts.");
    }

    [Fact]
    public void The_manifest_identifies_the_module_for_the_gallery()
    {
        ModuleManifest manifest = ModuleManifest.Shipped();

        Assert.True(Guid.TryParse(manifest.String("GUID"), out Guid id) && id != Guid.Empty);
        Assert.Equal("7.4", manifest.String("PowerShellVersion"));
        Assert.Equal(["Core"], manifest.Strings("CompatiblePSEditions"));
        foreach (string key in new[] { "Author", "CompanyName", "Copyright", "Description" })
        {
            Assert.False(string.IsNullOrWhiteSpace(manifest.String(key)), key);
        }

        ModuleManifest psData = manifest.Table("PrivateData").Table("PSData");
        Assert.Superset(
            new HashSet<string>(["ACS", "Teams", "Entra", "AzureCommunicationServices", "Graph", "PSEdition_Core", "Windows", "Linux", "MacOS"]),
            psData.Strings("Tags").ToHashSet());
        Assert.All(psData.Strings("Tags"), tag => Assert.DoesNotContain(' ', tag));
        Assert.True(Uri.TryCreate(psData.String("ProjectUri"), UriKind.Absolute, out _));
        Assert.True(Uri.TryCreate(psData.String("LicenseUri"), UriKind.Absolute, out _));
        Assert.False(string.IsNullOrWhiteSpace(psData.String("ReleaseNotes")));
    }

    [Fact]
    public void The_manifest_exports_no_functions_aliases_or_variables_and_no_wildcards()
    {
        ModuleManifest manifest = ModuleManifest.Shipped();

        Assert.Empty(manifest.Strings("FunctionsToExport"));
        Assert.Empty(manifest.Strings("AliasesToExport"));
        Assert.Empty(manifest.Strings("VariablesToExport"));
        Assert.NotEmpty(manifest.Strings("CmdletsToExport"));
        Assert.DoesNotContain(manifest.Strings("CmdletsToExport"), name => name.Contains('*', StringComparison.Ordinal));
    }

    [Fact]
    public void Every_file_the_manifest_names_is_in_the_module_folder()
    {
        ModuleManifest manifest = ModuleManifest.Shipped();

        Assert.Equal("AcsTeamsAdmin.psm1", manifest.String("RootModule"));
        IEnumerable<string> named = manifest.Strings("FormatsToProcess").Prepend(manifest.String("RootModule"));
        Assert.All(named, file => Assert.True(File.Exists(Path.Combine(RepositoryLayout.ModuleFolder, file)), $"{file} is not in {RepositoryLayout.ModuleFolder}."));
    }
}
