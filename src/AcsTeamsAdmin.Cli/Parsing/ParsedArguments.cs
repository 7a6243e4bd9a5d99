using AcsTeamsAdmin.Engine.Failures;

namespace AcsTeamsAdmin.Cli.Parsing;

/// <summary>
/// The options of one invocation, keyed by kebab name (case-insensitive).
/// </summary>
internal sealed class ParsedArguments
{
    private readonly Dictionary<string, List<string?>> _options;

    public ParsedArguments(string? command, Dictionary<string, List<string?>> options, IReadOnlyList<string> positional)
    {
        Command = command;
        _options = options;
        Positional = positional;
    }

    public string? Command { get; }

    public IReadOnlyList<string> Positional { get; }

    public IEnumerable<string> OptionNames => _options.Keys;

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

    public IReadOnlyList<string> Values(string name)
    {
        if (!Has(name))
        {
            return [];
        }

        // An empty item ("a,,b", "", " ") is a mistake in a script, never "nothing": dropping it silently
        // would run the command for fewer items than asked, or for none (and a tenant-wide step still writes).
        var items = _options[name]
            .Select(value => value ?? throw Usage($"--{name} needs a value."))
            .SelectMany(value => value.Split(',', StringSplitOptions.TrimEntries))
            .ToArray();
        var empty = Array.FindIndex(items, item => item.Length == 0);
        return empty < 0 ? items
            : throw Usage(items.Length == 1
                ? $"--{name} is empty; give a value."
                : $"--{name}: item {empty + 1} of {items.Length} is empty; remove the extra comma or give a value.");
    }

    public static AcsTeamsAdminException Usage(string message) =>
        new(CliErrorIds.Usage, FailureCategory.InvalidArgument, message, "Run 'acsteams help <command>' for its options.");
}
