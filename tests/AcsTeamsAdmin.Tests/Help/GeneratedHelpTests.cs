using System.Reflection;
using System.Xml.Linq;
using AcsTeamsAdmin.HelpBuilder;
using AcsTeamsAdmin.HelpBuilder.Maml;
using AcsTeamsAdmin.HelpBuilder.Markdown;
using AcsTeamsAdmin.Tests.PowerShellModule;

namespace AcsTeamsAdmin.Tests.Help;

/// <summary>
/// The MAML help file the build wrote into the module folder: where PowerShell looks for it, well
/// formed, one command per compiled cmdlet, syntax and parameters as the code binds them, and the
/// docs' examples carried over intact.
/// </summary>
public sealed class GeneratedHelpTests : IDisposable
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    private readonly CompiledCmdlets _compiled = CompiledCmdlets.Load(ModulePaths.BinFolder(RepositoryLayout.ModuleFolder), RepositoryLayout.SystemManagementAutomationReference);
    private readonly IReadOnlyDictionary<string, CmdletPage> _pages = HelpPaths.Pages();
    private readonly XDocument _help;

    public GeneratedHelpTests()
    {
        Assert.True(File.Exists(HelpPaths.MamlFile), $"The build did not write {HelpPaths.MamlFile}.");
        _help = XDocument.Load(HelpPaths.MamlFile);
    }

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
    public void The_help_file_is_named_after_the_cmdlet_assembly_and_is_MAML()
    {
        // PowerShell looks for "<file name of the assembly that implements the cmdlet>-Help.xml".
        string assemblyFile = Path.GetFileName(_compiled.CmdletAssembly.Location);
        Assert.Equal(assemblyFile + "-Help.xml", Path.GetFileName(HelpPaths.MamlFile));
        Assert.Equal(Path.GetDirectoryName(_compiled.CmdletAssembly.Location), Path.GetDirectoryName(Path.GetDirectoryName(HelpPaths.MamlFile)));

        XElement root = _help.Root!;
        Assert.Equal(Msh + "helpItems", root.Name);
        Assert.Equal("maml", (string?)root.Attribute("schema"));
        Assert.All(root.Elements(), element => Assert.Equal(Command + "command", element.Name));
    }

    [Fact]
    public void There_is_one_command_per_compiled_cmdlet_with_its_name_verb_noun_and_synopsis()
    {
        Dictionary<string, XElement> commands = Commands();

        Assert.Equal(Cmdlets.Select(c => c.Name).Order(StringComparer.OrdinalIgnoreCase), commands.Keys.Order(StringComparer.OrdinalIgnoreCase));
        foreach (CmdletDefinition cmdlet in Cmdlets)
        {
            XElement details = commands[cmdlet.Name].Element(Command + "details")!;
            Assert.Equal(cmdlet.Verb, details.Element(Command + "verb")!.Value);
            Assert.Equal(cmdlet.Noun, details.Element(Command + "noun")!.Value);
            Assert.Equal(_pages[cmdlet.Name].Synopsis, details.Element(Maml + "description")!.Element(Maml + "para")!.Value);
            Assert.Contains(commands[cmdlet.Name].Element(Maml + "description")!.Elements(Maml + "para"), p => p.Value.Length > 0);
        }
    }

    [Fact]
    public void Each_syntax_item_lists_the_parameters_of_one_compiled_parameter_set_as_they_bind()
    {
        var problems = new List<string>();
        foreach (CmdletDefinition cmdlet in Cmdlets)
        {
            XElement[] items = [.. Commands()[cmdlet.Name].Element(Command + "syntax")!.Elements(Command + "syntaxItem")];
            IReadOnlyList<string> pageSets = _pages[cmdlet.Name].ParameterSetNames;
            int expectedSets = Math.Max(1, CompiledParameters.NamedSets(cmdlet).Count);
            if (items.Length != expectedSets)
            {
                problems.Add($"{cmdlet.Name}: {items.Length} syntax items, {expectedSets} parameter sets compiled");
                continue;
            }

            for (int i = 0; i < items.Length; i++)
            {
                string set = pageSets[i] == SyntaxEntry.AllSets ? CompiledParameters.AllSets : pageSets[i];
                var inSet = cmdlet.Parameters
                    .Select(parameter => (parameter.Name, Binding: CompiledParameters.InSet(parameter, set)))
                    .Where(pair => pair.Binding is not null)
                    .ToDictionary(pair => pair.Name, pair => pair.Binding!);
                var expectedNames = inSet.Keys.Concat(cmdlet.SupportsShouldProcess ? ["WhatIf", "Confirm"] : []).Order(StringComparer.Ordinal);
                XElement[] parameters = [.. items[i].Elements(Command + "parameter")];
                string[] names = [.. parameters.Select(p => p.Element(Maml + "name")!.Value)];
                if (!expectedNames.SequenceEqual(names.Order(StringComparer.Ordinal)))
                {
                    problems.Add($"{cmdlet.Name} ({set}): syntax [{string.Join(", ", names)}], compiled [{string.Join(", ", expectedNames)}]");
                }

                foreach (XElement parameter in parameters)
                {
                    string name = parameter.Element(Maml + "name")!.Value;
                    if (inSet.TryGetValue(name, out ParameterBinding? binding))
                    {
                        problems.AddRange(CompareAttributes($"{cmdlet.Name} -{name} ({set})", parameter, binding));
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_parameters_section_describes_every_parameter_with_its_type()
    {
        var problems = new List<string>();
        foreach (CmdletDefinition cmdlet in Cmdlets)
        {
            XElement[] parameters = [.. Commands()[cmdlet.Name].Element(Command + "parameters")!.Elements(Command + "parameter")];
            string[] names = [.. parameters.Select(p => p.Element(Maml + "name")!.Value).Order(StringComparer.Ordinal)];
            if (!HelpPaths.DocumentedParameterNames(cmdlet).Order(StringComparer.Ordinal).SequenceEqual(names))
            {
                problems.Add($"{cmdlet.Name}: parameters [{string.Join(", ", names)}]");
            }

            foreach (XElement parameter in parameters)
            {
                string name = parameter.Element(Maml + "name")!.Value;
                if (string.IsNullOrWhiteSpace(parameter.Element(Maml + "Description")?.Element(Maml + "para")?.Value))
                {
                    problems.Add($"{cmdlet.Name} -{name}: no description");
                }

                PropertyInfo? property = cmdlet.Parameters.FirstOrDefault(p => p.Name == name);
                string type = parameter.Element(Dev + "type")!.Element(Maml + "name")!.Value;
                if (property is not null && type != CompiledParameters.TypeName(property.PropertyType))
                {
                    problems.Add($"{cmdlet.Name} -{name}: type {type}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_examples_of_each_page_come_through_whole_and_in_order()
    {
        foreach (CmdletDefinition cmdlet in Cmdlets)
        {
            CmdletPage page = _pages[cmdlet.Name];
            XElement[] examples = [.. Commands()[cmdlet.Name].Element(Command + "examples")!.Elements(Command + "example")];

            Assert.True(examples.Length >= 2, $"{cmdlet.Name}: {examples.Length} examples");
            Assert.Equal(page.Examples.Count, examples.Length);
            for (int i = 0; i < examples.Length; i++)
            {
                ExampleEntry source = page.Examples[i];
                Assert.Contains(source.Title, examples[i].Element(Maml + "title")!.Value, StringComparison.Ordinal);
                string code = examples[i].Element(Dev + "code")!.Value;
                Assert.Equal(MamlWriter.ExampleCode(source), code);
                // Every code block of the page, character for character, including ones with <, > and &.
                Assert.All(source.Code, block => Assert.Contains(block.Text, code, StringComparison.Ordinal));
                Assert.Equal(source.Remarks, examples[i].Element(Dev + "remarks")!.Elements(Maml + "para").Select(p => p.Value).Where(p => p.Length > 0));
            }
        }
    }

    [Fact]
    public void A_description_keeps_its_code_block_after_the_sentence_that_introduces_it()
    {
        // New-AcsTeamsMeeting's fix for ApplicationAccessPolicyMissing: the MicrosoftTeams commands after "...organizer's:".
        string[] paras = Commands()["New-AcsTeamsMeeting"].Element(Maml + "description")!.Elements(Maml + "para").Select(p => p.Value).ToArray();

        string fix = Assert.Single(paras, p => p.Contains("the app's id and the organizer's:", StringComparison.Ordinal));
        Assert.Contains("the organizer's:\n\n    Connect-MicrosoftTeams\n    New-CsApplicationAccessPolicy -Identity ACS-Teams-Meetings", fix,
            StringComparison.Ordinal);
        Assert.Contains("\n    Grant-CsApplicationAccessPolicy -PolicyName ACS-Teams-Meetings -Global", fix, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_related_link_is_the_online_version_for_Get_Help_Online()
    {
        foreach (CmdletDefinition cmdlet in Cmdlets)
        {
            XElement first = Commands()[cmdlet.Name].Element(Command + "relatedLinks")!.Elements(Maml + "navigationLink").First();
            Assert.True(Uri.TryCreate(first.Element(Maml + "uri")!.Value, UriKind.Absolute, out Uri? uri) && uri.Scheme == Uri.UriSchemeHttps, cmdlet.Name);
            Assert.EndsWith($"/{cmdlet.Name}.md", uri!.AbsolutePath, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_about_topic_ships_as_help_text_in_the_module_bases_culture_folder()
    {
        IReadOnlyList<string> topics = HelpSources.AboutTopics(HelpPaths.DocsFolder);
        Assert.Contains(topics, t => Path.GetFileName(t) == "about_AcsTeamsAdmin.md");

        foreach (string topic in topics)
        {
            string shipped = Path.Combine(HelpPaths.AboutFolder, Path.GetFileNameWithoutExtension(topic) + ".help.txt");
            Assert.True(File.Exists(shipped), $"{shipped} is missing.");
            string text = File.ReadAllText(shipped);
            Assert.DoesNotContain("```", text, StringComparison.Ordinal);
            Assert.Contains(Path.GetFileNameWithoutExtension(topic), text, StringComparison.Ordinal);
            // The topic's prose is all there: every non-heading, non-fence line of the markdown appears.
            string[] prose = [.. File.ReadAllLines(topic).Where(line => line.Trim().Length > 0 && !line.StartsWith('#') && !line.TrimStart().StartsWith("```", StringComparison.Ordinal))];
            Assert.All(prose, line => Assert.Contains(line.Trim(), text, StringComparison.Ordinal));
        }
    }

    private Dictionary<string, XElement> Commands() =>
        _help.Root!.Elements(Command + "command").ToDictionary(c => c.Element(Command + "details")!.Element(Command + "name")!.Value, StringComparer.OrdinalIgnoreCase);

    private static IEnumerable<string> CompareAttributes(string where, XElement parameter, ParameterBinding binding)
    {
        if ((string?)parameter.Attribute("required") != (binding.Mandatory ? "true" : "false"))
        {
            yield return $"{where}: required={parameter.Attribute("required")?.Value}, compiled {binding.Mandatory}";
        }

        if (!string.Equals((string?)parameter.Attribute("position"), binding.PositionText, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{where}: position={parameter.Attribute("position")?.Value}, compiled {binding.PositionText}";
        }

        if (!string.Equals((string?)parameter.Attribute("pipelineInput"), binding.PipelineInput, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{where}: pipelineInput={parameter.Attribute("pipelineInput")?.Value}, compiled {binding.PipelineInput}";
        }
    }
}
