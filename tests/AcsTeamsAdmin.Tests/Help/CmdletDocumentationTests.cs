using System.Reflection;
using AcsTeamsAdmin.HelpBuilder.Markdown;
using AcsTeamsAdmin.Tests.PowerShellModule;

namespace AcsTeamsAdmin.Tests.Help;

/// <summary>
/// docs/en-US is the single source of Get-Help: every compiled cmdlet (whoever adds it) must have a
/// page there with a synopsis, a description, at least two examples, and a section for each of its
/// parameters whose metadata agrees with the code. Read from the compiled cmdlets, so a new cmdlet or
/// parameter without documentation fails here.
/// </summary>
public sealed class CmdletDocumentationTests : IDisposable
{
    private readonly CompiledCmdlets _compiled = CompiledCmdlets.Load(ModulePaths.BinFolder(RepositoryLayout.ModuleFolder), RepositoryLayout.SystemManagementAutomationReference);
    private readonly IReadOnlyDictionary<string, CmdletPage> _pages = HelpPaths.Pages();

    public void Dispose() => _compiled.Dispose();

    private IReadOnlyList<CmdletDefinition> Cmdlets
    {
        get
        {
            Assert.NotEmpty(_compiled.Cmdlets);
            return _compiled.Cmdlets;
        }
    }

    [Fact]
    public void Every_compiled_cmdlet_has_a_page_with_a_synopsis_a_description_and_at_least_two_examples()
    {
        var problems = new List<string>();
        foreach (CmdletDefinition cmdlet in Cmdlets)
        {
            if (!_pages.TryGetValue(cmdlet.Name, out CmdletPage? page))
            {
                problems.Add($"{cmdlet.Name}: no docs/en-US/{cmdlet.Name}.md");
                continue;
            }

            if (page.Synopsis.Length < 20)
            {
                problems.Add($"{cmdlet.Name}: the synopsis is missing or too short");
            }

            if (page.Description.Sum(paragraph => paragraph.Length) < 100)
            {
                problems.Add($"{cmdlet.Name}: the description is missing or too short");
            }

            if (page.Examples.Count < 2)
            {
                problems.Add($"{cmdlet.Name}: {page.Examples.Count} example(s), at least 2 needed");
            }

            problems.AddRange(page.Examples.Where(example => !example.Code.Any(block => block.Text.Contains(cmdlet.Name, StringComparison.OrdinalIgnoreCase)) && !example.Code.Any(block => block.Text.Contains("acsteams", StringComparison.Ordinal)))
                .Select(example => $"{cmdlet.Name}: '{example.Title}' never runs the cmdlet"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_page_documents_a_compiled_cmdlet()
    {
        var compiled = Cmdlets.Select(cmdlet => cmdlet.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

        string[] stale = _pages.Keys.Where(name => !compiled.Contains(name)).ToArray();

        Assert.NotEmpty(_pages);
        Assert.True(stale.Length == 0, "Pages for cmdlets that do not exist: " + string.Join(", ", stale));
    }

    [Fact]
    public void Each_page_has_a_section_for_every_parameter_and_none_for_a_parameter_that_does_not_exist()
    {
        var problems = new List<string>();
        foreach (CmdletDefinition cmdlet in Cmdlets.Where(c => _pages.ContainsKey(c.Name)))
        {
            IReadOnlyList<string> expected = HelpPaths.DocumentedParameterNames(cmdlet);
            string[] documented = _pages[cmdlet.Name].Parameters.Select(parameter => parameter.Name).ToArray();
            problems.AddRange(expected.Except(documented, StringComparer.Ordinal).Select(name => $"{cmdlet.Name}: -{name} has no '### -{name}' section"));
            problems.AddRange(documented.Except(expected, StringComparer.Ordinal).Select(name => $"{cmdlet.Name}: '### -{name}' documents a parameter the cmdlet does not have"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_parameter_metadata_on_each_page_agrees_with_the_compiled_cmdlet()
    {
        var problems = new List<string>();
        foreach (CmdletDefinition cmdlet in Cmdlets.Where(c => _pages.ContainsKey(c.Name)))
        {
            CmdletPage page = _pages[cmdlet.Name];
            IReadOnlyList<string> namedSets = CompiledParameters.NamedSets(cmdlet);
            string[] pageSets = page.ParameterSetNames.Where(set => set != SyntaxEntry.AllSets).ToArray();
            if (!namedSets.Order(StringComparer.OrdinalIgnoreCase).SequenceEqual(pageSets.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"{cmdlet.Name}: SYNTAX sets [{string.Join(", ", pageSets)}], compiled [{string.Join(", ", namedSets)}]");
            }

            if (CompiledParameters.DefaultSet(cmdlet) is { } defaultSet && namedSets.Count > 1
                && !page.Syntax.Any(entry => entry.IsDefault && string.Equals(entry.SetName, defaultSet, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add($"{cmdlet.Name}: SYNTAX does not mark '{defaultSet}' as (Default)");
            }

            foreach (PropertyInfo parameter in cmdlet.Parameters)
            {
                ParameterEntry? entry = page.Parameters.FirstOrDefault(p => p.Name == parameter.Name);
                if (entry is not null)
                {
                    problems.AddRange(Compare(cmdlet, parameter, entry, namedSets));
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static IEnumerable<string> Compare(CmdletDefinition cmdlet, PropertyInfo parameter, ParameterEntry entry, IReadOnlyList<string> namedSets)
    {
        string where = $"{cmdlet.Name} -{parameter.Name}";
        string type = CompiledParameters.TypeName(parameter.PropertyType);
        if (entry.Metadata.Any(yaml => !string.Equals(yaml.Type, type, StringComparison.OrdinalIgnoreCase)))
        {
            yield return $"{where}: Type '{entry.First.Type}', compiled {type}";
        }

        IReadOnlyList<string> aliases = CompiledParameters.Aliases(parameter);
        if (entry.Metadata.Any(yaml => !yaml.Aliases.Order(StringComparer.OrdinalIgnoreCase).SequenceEqual(aliases.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase)))
        {
            yield return $"{where}: Aliases '{string.Join(", ", entry.First.Aliases)}', compiled '{string.Join(", ", aliases)}'";
        }

        if (entry.Metadata.Any(yaml => yaml.Globbing != CompiledParameters.SupportsWildcards(parameter)))
        {
            yield return $"{where}: 'Accept wildcard characters' disagrees with [SupportsWildcards]";
        }

        IEnumerable<string> sets = namedSets.Count == 0 ? [SyntaxEntry.AllSets] : namedSets;
        foreach (string set in sets)
        {
            ParameterBinding? binding = CompiledParameters.InSet(parameter, set == SyntaxEntry.AllSets ? CompiledParameters.AllSets : set);
            ParameterYaml? yaml = entry.ForSet(set);
            if (binding is null != yaml is null)
            {
                yield return $"{where}: in set '{set}' {(binding is null ? "documented but not compiled" : "compiled but not documented")}";
                continue;
            }

            if (binding is null || yaml is null)
            {
                continue;
            }

            if (binding.Mandatory != yaml.Required)
            {
                yield return $"{where} ({set}): Required {yaml.Required}, compiled {binding.Mandatory}";
            }

            if (!string.Equals(binding.PositionText, yaml.Position, StringComparison.OrdinalIgnoreCase))
            {
                yield return $"{where} ({set}): Position {yaml.Position}, compiled {binding.PositionText}";
            }

            if (!string.Equals(binding.PipelineInput, yaml.PipelineInput, StringComparison.OrdinalIgnoreCase))
            {
                yield return $"{where} ({set}): 'Accept pipeline input: {yaml.PipelineInput}', compiled {binding.PipelineInput}";
            }
        }
    }
}
