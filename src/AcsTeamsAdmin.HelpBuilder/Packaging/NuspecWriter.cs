using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace AcsTeamsAdmin.HelpBuilder.Packaging;

/// <summary>
/// The .nuspec of the PowerShell Gallery package, from the module manifest as shipped: the same
/// metadata and tags Publish-PSResource writes (the manifest's tags, PSModule, PSIncludes_Cmdlet and
/// PSCmdlet_/PSCommand_ per exported cmdlet, which the Gallery lists and Find-Command searches), the
/// release notes from CHANGELOG.md, and the module folder as the package's content at its root.
/// </summary>
internal static class NuspecWriter
{
    private static readonly XNamespace Nuspec = "http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd";

    public static XDocument Build(string manifestPath, string releaseNotes, string licenseExpression)
    {
        IReadOnlyDictionary<string, object?> manifest = PowerShellDataFile.ReadHashtable(manifestPath);
        var psData = Table(Table(manifest, "PrivateData"), "PSData");
        string[] cmdlets = Strings(manifest, "CmdletsToExport");
        if (cmdlets.Length == 0 || cmdlets.Any(name => name.Contains('*', StringComparison.Ordinal)))
        {
            throw new FormatException("CmdletsToExport must list the cmdlets by name for the package's command tags.");
        }

        IEnumerable<string> tags = Strings(psData, "Tags")
            .Append("PSModule")
            .Append("PSIncludes_Cmdlet")
            .Concat(cmdlets.SelectMany(name => new[] { "PSCmdlet_" + name, "PSCommand_" + name }))
            .Distinct(StringComparer.OrdinalIgnoreCase);

        string moduleFolder = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(Nuspec + "package",
                new XElement(Nuspec + "metadata",
                    new XElement(Nuspec + "id", Path.GetFileNameWithoutExtension(manifestPath)),
                    new XElement(Nuspec + "version", String(manifest, "ModuleVersion")),
                    new XElement(Nuspec + "authors", String(manifest, "Author")),
                    new XElement(Nuspec + "owners", String(manifest, "CompanyName")),
                    new XElement(Nuspec + "requireLicenseAcceptance", "false"),
                    new XElement(Nuspec + "license", new XAttribute("type", "expression"), licenseExpression),
                    new XElement(Nuspec + "projectUrl", String(psData, "ProjectUri")),
                    new XElement(Nuspec + "description", String(manifest, "Description")),
                    new XElement(Nuspec + "releaseNotes", releaseNotes),
                    new XElement(Nuspec + "copyright", String(manifest, "Copyright")),
                    new XElement(Nuspec + "tags", string.Join(' ', tags))),
                new XElement(Nuspec + "files",
                    // The module folder as it is, at the package root: what Install-PSResource unpacks into Modules/AcsTeamsAdmin/<version>/.
                    new XElement(Nuspec + "file",
                        new XAttribute("src", Path.Combine(moduleFolder, "**", "*")),
                        new XAttribute("target", string.Empty)))));
    }

    public static void Save(XDocument document, string path)
    {
        ArgumentNullException.ThrowIfNull(document);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var writer = XmlWriter.Create(path, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) });
        document.Save(writer);
    }

    private static IReadOnlyDictionary<string, object?> Table(IReadOnlyDictionary<string, object?> data, string key) =>
        data.TryGetValue(key, out object? value) && value is IReadOnlyDictionary<string, object?> table
            ? table
            : throw new FormatException($"The manifest has no hashtable '{key}'.");

    private static string String(IReadOnlyDictionary<string, object?> data, string key) =>
        data.TryGetValue(key, out object? value) && value is string text && text.Length > 0
            ? text
            : throw new FormatException($"The manifest has no '{key}'.");

    private static string[] Strings(IReadOnlyDictionary<string, object?> data, string key) =>
        data.TryGetValue(key, out object? value)
            ? value switch
            {
                string single => [single],
                IEnumerable<object?> items => items.OfType<string>().ToArray(),
                _ => throw new FormatException($"'{key}' is not a list of strings."),
            }
            : [];
}
