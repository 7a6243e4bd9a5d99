using AcsTeamsAdmin.Engine.Failures;

namespace AcsTeamsAdmin.Cli.Parsing;

/// <summary>
/// A command line split into its parts, options keyed by the name as typed (case-insensitive). Commands read
/// their parameters through <see cref="Commands.CommandArguments"/>, which binds these to the cmdlet's names.
/// </summary>
internal sealed class ParsedArguments
{
    private readonly Dictionary<string, List<string?>> _options;

    private readonly IReadOnlyList<int> _positions;

    public ParsedArguments(string? command, Dictionary<string, List<string?>> options, IReadOnlyList<string> positional, IReadOnlyList<int> positions)
    {
        Command = command;
        _options = options;
        Positional = positional;
        _positions = positions;
    }

    public string? Command { get; }

    public IReadOnlyList<string> Positional { get; }

    public IEnumerable<string> OptionNames => _options.Keys;

    /// <summary>Where the <paramref name="index"/>th positional argument stood on the command line (1 is the command).</summary>
    public int PositionalIndex(int index) => _positions[index];

    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>Every value given for the option (null for a bare --name), in order.</summary>
    public IReadOnlyList<string?> Values(string name) => _options.TryGetValue(name, out var values) ? values : [];

    /// <summary>A front-end switch such as --verbose.</summary>
    public bool Flag(string name)
    {
        var values = Values(name);
        return values.Count > 0 && (values[^1] is not { } value || !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A front-end option's one value, such as --output's.</summary>
    public string? Value(string name)
    {
        var values = Values(name);
        return values.Count switch
        {
            0 => null,
            > 1 => throw Usage($"--{name} was given {values.Count} times; give it once."),
            _ => values[0] ?? throw Usage($"--{name} needs a value."),
        };
    }

    public static AcsTeamsAdminException Usage(string message) =>
        new(CliErrorIds.Usage, FailureCategory.InvalidArgument, message, "Run 'acsteams help <command>' for its options.");
}
