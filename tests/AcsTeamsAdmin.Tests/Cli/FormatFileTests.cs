using System.Reflection;
using System.Xml.Linq;
using AcsTeamsAdmin.Engine.Presentation;
using AcsTeamsAdmin.HelpBuilder.Formats;

namespace AcsTeamsAdmin.Tests.Cli;

/// <summary>
/// The module's format file, generated at build from the engine's [DefaultDisplay] attributes (the columns acsteams
/// prints too): a view for every output type, tables that fit a 120-column window, and specs that say what they mean.
/// </summary>
public class FormatFileTests
{
    // The narrowest a column without a width may get before its text is more wrap than text.
    private const int NarrowestSharedColumn = 12;

    private static readonly XDocument FormatFile = XDocument.Load(Path.Combine(RepositoryLayout.ModuleFolder, "AcsTeamsAdmin.Format.ps1xml"));

    private static readonly Assembly Engine = typeof(DefaultDisplayAttribute).Assembly;

    [Fact]
    public void Every_type_with_a_default_display_has_the_generated_view_of_its_columns()
    {
        var displayed = Engine.GetTypes().Where(type => type.GetCustomAttribute<DefaultDisplayAttribute>() is not null).ToArray();

        Assert.Equal(displayed.Length, FormatFile.Descendants("View").Count());
        Assert.All(displayed, type =>
        {
            var display = type.GetCustomAttribute<DefaultDisplayAttribute>()!;
            var view = FormatFile.Descendants("View").Single(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value == type.FullName);
            var shown = view.Descendants("TableColumnHeader").Select(header => header.Element("Label")!.Value)
                .Concat(view.Descendants("ListItem").Select(item => (item.Element("PropertyName") ?? item.Element("Label"))!.Value));
            Assert.Equal(display.Properties.Where(property => property != display.GroupBy), shown);
        });
    }

    [Fact]
    public void Every_table_fits_a_120_column_window_with_room_for_its_shared_columns()
    {
        Assert.All(FormatFile.Descendants("TableControl"), table =>
        {
            var headers = table.Descendants("TableColumnHeader").ToArray();
            var fixedWidth = headers.Sum(header => (int?)header.Element("Width") ?? 0);
            var shared = headers.Count(header => header.Element("Width") is null);
            var needed = fixedWidth + (headers.Length - 1) + (shared * NarrowestSharedColumn);
            Assert.True(needed <= 120, $"{table.Parent!.Element("Name")!.Value} needs {needed} columns.");
            Assert.Equal(headers.Length, table.Descendants("TableColumnItem").Count());
        });
    }

    [Fact]
    public void Every_type_a_cmdlet_outputs_has_a_view()
    {
        using var cmdlets = CompiledCmdlets.Load(
            AcsTeamsAdmin.Tests.PowerShellModule.ModulePaths.BinFolder(RepositoryLayout.ModuleFolder), RepositoryLayout.SystemManagementAutomationReference);
        var viewed = FormatFile.Descendants("TypeName").Select(element => element.Value).ToHashSet(StringComparer.Ordinal);
        var missing = cmdlets.Cmdlets
            .SelectMany(cmdlet => cmdlet.OutputTypes.Select(type => (Cmdlet: cmdlet.Name, Type: type.FullName!)))
            .Where(output => !output.Type.StartsWith("System.", StringComparison.Ordinal) && !viewed.Contains(output.Type))
            .Select(output => $"{output.Cmdlet} -> {output.Type}")
            .ToArray();

        Assert.NotEmpty(viewed);
        Assert.Empty(missing);
    }

    [Fact]
    public void Collections_are_joined_and_a_group_header_replaces_its_column()
    {
        var readiness = View("AcsTeamsAdmin.ReadinessCheck");
        var consent = View("AcsTeamsAdmin.AdminConsentStatus");

        Assert.Contains("$_.AppId", readiness.Element("GroupBy")!.Element("ScriptBlock")!.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(readiness.Descendants("Label"), label => label.Value == "AppId" && label.Parent!.Name == "TableColumnHeader");
        Assert.Contains(consent.Descendants("ScriptBlock"), script => script.Value == "$_.MissingScopes -join ', '");
    }

    [Fact]
    public void A_column_that_names_no_property_fails_the_build_with_the_type_named()
    {
        var error = Assert.Throws<FormatException>(() => FormatFileWriter.Build(typeof(FormatFileTests).Assembly));

        Assert.Contains(nameof(MisnamedColumn), error.Message, StringComparison.Ordinal);
    }

    private static XElement View(string name) => FormatFile.Descendants("View").Single(view => view.Element("Name")!.Value == name);

    [DefaultDisplay("Nmae")]
    private sealed record MisnamedColumn(string Name);
}
