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

/// <summary>A command's parameter, named exactly like the cmdlet's parameter (PascalCase); shown in kebab case.</summary>
internal sealed record CliParameter(string Name, CliValueKind Kind, string Help, bool Required = false)
{
    public string Option => Parsing.Kebab.Option(Name);

    public string Key => Parsing.Kebab.FromPascal(Name);
}
