using System.Collections;
using System.Globalization;
using AcsTeamsAdmin.Engine.Failures;

namespace AcsTeamsAdmin.Engine.Teams;

/// <summary>
/// Reads one setting from a property bag, whatever produced it: ConvertTo-Json (booleans, strings,
/// arrays, Windows PowerShell's {"value":[...]} array wrapper), a live MicrosoftTeams object (real
/// enums, List&lt;string&gt;), or a parameter typed by a user ("true", "ACS,Teams").
/// </summary>
internal static class SettingValueReader
{
    public static object? Raw(IReadOnlyDictionary<string, object?> properties, string name)
    {
        if (properties.TryGetValue(name, out var value))
        {
            return value;
        }

        // PowerShell property names are case-insensitive; a bag built elsewhere may not be.
        foreach (var pair in properties)
        {
            if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return pair.Value;
            }
        }

        return null;
    }

    public static bool? Bool(IReadOnlyDictionary<string, object?> properties, string name, SettingsOrigin origin)
    {
        var value = Raw(properties, name);
        switch (value)
        {
            case null:
                return null;
            case bool flag:
                return flag;
            case string text when string.IsNullOrWhiteSpace(text):
                return null;
            case string text:
                var trimmed = text.Trim().TrimStart('$');
                if (bool.TryParse(trimmed, out var parsed))
                {
                    return parsed;
                }

                throw origin.Invalid(
                    name,
                    text,
                    $"is '{Shorten(text)}', not true or false.",
                    $"Give {name} as true or false (in PowerShell, $true or $false).");
            default:
                throw origin.Invalid(name, value, $"is {Describe(value)}, not true or false.", $"Give {name} as true or false.");
        }
    }

    /// <summary>A named value such as AutoAdmittedUsers, in its documented spelling when it is one of <paramref name="known"/>.</summary>
    public static string? Choice(IReadOnlyDictionary<string, object?> properties, string name, IReadOnlyList<string> known, SettingsOrigin origin)
    {
        var value = Raw(properties, name);
        var text = value switch
        {
            null => null,
            string s => s.Trim(),
            Enum e => e.ToString(),
            _ when IsNumber(value) => throw NumberForName(name, value, known, origin),
            _ => throw origin.Invalid(name, value, $"is {Describe(value)}, not a name.", $"Give one of: {string.Join(", ", known)}."),
        };
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var canonical = TeamsSettingValues.Canonical(text, known);
        if (canonical is null && origin.Strict)
        {
            throw origin.Invalid(name, text, $"'{Shorten(text)}' is not a value of {name}.", $"Give one of: {string.Join(", ", known)}.");
        }

        return canonical ?? text;
    }

    /// <summary>A list such as BlockedAnonymousJoinClientTypes; an empty list is a value (nothing blocked), null is "not given".</summary>
    public static IReadOnlyList<string>? List(IReadOnlyDictionary<string, object?> properties, string name, SettingsOrigin origin)
    {
        var value = Raw(properties, name);
        switch (value)
        {
            case null:
                return null;
            case string text when LooksLikeTruncatedObject(text):
                // ConvertTo-Json writes an object deeper than -Depth (default 2) as its type name.
                throw origin.Invalid(name, text, $"is '{Shorten(text)}': the JSON was cut short by ConvertTo-Json's -Depth limit.",
                    "Export again with ConvertTo-Json -Depth 5.");
            case string text:
                return text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            case IDictionary dictionary when dictionary.Contains("value"):
                // Windows PowerShell 5.1 serializes an ETS-wrapped array as {"value":[...],"Count":n}.
                return List(new Dictionary<string, object?> { [name] = dictionary["value"] }, name, origin);
            case IEnumerable items:
                var list = new List<string>();
                foreach (var item in items)
                {
                    var element = item switch
                    {
                        null => null,
                        string s => s.Trim(),
                        Enum e => e.ToString(),
                        _ when IsNumber(item) => throw origin.Invalid(name, item, $"contains {Describe(item)}, a number where a name belongs.",
                            "Export the object again with ConvertTo-Json -EnumsAsStrings, or give the names."),
                        _ => Convert.ToString(item, CultureInfo.InvariantCulture),
                    };
                    if (!string.IsNullOrEmpty(element))
                    {
                        list.Add(element);
                    }
                }

                return list;
            default:
                throw origin.Invalid(name, value, $"is {Describe(value)}, not a list.", $"Give {name} as a list of values.");
        }
    }

    /// <summary>An Identity: a string, or an object whose text is the identity (an XdsIdentity prints as "Global" or "Tag:Name").</summary>
    public static string? Identity(IReadOnlyDictionary<string, object?> properties, string name = TeamsSettingNames.Identity)
    {
        var value = Raw(properties, name);
        var text = value switch
        {
            null or IDictionary or IEnumerable and not string => null,
            _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim(),
        };
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static AcsTeamsAdminException NumberForName(string name, object value, IReadOnlyList<string> known, SettingsOrigin origin) =>
        // No Microsoft document gives the numbers behind these names, so guessing could turn a
        // blocking setting into an allowing one: refuse, and say how to get names instead.
        origin.Invalid(
            name,
            value,
            $"is the number {Convert.ToString(value, CultureInfo.InvariantCulture)}; the check needs the name ({string.Join(", ", known)}).",
            origin.Strict
                ? $"Give {name} by name."
                : "Export the objects again with ConvertTo-Json -EnumsAsStrings (PowerShell 7), or give the value by name.");

    private static bool IsNumber(object value) =>
        value is byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal;

    private static bool LooksLikeTruncatedObject(string text) =>
        text.StartsWith("System.", StringComparison.Ordinal) && (text.Contains('[', StringComparison.Ordinal) || text.Contains('`', StringComparison.Ordinal));

    private static string Describe(object value) => value switch
    {
        bool flag => flag ? "true" : "false",
        string text => $"'{Shorten(text)}'",
        IDictionary => "an object",
        IEnumerable => "a list",
        _ when IsNumber(value) => $"the number {Convert.ToString(value, CultureInfo.InvariantCulture)}",
        _ => $"a {value.GetType().Name}",
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
