using System.Globalization;
using AcsTeamsAdmin.Cli.Parsing;
using AcsTeamsAdmin.Engine.Failures;

namespace AcsTeamsAdmin.Cli.Commands;

/// <summary>
/// One run's options bound to the command's parameters (and, for a command that signs in, to
/// Connect-AcsTeamsAdmin's): by the cmdlet's parameter name or any alias, as PowerShell binds them. Handlers
/// read values by the cmdlet's name. Every read is recorded, so an option the handler never used is refused
/// before anything runs, and a handler that reads a name the cmdlet does not have fails at once.
/// </summary>
internal sealed class CommandArguments
{
    private readonly string _command;
    private readonly Dictionary<string, CliParameter> _parameters;
    private readonly Dictionary<string, IReadOnlyList<string?>> _given;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly Func<string, string?> _environment;

    private CommandArguments(
        string command,
        Dictionary<string, CliParameter> parameters,
        Dictionary<string, IReadOnlyList<string?>> given,
        Func<string, string?> environment)
    {
        _command = command;
        _parameters = parameters;
        _given = given;
        _environment = environment;
    }

    /// <summary>
    /// Binds the options of <paramref name="parsed"/> to <paramref name="parameters"/>: an unknown option, one given
    /// under two of its names, or a required one missing is a usage error. <paramref name="common"/> options
    /// (--output, --verbose...) are the front end's and are not bound.
    /// </summary>
    public static CommandArguments Bind(
        string command, ParsedArguments parsed, IReadOnlyList<CliParameter> parameters, IReadOnlyCollection<string> common, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(parameters);
        var byKey = new Dictionary<string, CliParameter>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in parameters)
        {
            foreach (var key in parameter.Keys)
            {
                if (!byKey.TryAdd(key, parameter))
                {
                    throw new InvalidOperationException($"acsteams {command}: --{key} names both -{byKey[key].Name} and -{parameter.Name}.");
                }
            }
        }

        var unknown = parsed.OptionNames.Where(name => !byKey.ContainsKey(name) && !common.Contains(name, StringComparer.OrdinalIgnoreCase)).ToArray();
        if (unknown.Length > 0)
        {
            throw ParsedArguments.Usage($"{string.Join(", ", unknown.Select(name => "--" + name))}: not an option of '{command}'.");
        }

        var given = new Dictionary<string, IReadOnlyList<string?>>(StringComparer.Ordinal);
        foreach (var group in parsed.OptionNames.Where(byKey.ContainsKey).GroupBy(name => byKey[name].Name, StringComparer.Ordinal))
        {
            var names = group.ToArray();
            if (names.Length > 1)
            {
                throw ParsedArguments.Usage($"--{names[0]} and --{names[1]} name the same option ({byKey[names[0]].Option}); give it once.");
            }

            given[group.Key] = parsed.Values(names[0]);
        }

        var missing = parameters.Where(parameter => parameter.Required && !given.ContainsKey(parameter.Name) && SecretVariables.For(parameter.Name) is null)
            .Select(parameter => parameter.Option).ToArray();
        if (missing.Length > 0)
        {
            throw ParsedArguments.Usage($"{string.Join(", ", missing)}: required by {command}.");
        }

        if (parsed.Positional.Count > 0)
        {
            // Named by position, never echoed: a value in the wrong slot is often a secret.
            throw ParsedArguments.Usage($"argument {parsed.PositionalIndex(0)} is not an option: {command} takes options only (--name value).");
        }

        return new CommandArguments(command, parameters.ToDictionary(parameter => parameter.Name, StringComparer.Ordinal), given, environment);
    }

    /// <summary>The parameters these arguments are bound to (the command's own and, if it signs in, the sign-in options).</summary>
    public IEnumerable<CliParameter> Parameters => _parameters.Values;

    public bool Has(string name)
    {
        Parameter(name);
        return _given.ContainsKey(name);
    }

    /// <summary>A switch: given (or --name=true) is on, absent or --name=false off.</summary>
    public bool Switch(string name)
    {
        if (Values(name) is not { } values)
        {
            return false;
        }

        var value = values[^1];
        return value is null || !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A single value, or null when the option is absent.</summary>
    public string? Text(string name)
    {
        if (Values(name) is not { } values)
        {
            return null;
        }

        var option = Parameter(name).Option;
        return values.Count > 1 ? throw ParsedArguments.Usage($"{option} was given {values.Count} times; give it once.")
            : values[0] ?? throw ParsedArguments.Usage($"{option} needs a value.");
    }

    /// <summary>
    /// A comma-separated list (the option may also be repeated). An empty item ("a,,b", "", " ") is a mistake in a
    /// script, never "nothing": dropping it silently would run the command for fewer items than asked, or for none
    /// (and a tenant-wide step still writes). Only a setting that can be an empty list takes "" to mean one
    /// (<paramref name="emptyMeansNone"/>, such as --blocked-anonymous-join-client-types "").
    /// </summary>
    public IReadOnlyList<string> List(string name, bool emptyMeansNone = false)
    {
        if (Values(name) is not { } values)
        {
            return [];
        }

        var option = Parameter(name).Option;
        var given = values.Select(value => value ?? throw ParsedArguments.Usage($"{option} needs a value.")).ToArray();
        if (emptyMeansNone && given.All(string.IsNullOrWhiteSpace))
        {
            return [];
        }

        var items = given.SelectMany(value => value.Split(',', StringSplitOptions.TrimEntries)).ToArray();
        var empty = Array.FindIndex(items, item => item.Length == 0);
        return empty < 0 ? items
            : throw ParsedArguments.Usage(items.Length == 1
                ? $"{option} is empty; give a value."
                : $"{option}: item {empty + 1} of {items.Length} is empty; remove the extra comma or give a value.");
    }

    /// <summary>
    /// Each value as given, never split: for values that may hold a comma, such as display names. Several values
    /// come from repeating the option, as several objects piped into the cmdlet.
    /// </summary>
    public IReadOnlyList<string> Each(string name)
    {
        if (Values(name) is not { } values)
        {
            return [];
        }

        var option = Parameter(name).Option;
        return values.Select(value => string.IsNullOrWhiteSpace(value) ? throw ParsedArguments.Usage($"{option} needs a value.") : value).ToArray();
    }

    /// <summary>A whole number in the range the cmdlet allows, or null when the option is absent.</summary>
    public int? Number(string name)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        var range = Parameter(name).Range ?? new CliRange(int.MinValue, int.MaxValue);
        var within = range.IsBounded ? $" from {range.Minimum} to {range.Maximum}" : string.Empty;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= range.Minimum && value <= range.Maximum
            ? value
            : throw AcsTeamsAdminException.InvalidInput(name, text, $"'{text}' is not a whole number{within}.", $"Pass a whole number{within}.");
    }

    /// <summary>One of the values the cmdlet accepts (its ValidateSet or enum), in the cmdlet's spelling; null when absent.</summary>
    public string? Choice(string name) => Text(name) is { } text ? Accepted(name, text) : null;

    /// <summary>Several of the values the cmdlet accepts, in the cmdlet's spelling.</summary>
    public IReadOnlyList<string> Choices(string name) => List(name).Select(value => Accepted(name, value)).ToArray();

    /// <summary>
    /// A secret the option may leave to an environment variable (<see cref="SecretVariables"/>): the option wins;
    /// the variable is read only when <paramref name="fromEnvironment"/> says the other options leave room for it.
    /// </summary>
    public string? Secret(string name, bool fromEnvironment = true) =>
        Text(name) ?? (fromEnvironment && SecretVariables.For(name) is { } variable ? _environment(variable) : null);

    /// <summary>The given options no handler read: they would have no effect, which the user must hear about.</summary>
    public IReadOnlyList<string> Unread => _given.Keys.Where(name => !_read.Contains(name)).Select(name => _parameters[name].Option).ToArray();

    private IReadOnlyList<string?>? Values(string name)
    {
        Parameter(name);
        _read.Add(name);
        return _given.GetValueOrDefault(name);
    }

    private string Accepted(string name, string value)
    {
        var accepted = Parameter(name).AcceptedValues;
        if (accepted.Count == 0)
        {
            throw new InvalidOperationException($"acsteams {_command} reads -{name} as a choice, and the cmdlet declares no values for it.");
        }

        return accepted.FirstOrDefault(candidate => string.Equals(candidate, value.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw AcsTeamsAdminException.InvalidInput(name, value, $"'{value}' is not one of the values {Parameter(name).Option} takes.",
                $"Pass one of: {string.Join(", ", accepted)}.");
    }

    private CliParameter Parameter(string name) =>
        _parameters.TryGetValue(name, out var parameter) ? parameter
        : throw new InvalidOperationException($"acsteams {_command} reads -{name}, which the cmdlet does not have: its handler is out of date.");
}
