using AcsTeamsAdmin.Cli.Parsing;

namespace AcsTeamsAdmin.Cli.Commands;

/// <summary>How a parameter is given on the command line.</summary>
internal enum CliValueKind
{
    /// <summary>--name value</summary>
    Text,

    /// <summary>--name value[,value...] (repeatable): the command line's stand-in for pipeline input and arrays.</summary>
    List,

    /// <summary>--name (no value)</summary>
    Switch,
}

/// <summary>The range a cmdlet's [ValidateRange] (or its int type) allows.</summary>
internal sealed record CliRange(int Minimum, int Maximum)
{
    public bool IsBounded => Minimum != int.MinValue || Maximum != int.MaxValue;
}

/// <summary>
/// A cmdlet parameter as acsteams takes it: the cmdlet's name (PascalCase), shown and typed in kebab case.
/// Generated from the compiled cmdlet and its docs page (see <see cref="CommandTable"/>).
/// </summary>
internal sealed record CliParameter(string Name, CliValueKind Kind, string Help)
{
    /// <summary>Mandatory in every parameter set of the cmdlet.</summary>
    public bool Required { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>[ValidateSet] or the enum's names; empty when any value may be given.</summary>
    public IReadOnlyList<string> AcceptedValues { get; init; } = [];

    /// <summary>For whole numbers: the range the cmdlet accepts.</summary>
    public CliRange? Range { get; init; }

    /// <summary>The docs page's "Default value", when there is one worth showing.</summary>
    public string? DefaultValue { get; init; }

    public string Option => Kebab.Option(Name);

    public string Key => Kebab.FromPascal(Name);

    /// <summary>The parameter's name and aliases in kebab case: every spelling the command line accepts.</summary>
    public IEnumerable<string> Keys => Aliases.Select(Kebab.FromPascal).Prepend(Key);
}

/// <summary>A cmdlet as acsteams offers it: generated from the compiled module, never written by hand.</summary>
internal sealed record CommandDescription(string Name, string Synopsis, bool SupportsShouldProcess, IReadOnlyList<CliParameter> Parameters);

/// <summary>
/// Every cmdlet of the module with its parameters. The other part of this class is generated at build time by
/// AcsTeamsAdmin.HelpBuilder (`commands`) from bin/AcsTeamsAdmin.dll and docs/en-US (obj/.../CommandTable.g.cs).
/// </summary>
internal static partial class CommandTable
{
    public static CommandDescription? Find(string name) =>
        All.FirstOrDefault(command => string.Equals(command.Name, name, StringComparison.OrdinalIgnoreCase));

    public static CommandDescription Get(string name) =>
        Find(name) ?? throw new InvalidOperationException($"The module has no cmdlet {name}: acsteams was built against another module.");
}
