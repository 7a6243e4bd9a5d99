using System.Text.RegularExpressions;

namespace AcsTeamsAdmin.HelpBuilder.Markdown;

/// <summary>
/// Reads a cmdlet page in platyPS 0.14's layout: "# Name", then ## SYNOPSIS, SYNTAX, DESCRIPTION,
/// EXAMPLES, PARAMETERS, INPUTS, OUTPUTS, NOTES, RELATED LINKS. A page that lacks a section the help
/// needs is an error naming the file and the section, so a broken page fails the build.
/// </summary>
internal static partial class CmdletPageReader
{
    private const string CommonParameters = "CommonParameters";

    public static CmdletPage Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string file = Path.GetFileName(path);
        try
        {
            return Read(MarkdownDocument.Parse(File.ReadAllText(path)), file);
        }
        catch (FormatException error)
        {
            throw new FormatException($"{file}: {error.Message}", error);
        }
    }

    public static CmdletPage Read(MarkdownDocument document, string file)
    {
        ArgumentNullException.ThrowIfNull(document);
        MarkdownSection page = document.Sections.Count == 1 && document.Sections[0].Level == 1
            ? document.Sections[0]
            : throw new FormatException("a cmdlet page has exactly one '# Verb-Noun' heading.");

        string name = page.Title;
        if (!string.Equals(name + ".md", file, StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"the heading '# {name}' does not match the file name.");
        }

        MarkdownSection Required(string title) => page.Child(title) ?? throw new FormatException($"there is no '## {title}' section.");

        string synopsis = string.Join(' ', MarkdownText.Paragraphs(Required("SYNOPSIS").Body));
        IReadOnlyList<string> description = MarkdownText.HelpParagraphs(Required("DESCRIPTION").Body);
        if (synopsis.Length == 0 || description.Count == 0)
        {
            throw new FormatException("SYNOPSIS and DESCRIPTION must not be empty.");
        }

        return new CmdletPage(
            name,
            synopsis,
            description,
            ReadSyntax(Required("SYNTAX")),
            Required("EXAMPLES").Children.Select(ReadExample).ToArray(),
            Required("PARAMETERS").Children.Where(p => p.Title != CommonParameters).Select(ReadParameter).ToArray(),
            ReadTypes(Required("INPUTS")),
            ReadTypes(Required("OUTPUTS")),
            MarkdownText.HelpParagraphs(Required("NOTES").Body),
            ReadLinks(Required("RELATED LINKS")),
            document.FrontMatter.TryGetValue("online version", out string? online) && online.Length > 0 ? online : null);
    }

    private static SyntaxEntry[] ReadSyntax(MarkdownSection syntax)
    {
        if (syntax.Children.Count == 0)
        {
            string text = CodeBlocks(syntax.Body).SingleOrDefault() ?? throw new FormatException("SYNTAX has no code block.");
            return [new SyntaxEntry(SyntaxEntry.AllSets, IsDefault: true, text)];
        }

        return syntax.Children.Select(set =>
        {
            bool isDefault = set.Title.EndsWith("(Default)", StringComparison.OrdinalIgnoreCase);
            string setName = isDefault ? set.Title[..^"(Default)".Length].Trim() : set.Title;
            string text = CodeBlocks(set.Body).SingleOrDefault() ?? throw new FormatException($"SYNTAX '### {set.Title}' has no code block.");
            return new SyntaxEntry(setName, isDefault, text);
        }).ToArray();
    }

    private static ExampleEntry ReadExample(MarkdownSection example)
    {
        IReadOnlyList<MarkdownBlock> blocks = MarkdownText.Blocks(example.Body);
        MarkdownBlock[] code = blocks.Where(block => block.Fence is not null).ToArray();
        if (code.Length == 0)
        {
            throw new FormatException($"'### {example.Title}' has no code block.");
        }

        return new ExampleEntry(example.Title, code, blocks.Where(block => block.Fence is null).Select(block => block.Text).ToArray());
    }

    private static ParameterEntry ReadParameter(MarkdownSection parameter)
    {
        if (!parameter.Title.StartsWith('-'))
        {
            throw new FormatException($"'### {parameter.Title}' under PARAMETERS is not a '### -Name' heading.");
        }

        string name = parameter.Title[1..];
        IReadOnlyList<MarkdownBlock> blocks = MarkdownText.Blocks(parameter.Body);
        ParameterYaml[] metadata = blocks
            .Where(block => string.Equals(block.Fence, "yaml", StringComparison.OrdinalIgnoreCase))
            .Select(block => ParameterYamlReader.Read(block.Text, $"-{name}"))
            .ToArray();
        IReadOnlyList<string> description = MarkdownText.HelpParagraphs(parameter.Body, except: "yaml");
        if (metadata.Length == 0 || description.Count == 0)
        {
            throw new FormatException($"-{name} needs a description and a ```yaml block.");
        }

        return new ParameterEntry(name, description, metadata);
    }

    private static TypeEntry[] ReadTypes(MarkdownSection section) =>
        section.Children.Select(type => new TypeEntry(type.Title, MarkdownText.HelpParagraphs(type.Body))).ToArray();

    private static LinkEntry[] ReadLinks(MarkdownSection section) =>
        MarkdownText.Paragraphs(section.Body)
            .SelectMany(paragraph => paragraph.Split('\n'))
            .Select(line => LinkPattern().Match(line.Trim()))
            .Where(match => match.Success)
            .Select(match => new LinkEntry(match.Groups["text"].Value, match.Groups["uri"].Value is { Length: > 0 } uri ? uri : null))
            .ToArray();

    private static IEnumerable<string> CodeBlocks(IEnumerable<string> body) =>
        MarkdownText.Blocks(body).Where(block => block.Fence is not null).Select(block => block.Text);

    [GeneratedRegex(@"^\[(?<text>[^\]]+)\]\((?<uri>[^)]*)\)$")]
    private static partial Regex LinkPattern();
}
