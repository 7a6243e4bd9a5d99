using AcsTeamsAdmin.Engine.Failures;

namespace AcsTeamsAdmin.Cli.Parsing;

/// <summary>
/// The options of one invocation, keyed by kebab name (case-insensitive).
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

    public bool Flag(string name)
    {
        if (!Has(name))
        {
            return false;
        }

        var value = _options[name].LastOrDefault();
        return value is null || !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase);
    }

    public string? Value(string name)
    {
        if (!Has(name))
        {
            return null;
        }

        var values = _options[name];
        if (values.Count > 1)
        {
            throw Usage($"--{name} was given {values.Count} times; give it once.");
        }

        return values[0] ?? throw Usage($"--{name} needs a value.");
    }

    /// <summary>
    /// A comma-separated list (the option may also be repeated). An empty item ("a,,b", "", " ") is a mistake in a
    /// script, never "nothing": dropping it silently would run the command for fewer items than asked, or for none
    /// (and a tenant-wide step still writes). Only a setting that can be an empty list takes "" to mean one
    /// (<paramref name="emptyMeansNone"/>, such as --blocked-anonymous-join-client-types "").
    /// </summary>
    public IReadOnlyList<string> Values(string name, bool emptyMeansNone = false)
    {
        if (!Has(name))
        {
            return [];
        }

        var given = _options[name].Select(value => value ?? throw Usage($"--{name} needs a value.")).ToArray();
        if (emptyMeansNone && given.All(string.IsNullOrWhiteSpace))
        {
            return [];
        }

        var items = given.SelectMany(value => value.Split(',', StringSplitOptions.TrimEntries)).ToArray();
        var empty = Array.FindIndex(items, item => item.Length == 0);
        return empty < 0 ? items
            : throw Usage(items.Length == 1
                ? $"--{name} is empty; give a value."
                : $"--{name}: item {empty + 1} of {items.Length} is empty; remove the extra comma or give a value.");
    }

    public static AcsTeamsAdminException Usage(string message) =>
        new(CliErrorIds.Usage, FailureCategory.InvalidArgument, message, "Run 'acsteams help <command>' for its options.");
}
