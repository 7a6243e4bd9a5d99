using AcsTeamsAdmin.HelpBuilder.Maml;
using AcsTeamsAdmin.HelpBuilder.Markdown;

namespace AcsTeamsAdmin.Tests.Help;

/// <summary>The reader on pages written here: what it takes, and that a broken page fails the build by name.</summary>
public sealed class CmdletPageReaderTests
{
    private const string Page = """
        ---
        online version: https://example.org/Get-AcsThing.md
        ---

        # Get-AcsThing

        ## SYNOPSIS
        Gets a thing.

        ## SYNTAX

        ```
        Get-AcsThing [-Name] <String> [-Force] [<CommonParameters>]
        ```

        ## DESCRIPTION
        Gets a thing, with <angle> & ampersand.

        Second paragraph.

        ## EXAMPLES

        ### Example 1: One
        ```powershell
        Get-AcsThing -Name a | Where-Object { $_.Size -lt 3 }
        ```

        ```Output
        Name
        ----
        a
        ```

        Remark one.

        ### Example 2: Two
        ```powershell
        Get-AcsThing b -Force
        ```

        ## PARAMETERS

        ### -Force
        Forces it.

        ```yaml
        Type: SwitchParameter
        Parameter Sets: (All)
        Aliases:

        Required: False
        Position: Named
        Default value: False
        Accept pipeline input: False
        Accept wildcard characters: False
        ```

        ### -Name
        The name.

        ```yaml
        Type: String
        Parameter Sets: (All)
        Aliases: Id

        Required: True
        Position: 0
        Default value: None
        Accept pipeline input: True (ByPropertyName)
        Accept wildcard characters: True
        ```

        ### CommonParameters
        This cmdlet supports the common parameters.

        ## INPUTS

        ### System.String

        ## OUTPUTS

        ### Thing
        A thing.

        ## NOTES
        Note.

        ## RELATED LINKS

        [Get-Other](Get-Other.md)
        """;

    [Fact]
    public void A_platyPS_page_reads_into_its_parts()
    {
        CmdletPage page = CmdletPageReader.Read(MarkdownDocument.Parse(Page), "Get-AcsThing.md");

        Assert.Equal("Gets a thing.", page.Synopsis);
        Assert.Equal(["Gets a thing, with <angle> & ampersand.", "Second paragraph."], page.Description);
        Assert.Equal(["Force", "Name"], page.Parameters.Select(p => p.Name));
        Assert.Equal(["Id"], page.Parameters[1].First.Aliases);
        Assert.True(page.Parameters[1].First.Globbing);
        Assert.Equal(2, page.Examples.Count);
        Assert.Equal(["powershell", "Output"], page.Examples[0].Code.Select(c => c.Fence));
        Assert.Equal(["Remark one."], page.Examples[0].Remarks);
        Assert.Equal(["Name", "Force"], page.Syntax.Single().ParameterOrder);
    }

    [Fact]
    public void The_MAML_keeps_switches_without_a_value_in_the_syntax_and_escapes_text()
    {
        CmdletPage page = CmdletPageReader.Read(MarkdownDocument.Parse(Page), "Get-AcsThing.md");

        string xml = MamlWriter.Build([page]).ToString();
        var document = System.Xml.Linq.XDocument.Parse(xml);
        System.Xml.Linq.XNamespace command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        System.Xml.Linq.XNamespace maml = "http://schemas.microsoft.com/maml/2004/10";
        var syntax = document.Descendants(command + "syntaxItem").Single().Elements(command + "parameter").ToArray();

        Assert.Equal(["Name", "Force"], syntax.Select(p => p.Element(maml + "name")!.Value));
        Assert.Null(syntax[1].Element(command + "parameterValue"));
        Assert.Equal("String", syntax[0].Element(command + "parameterValue")!.Value);
        Assert.Equal("true", syntax[0].Attribute("globbing")!.Value);
        Assert.Equal("Id", syntax[0].Attribute("aliases")!.Value);
        Assert.Contains("&lt;angle&gt; &amp; ampersand", xml, StringComparison.Ordinal);
        Assert.Equal(["Online Version:", "Get-Other"], document.Descendants(maml + "linkText").Select(l => l.Value));
    }

    [Theory]
    [InlineData("## EXAMPLES", "## EXAMPLE", "no '## EXAMPLES' section")]
    [InlineData("Type: String\n", "", "no 'Type:'")]
    [InlineData("Required: True", "Required: Yes", "'Required: Yes' is not True or False")]
    public void A_page_missing_what_help_needs_fails_with_the_section_named(string find, string replace, string expected)
    {
        string broken = Page.Replace(find, replace, StringComparison.Ordinal);

        FormatException error = Assert.Throws<FormatException>(() => CmdletPageReader.Read(MarkdownDocument.Parse(broken), "Get-AcsThing.md"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_whose_heading_is_not_its_file_name_is_refused()
    {
        FormatException error = Assert.Throws<FormatException>(() => CmdletPageReader.Read(MarkdownDocument.Parse(Page), "Get-AcsOther.md"));

        Assert.Contains("does not match the file name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_blocks_in_a_description_reach_the_MAML_indented_after_the_paragraph_that_introduces_them()
    {
        // A sentence ending "...:" introduces the block: without it Get-Help would print the colon and nothing. In the
        // same maml:para, as Get-Help trims a para's start and would unindent the block's first line.
        string page = Page
            .Replace("Second paragraph.", "Run these:\n\n```powershell\nConnect-Other\nSet-Other -Identity x\n```\n\nThen wait.", StringComparison.Ordinal)
            .Replace("Forces it.\n", "Forces it, as in:\n\n```\nGet-AcsThing -Force\n```\n", StringComparison.Ordinal)
            .Replace("## NOTES\nNote.", "## NOTES\nNote:\n\n```\nnoted\n```", StringComparison.Ordinal)
            .Replace("A thing.\n", "A thing:\n\n```\nName\n```\n", StringComparison.Ordinal);
        CmdletPage read = CmdletPageReader.Read(MarkdownDocument.Parse(page), "Get-AcsThing.md");

        var document = System.Xml.Linq.XDocument.Parse(MamlWriter.Build([read]).ToString());
        System.Xml.Linq.XNamespace command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        System.Xml.Linq.XNamespace maml = "http://schemas.microsoft.com/maml/2004/10";
        string[] Paras(System.Xml.Linq.XElement? element) => element!.Elements(maml + "para").Select(para => para.Value).ToArray();
        var root = document.Descendants(command + "command").Single();

        Assert.Equal(["Gets a thing, with <angle> & ampersand.", "Run these:\n\n    Connect-Other\n    Set-Other -Identity x", "Then wait."],
            Paras(root.Element(maml + "description")));
        var force = root.Element(command + "parameters")!.Elements(command + "parameter").First();
        Assert.Equal(["Forces it, as in:\n\n    Get-AcsThing -Force"], Paras(force.Element(maml + "Description"))); // not the ```yaml
        Assert.Equal(["Note:\n\n    noted"], Paras(root.Element(maml + "alertSet")!.Element(maml + "alert")));
        Assert.Equal(["A thing:\n\n    Name"], Paras(root.Descendants(command + "returnValue").Single().Element(maml + "description")));
    }
}
