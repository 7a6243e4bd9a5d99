namespace AcsTeamsAdmin.Cli.Parsing;

/// <summary>
/// Splits `acsteams Command --name value --switch --other=value positional` into its parts.
/// Switches are known by name (so `--sandbox New-...` does not swallow the command); `--switch=false`
/// turns one off explicitly.
/// </summary>
internal static class ArgumentParser
{
    public static ParsedArguments Parse(IReadOnlyList<string> args, Func<string, bool> isSwitch)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(isSwitch);
        string? command = null;
        var options = new Dictionary<string, List<string?>>(StringComparer.OrdinalIgnoreCase);
        var positional = new List<string>();
        var positions = new List<int>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var body = arg[2..];
                string name;
                string? value = null;
                var equals = body.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    name = body[..equals];
                    value = body[(equals + 1)..];
                }
                else
                {
                    name = body;
                    if (!isSwitch(name) && i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        value = args[++i];
                    }
                }

                if (!options.TryGetValue(name, out var values))
                {
                    options[name] = values = [];
                }

                values.Add(value);
            }
            else if (command is null)
            {
                command = arg;
            }
            else
            {
                positional.Add(arg);
                positions.Add(i + 1);
            }
        }

        return new ParsedArguments(command, options, positional, positions);
    }
}
