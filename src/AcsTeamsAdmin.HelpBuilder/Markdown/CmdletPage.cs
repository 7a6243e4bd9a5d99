namespace AcsTeamsAdmin.HelpBuilder.Markdown;

/// <summary>One platyPS cmdlet page (docs/en-US/Verb-Noun.md), as read.</summary>
internal sealed record CmdletPage(
    string Name,
    string Synopsis,
    IReadOnlyList<string> Description,
    IReadOnlyList<SyntaxEntry> Syntax,
    IReadOnlyList<ExampleEntry> Examples,
    IReadOnlyList<ParameterEntry> Parameters,
    IReadOnlyList<TypeEntry> Inputs,
    IReadOnlyList<TypeEntry> Outputs,
    IReadOnlyList<string> Notes,
    IReadOnlyList<LinkEntry> RelatedLinks,
    string? OnlineVersion)
{
    public string Verb => Name[..Name.IndexOf('-', StringComparison.Ordinal)];

    public string Noun => Name[(Name.IndexOf('-', StringComparison.Ordinal) + 1)..];

    /// <summary>The parameter set names, default first; "(All)" alone for a cmdlet with one set.</summary>
    public IReadOnlyList<string> ParameterSetNames => Syntax.Select(entry => entry.SetName).ToArray();
}

/// <summary>A SYNTAX block: one parameter set. SetName is "(All)" when the page has a single unnamed block.</summary>
internal sealed record SyntaxEntry(string SetName, bool IsDefault, string Text)
{
    public const string AllSets = "(All)";

    /// <summary>The parameter names in the order the syntax line gives them.</summary>
    public IReadOnlyList<string> ParameterOrder =>
        Text.Split([' ', '\n', '[', ']'], StringSplitOptions.RemoveEmptyEntries)
            .Where(token => token.Length > 1 && token[0] == '-')
            .Select(token => token[1..])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
}

internal sealed record ExampleEntry(string Title, IReadOnlyList<MarkdownBlock> Code, IReadOnlyList<string> Remarks);

/// <summary>A parameter section: its description and one YAML block per group of parameter sets.</summary>
internal sealed record ParameterEntry(string Name, IReadOnlyList<string> Description, IReadOnlyList<ParameterYaml> Metadata)
{
    public ParameterYaml First => Metadata[0];

    /// <summary>The YAML block that covers <paramref name="setName"/>, or null when the parameter is not in that set.</summary>
    public ParameterYaml? ForSet(string setName) =>
        Metadata.FirstOrDefault(yaml =>
            yaml.ParameterSets.Contains(SyntaxEntry.AllSets)
            || yaml.ParameterSets.Contains(setName, StringComparer.OrdinalIgnoreCase));
}

/// <summary>The ```yaml block platyPS writes under each parameter.</summary>
internal sealed record ParameterYaml(
    string Type,
    IReadOnlyList<string> ParameterSets,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> AcceptedValues,
    bool Required,
    string Position,
    string DefaultValue,
    string PipelineInput,
    bool Globbing)
{
    public bool IsSwitch => Type.Equals("SwitchParameter", StringComparison.OrdinalIgnoreCase);
}

internal sealed record TypeEntry(string TypeName, IReadOnlyList<string> Description);

internal sealed record LinkEntry(string Text, string? Uri);
