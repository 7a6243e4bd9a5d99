using System.Xml.Linq;
using AcsTeamsAdmin.Cli.Output;

namespace AcsTeamsAdmin.Tests.Cli;

/// <summary>PowerShell's default views and the command line's readable output show the same columns.</summary>
public class FormatFileTests
{
    private static readonly XDocument FormatFile = XDocument.Load(Path.Combine(RepositoryLayout.Root, "module", "AcsTeamsAdmin.Format.ps1xml"));

    public static TheoryData<string> ViewedTypes() =>
        [.. FormatFile.Descendants("TypeName").Select(element => element.Value)];

    [Theory]
    [MemberData(nameof(ViewedTypes))]
    public void Each_view_names_an_engine_type_and_shows_the_command_line_columns(string typeName)
    {
        var type = typeof(AcsTeamsAdmin.Engine.Connections.ConnectionInfo).Assembly.GetType(typeName);
        Assert.NotNull(type);

        var view = FormatFile.Descendants("View").Single(v => v.Descendants("TypeName").Any(t => t.Value == typeName));
        var columns = view.Descendants("ListItem").Select(item => (item.Element("PropertyName") ?? item.Element("Label"))!.Value)
            .Concat(view.Descendants("TableColumnItem").Select(item => item.Element("PropertyName")!.Value))
            .ToArray();

        Assert.Equal(DisplayColumns.For(type!), columns);
        Assert.All(columns, column => Assert.NotNull(type!.GetProperty(column)));
    }

    [Fact]
    public void Every_table_has_as_many_headers_as_columns()
    {
        Assert.All(FormatFile.Descendants("TableControl"), table =>
            Assert.Equal(table.Descendants("TableColumnHeader").Count(), table.Descendants("TableColumnItem").Count()));
    }

    [Fact]
    public void Every_type_a_cmdlet_outputs_has_a_view()
    {
        using var cmdlets = AcsTeamsAdmin.Tests.PowerShellModule.CompiledCmdlets.Load(
            AcsTeamsAdmin.Tests.PowerShellModule.ModulePaths.BinFolder(RepositoryLayout.ModuleFolder));
        var viewed = FormatFile.Descendants("TypeName").Select(element => element.Value).ToHashSet(StringComparer.Ordinal);
        var missing = cmdlets.Cmdlets
            .SelectMany(cmdlet => cmdlet.OutputTypes.Select(type => (Cmdlet: cmdlet.Name, Type: type.FullName!)))
            .Where(output => !output.Type.StartsWith("System.", StringComparison.Ordinal) && !viewed.Contains(output.Type))
            .Select(output => $"{output.Cmdlet} -> {output.Type}")
            .ToArray();

        Assert.NotEmpty(viewed);
        Assert.Empty(missing);
    }
}
