using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using AcsTeamsAdmin.HelpBuilder.Markdown;
using static AcsTeamsAdmin.HelpBuilder.Maml.MamlNames;

namespace AcsTeamsAdmin.HelpBuilder.Maml;

/// <summary>
/// Writes cmdlet pages as a MAML help file with the structure platyPS 0.14's New-ExternalHelp emits
/// (compare PowerShell/SecretManagement's help/en-US/*.dll-Help.xml): helpItems schema="maml", then per
/// cmdlet command:details, maml:description, command:syntax (a syntaxItem per parameter set),
/// command:parameters, command:inputTypes, command:returnValues, maml:alertSet, command:examples and
/// command:relatedLinks.
/// </summary>
internal static class MamlWriter
{
    public static XDocument Build(IEnumerable<CmdletPage> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(MshNs + "helpItems",
                new XAttribute("schema", "maml"),
                pages.OrderBy(page => page.Name, StringComparer.OrdinalIgnoreCase).Select(Command)));
    }

    public static void Save(XDocument document, string path)
    {
        ArgumentNullException.ThrowIfNull(document);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using var writer = XmlWriter.Create(path, settings);
        document.Save(writer);
    }

    private static XElement Command(CmdletPage page) =>
        new(CommandNs + "command",
            new XAttribute(XNamespace.Xmlns + "maml", MamlNs),
            new XAttribute(XNamespace.Xmlns + "command", CommandNs),
            new XAttribute(XNamespace.Xmlns + "dev", DevNs),
            new XAttribute(XNamespace.Xmlns + "MSHelp", MSHelpNs),
            new XElement(CommandNs + "details",
                new XElement(CommandNs + "name", page.Name),
                new XElement(CommandNs + "verb", page.Verb),
                new XElement(CommandNs + "noun", page.Noun),
                Description(MamlNs + "description", [page.Synopsis])),
            Description(MamlNs + "description", page.Description),
            new XElement(CommandNs + "syntax", page.Syntax.Select(set => SyntaxItem(page, set))),
            new XElement(CommandNs + "parameters", page.Parameters.Select(parameter => Parameter(parameter, parameter.First, inSyntax: false))),
            new XElement(CommandNs + "inputTypes", page.Inputs.Select(type => TypeEntry("inputType", type))),
            new XElement(CommandNs + "returnValues", page.Outputs.Select(type => TypeEntry("returnValue", type))),
            new XElement(MamlNs + "alertSet", new XElement(MamlNs + "alert", Paragraphs(page.Notes))),
            new XElement(CommandNs + "examples", page.Examples.Select(Example)),
            new XElement(CommandNs + "relatedLinks", RelatedLinks(page)));

    private static XElement SyntaxItem(CmdletPage page, SyntaxEntry set)
    {
        // The syntax line's order (positional first, as PowerShell prints it), then any the line left out.
        var inSet = page.Parameters
            .Select(parameter => (Parameter: parameter, Yaml: parameter.ForSet(set.SetName)))
            .Where(pair => pair.Yaml is not null)
            .ToList();
        var order = set.ParameterOrder.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index, StringComparer.OrdinalIgnoreCase);
        return new XElement(CommandNs + "syntaxItem",
            new XElement(MamlNs + "name", page.Name),
            inSet.OrderBy(pair => order.TryGetValue(pair.Parameter.Name, out int index) ? index : int.MaxValue)
                .Select(pair => Parameter(pair.Parameter, pair.Yaml!, inSyntax: true)));
    }

    private static XElement Parameter(ParameterEntry parameter, ParameterYaml yaml, bool inSyntax)
    {
        var element = new XElement(CommandNs + "parameter",
            new XAttribute("required", Lower(yaml.Required)),
            new XAttribute("variableLength", "true"),
            new XAttribute("globbing", Lower(yaml.Globbing)),
            new XAttribute("pipelineInput", yaml.PipelineInput),
            new XAttribute("position", yaml.Position.Equals("Named", StringComparison.OrdinalIgnoreCase) ? "named" : yaml.Position),
            new XAttribute("aliases", yaml.Aliases.Count == 0 ? "none" : string.Join(", ", yaml.Aliases)),
            new XElement(MamlNs + "name", parameter.Name),
            Description(MamlNs + "Description", parameter.Description));

        if (inSyntax && yaml.AcceptedValues.Count > 0)
        {
            element.Add(new XElement(CommandNs + "parameterValueGroup",
                yaml.AcceptedValues.Select(value => new XElement(CommandNs + "parameterValue",
                    new XAttribute("required", "false"), new XAttribute("variableLength", "false"), value))));
        }
        else if (!(inSyntax && yaml.IsSwitch))
        {
            // platyPS leaves the value out of a switch in the syntax, and marks it optional in the parameter list.
            element.Add(new XElement(CommandNs + "parameterValue",
                new XAttribute("required", Lower(!yaml.IsSwitch)), new XAttribute("variableLength", "false"), yaml.Type));
        }

        element.Add(
            new XElement(DevNs + "type", new XElement(MamlNs + "name", yaml.Type), new XElement(MamlNs + "uri")),
            new XElement(DevNs + "defaultValue", yaml.DefaultValue));
        return element;
    }

    private static XElement TypeEntry(string elementName, TypeEntry type) =>
        new(CommandNs + elementName,
            new XElement(DevNs + "type", new XElement(MamlNs + "name", type.TypeName)),
            Description(MamlNs + "description", type.Description));

    private static XElement Example(ExampleEntry example, int index) =>
        new(CommandNs + "example",
            new XElement(MamlNs + "title", ExampleTitle(example.Title)),
            new XElement(DevNs + "code", ExampleCode(example)),
            new XElement(DevNs + "remarks", Paragraphs(example.Remarks)));

    /// <summary>The banner platyPS gives example titles, so Get-Help -Examples looks like every other module's.</summary>
    public static string ExampleTitle(string title) => $"-------------------------- {title} --------------------------";

    /// <summary>The example's code blocks, output blocks included, one after another as Get-Help prints them.</summary>
    public static string ExampleCode(ExampleEntry example)
    {
        ArgumentNullException.ThrowIfNull(example);
        return string.Join("\n\n", example.Code.Select(block => block.Text));
    }

    private static IEnumerable<XElement> RelatedLinks(CmdletPage page)
    {
        if (page.OnlineVersion is not null)
        {
            // Get-Help -Online opens the uri of the first link.
            yield return Link("Online Version:", page.OnlineVersion);
        }

        foreach (LinkEntry link in page.RelatedLinks)
        {
            // Links to sibling pages (Get-Foo.md) mean "see that help topic": keep the name, no uri.
            bool absolute = Uri.TryCreate(link.Uri, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
            yield return Link(link.Text, absolute ? link.Uri : null);
        }
    }

    private static XElement Link(string text, string? uri) =>
        new(MamlNs + "navigationLink", new XElement(MamlNs + "linkText", text), new XElement(MamlNs + "uri", uri ?? string.Empty));

    private static XElement Description(XName name, IEnumerable<string> paragraphs) => new(name, Paragraphs(paragraphs));

    private static XElement[] Paragraphs(IEnumerable<string> paragraphs)
    {
        XElement[] elements = paragraphs.Select(text => new XElement(MamlNs + "para", text)).ToArray();
        return elements.Length > 0 ? elements : [new XElement(MamlNs + "para")];
    }

    private static string Lower(bool value) => value.ToString(CultureInfo.InvariantCulture).ToLowerInvariant();
}
