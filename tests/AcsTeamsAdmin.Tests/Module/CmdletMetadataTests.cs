using System.Reflection;

namespace AcsTeamsAdmin.Tests.PowerShellModule;

/// <summary>
/// Conventions every shipped cmdlet must keep, read from the compiled metadata of
/// out/AcsTeamsAdmin/bin/AcsTeamsAdmin.dll. Each test first requires that cmdlets were found, so
/// none of them can pass on an empty assembly.
/// </summary>
public sealed class CmdletMetadataTests : IDisposable
{
    // Verbs that change state: the user must be able to -WhatIf and -Confirm them.
    private static readonly HashSet<string> StateChangingVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "New", "Set", "Remove", "Add", "Grant", "Revoke", "Initialize", "Install", "Register", "Unregister",
        "Update", "Clear", "Reset", "Enable", "Disable", "Start", "Stop", "Restart", "Publish",
    };

    // Verbs that take something away: asking at the default $ConfirmPreference (High) is for these
    // to decide, but they must not claim less than the default impact.
    private static readonly HashSet<string> DestructiveVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "Remove", "Revoke", "Unregister", "Disable", "Clear", "Reset",
    };

    // The module's noun prefixes: Acs for its own commands (Aad kept for Entra-only commands).
    private static readonly string[] NounPrefixes = ["Acs", "Aad"];

    // System.Management.Automation.ConfirmImpact values.
    private const int ConfirmImpactNone = 0;
    private const int ConfirmImpactMedium = 2;

    private readonly CompiledCmdlets _compiled = CompiledCmdlets.Load(ModulePaths.BinFolder(RepositoryLayout.ModuleFolder), RepositoryLayout.SystemManagementAutomationReference);

    private IReadOnlyList<CmdletDefinition> Cmdlets
    {
        get
        {
            Assert.True(_compiled.Cmdlets.Count > 0, $"No cmdlets were found in {CompiledCmdlets.CmdletAssemblyFileName}; every convention below would hold vacuously.");
            return _compiled.Cmdlets;
        }
    }

    public void Dispose() => _compiled.Dispose();

    [Fact]
    public void The_cmdlet_assembly_contains_cmdlets()
    {
        Assert.NotEmpty(Cmdlets);
    }

    [Fact]
    public void The_approved_verbs_come_from_System_Management_Automation()
    {
        // A guard on the reading itself: if the verb classes could not be read, every verb would look unapproved.
        Assert.Contains("Get", _compiled.ApprovedVerbs);
        Assert.Contains("Connect", _compiled.ApprovedVerbs);
        Assert.DoesNotContain("Create", _compiled.ApprovedVerbs);
    }

    [Fact]
    public void Every_cmdlet_uses_an_approved_verb()
    {
        string[] offenders = Cmdlets.Where(c => !_compiled.ApprovedVerbs.Contains(c.Verb)).Select(c => c.ToString()).ToArray();

        Assert.True(offenders.Length == 0, "Unapproved verbs (see Get-Verb): " + string.Join(", ", offenders));
    }

    [Fact]
    public void Every_cmdlet_noun_carries_the_module_prefix()
    {
        string[] offenders = Cmdlets
            .Where(c => !NounPrefixes.Any(prefix => c.Noun.StartsWith(prefix, StringComparison.Ordinal) && c.Noun.Length > prefix.Length && char.IsUpper(c.Noun[prefix.Length])))
            .Select(c => c.ToString())
            .ToArray();

        Assert.True(offenders.Length == 0, $"Nouns must start with {string.Join(" or ", NounPrefixes)} followed by a capital: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Every_cmdlet_declares_its_output_type()
    {
        string[] offenders = Cmdlets.Where(c => c.OutputTypes.Count + c.OutputTypeNames.Count == 0).Select(c => c.ToString()).ToArray();

        Assert.True(offenders.Length == 0, "Missing [OutputType]: " + string.Join(", ", offenders));
    }

    [Fact]
    public void State_changing_cmdlets_support_ShouldProcess()
    {
        string[] offenders = Cmdlets
            .Where(c => StateChangingVerbs.Contains(c.Verb) && !c.SupportsShouldProcess)
            .Select(c => c.ToString())
            .ToArray();

        Assert.True(offenders.Length == 0, "State-changing cmdlets without SupportsShouldProcess = true: " + string.Join(", ", offenders));
    }

    [Fact]
    public void ConfirmImpact_is_set_only_where_it_has_an_effect_and_never_hides_a_change()
    {
        var problems = new List<string>();
        foreach (CmdletDefinition cmdlet in Cmdlets)
        {
            if (cmdlet.ExplicitConfirmImpact is not null && !cmdlet.SupportsShouldProcess)
            {
                problems.Add($"{cmdlet}: ConfirmImpact without SupportsShouldProcess does nothing");
            }

            if (cmdlet.SupportsShouldProcess && cmdlet.ExplicitConfirmImpact == ConfirmImpactNone)
            {
                problems.Add($"{cmdlet}: ConfirmImpact.None means -Confirm preferences never ask");
            }

            if (DestructiveVerbs.Contains(cmdlet.Verb) && (cmdlet.ExplicitConfirmImpact ?? ConfirmImpactMedium) < ConfirmImpactMedium)
            {
                problems.Add($"{cmdlet}: a {cmdlet.Verb} cmdlet must not claim less than Medium impact");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void No_parameter_or_output_type_comes_from_a_dependency_assembly()
    {
        // The module's dependencies live in its own load context: a type from one of them in the
        // public surface is a different type from the copy a caller has, so cmdlets expose wrappers.
        Assert.NotEmpty(_compiled.DependencyAssemblyNames);
        Assert.Contains("Azure.Core", _compiled.DependencyAssemblyNames);

        var problems = new List<string>();
        foreach (CmdletDefinition cmdlet in Cmdlets)
        {
            foreach (PropertyInfo parameter in cmdlet.Parameters)
            {
                problems.AddRange(DependencyTypesIn(parameter.PropertyType).Select(t => $"{cmdlet.Name} -{parameter.Name}: {Describe(t)}"));
            }

            foreach (Type output in cmdlet.OutputTypes)
            {
                problems.AddRange(DependencyTypesIn(output).Select(t => $"{cmdlet.Name} [OutputType]: {Describe(t)}"));
                if (CompiledCmdlets.IsOwnAssembly(output.Assembly.GetName().Name!))
                {
                    // The wrapper itself must not hand out SDK objects through its properties.
                    foreach (PropertyInfo property in output.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                    {
                        problems.AddRange(DependencyTypesIn(property.PropertyType).Select(t => $"{cmdlet.Name} output {output.Name}.{property.Name}: {Describe(t)}"));
                    }
                }
            }

            foreach (string outputName in cmdlet.OutputTypeNames)
            {
                if (_compiled.DependencyAssemblyNames.Any(name => outputName.StartsWith(name + ".", StringComparison.OrdinalIgnoreCase)))
                {
                    problems.Add($"{cmdlet.Name} [OutputType('{outputName}')] names a dependency's type");
                }
            }
        }

        Assert.True(problems.Count == 0, "Dependency types in the public surface:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void The_manifest_exports_exactly_the_compiled_cmdlets()
    {
        IReadOnlyList<string> listed = ModuleManifest.Shipped().Strings("CmdletsToExport");
        var compiled = Cmdlets.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var exported = listed.ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.DoesNotContain(listed, name => name.Contains('*', StringComparison.Ordinal));
        string[] onlyInManifest = [.. exported.Except(compiled).Order(StringComparer.OrdinalIgnoreCase)];
        string[] onlyCompiled = [.. compiled.Except(exported).Order(StringComparer.OrdinalIgnoreCase)];
        Assert.True(
            onlyInManifest.Length == 0 && onlyCompiled.Length == 0,
            "CmdletsToExport in module/AcsTeamsAdmin.psd1 differs from the compiled cmdlets.\n" +
            $"  listed but not compiled: {(onlyInManifest.Length == 0 ? "(none)" : string.Join(", ", onlyInManifest))}\n" +
            $"  compiled but not listed: {(onlyCompiled.Length == 0 ? "(none)" : string.Join(", ", onlyCompiled))}");
        Assert.Equal(listed.Count, exported.Count);
    }

    private IEnumerable<Type> DependencyTypesIn(Type type)
    {
        if (type.HasElementType)
        {
            return DependencyTypesIn(type.GetElementType()!);
        }

        IEnumerable<Type> own = _compiled.DependencyAssemblyNames.Contains(type.Assembly.GetName().Name!) ? [type] : [];
        return type.IsGenericType ? own.Concat(type.GetGenericArguments().SelectMany(DependencyTypesIn)) : own;
    }

    private static string Describe(Type type) => $"{type.FullName} from {type.Assembly.GetName().Name}";
}
