using System.IO.Compression;
using System.Xml.Linq;
using AcsTeamsAdmin.HelpBuilder.Packaging;
using AcsTeamsAdmin.Tests.PowerShellModule;
using Xunit.Abstractions;

namespace AcsTeamsAdmin.Tests.Packaging;

/// <summary>
/// The .nupkg dotnet builds (src/AcsTeamsAdmin.Package) is what the PowerShell Gallery takes: the
/// module folder at its root, file for file, and a nuspec carrying the manifest's metadata, the
/// Gallery's command tags and the CHANGELOG's release notes.
/// </summary>
public sealed class GalleryPackageTests(ITestOutputHelper output)
{
    // What NuGet itself adds to every package.
    private static readonly string[] PackageInfrastructure = ["[Content_Types].xml", "_rels/.rels", "AcsTeamsAdmin.nuspec"];

    private static string PackagePath
    {
        get
        {
            string version = ModuleManifest.Shipped().String("ModuleVersion");
            string path = Path.Combine(RepositoryLayout.Root, "out", "packages", $"AcsTeamsAdmin.{version}.nupkg");
            Assert.True(File.Exists(path), $"The build did not make {path} (src/AcsTeamsAdmin.Package).");
            return path;
        }
    }

    [Fact]
    public void The_package_holds_the_module_folder_at_its_root_file_for_file()
    {
        using ZipArchive package = ZipFile.OpenRead(PackagePath);
        var entries = package.Entries
            .Where(entry => !PackageInfrastructure.Contains(entry.FullName) && !entry.FullName.StartsWith("package/", StringComparison.Ordinal))
            .ToDictionary(entry => Uri.UnescapeDataString(entry.FullName), entry => entry.Length);

        IReadOnlyList<string> shipped = ShippedFiles.List(RepositoryLayout.ModuleFolder);

        Assert.Equal(shipped, entries.Keys.Order(StringComparer.Ordinal));
        Assert.All(shipped, file => Assert.Equal(new FileInfo(Path.Combine(RepositoryLayout.ModuleFolder, file)).Length, entries[file]));
        output.WriteLine($"nupkg: {new FileInfo(PackagePath).Length / 1024.0 / 1024.0:F1} MB, {entries.Count} module files");
    }

    [Fact]
    public void The_nuspec_carries_the_manifests_metadata()
    {
        XElement metadata = Metadata();
        ModuleManifest manifest = ModuleManifest.Shipped();
        ModuleManifest psData = manifest.Table("PrivateData").Table("PSData");

        Assert.Equal("AcsTeamsAdmin", Get(metadata, "id").Value);
        Assert.Equal(manifest.String("ModuleVersion"), Get(metadata, "version").Value);
        Assert.Equal(manifest.String("Author"), Get(metadata, "authors").Value);
        Assert.Equal(manifest.String("Description"), Get(metadata, "description").Value);
        Assert.Equal(manifest.String("Copyright"), Get(metadata, "copyright").Value);
        Assert.Equal(psData.String("ProjectUri"), Get(metadata, "projectUrl").Value);
        Assert.Equal("MIT", Get(metadata, "license").Value);
    }

    [Fact]
    public void The_nuspec_tags_are_the_manifests_plus_the_Gallerys_command_tags()
    {
        string[] tags = Get(Metadata(), "tags").Value.Split(' ');
        ModuleManifest manifest = ModuleManifest.Shipped();
        IEnumerable<string> expected = manifest.Table("PrivateData").Table("PSData").Strings("Tags")
            .Concat(["PSModule", "PSIncludes_Cmdlet"])
            .Concat(manifest.Strings("CmdletsToExport").SelectMany(name => new[] { "PSCmdlet_" + name, "PSCommand_" + name }));

        Assert.Equal(expected.Order(StringComparer.Ordinal), tags.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_release_notes_are_the_versions_CHANGELOG_section()
    {
        string version = ModuleManifest.Shipped().String("ModuleVersion");
        string changelog = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "CHANGELOG.md"));

        string notes = Get(Metadata(), "releaseNotes").Value;

        Assert.Equal(ChangelogReader.ReleaseNotes(changelog, version), notes.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.NotEmpty(notes);
    }

    [Fact]
    public void A_version_without_a_CHANGELOG_section_cannot_be_packaged()
    {
        FormatException error = Assert.Throws<FormatException>(() => ChangelogReader.ReleaseNotes("# Changelog\n\n## [0.1.0]\n- first\n", "0.2.0"));

        Assert.Contains("0.2.0", error.Message, StringComparison.Ordinal);
        Assert.Equal("- first", ChangelogReader.ReleaseNotes("# Changelog\n\n## [0.2.0] - 2025-01-01\n- second\n\n## [0.1.0]\n- first\n", "0.1.0"));
    }

    private static XElement Get(XElement metadata, string name) => metadata.Element(metadata.Name.Namespace + name)!;

    private static XElement Metadata()
    {
        // NuGet writes the nuspec into the package in the namespace of its own schema version.
        XElement root = ReadNuspec().Root!;
        return root.Element(root.Name.Namespace + "metadata")!;
    }

    private static XDocument ReadNuspec()
    {
        using ZipArchive package = ZipFile.OpenRead(PackagePath);
        using Stream nuspec = package.GetEntry("AcsTeamsAdmin.nuspec")!.Open();
        return XDocument.Load(nuspec);
    }
}
