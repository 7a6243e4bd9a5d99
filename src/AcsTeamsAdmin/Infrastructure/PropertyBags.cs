using System.Collections;
using System.Management.Automation;

namespace AcsTeamsAdmin.Infrastructure;

/// <summary>
/// PowerShell objects as plain property bags (name to value, case-insensitive), which is all the
/// engine reads: live MicrosoftTeams objects, deserialized ones from a remote session, a
/// PSCustomObject or a hashtable standing in for them. Keeps System.Management.Automation out of the engine.
/// </summary>
internal static class PropertyBags
{
    /// <summary>One bag per object; an array (Get-CsExternalAccessPolicy returns every policy) gives one bag per element.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, object?>> FromObjects(PSObject? value)
    {
        if (value?.BaseObject is IEnumerable items and not string and not IDictionary)
        {
            return items.Cast<object?>().OfType<object>().Select(item => (IReadOnlyDictionary<string, object?>)FromObject(PSObject.AsPSObject(item))).ToArray();
        }

        return value is null ? [] : [FromObject(value)];
    }

    public static Dictionary<string, object?> FromObject(PSObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var bag = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (value.BaseObject is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                bag[Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty] = Plain(entry.Value);
            }

            return bag;
        }

        foreach (var property in value.Properties)
        {
            try
            {
                bag[property.Name] = Plain(property.Value);
            }
            catch (ExtendedTypeSystemException)
            {
                // A property whose getter throws tells us nothing; the others still count.
            }
        }

        return bag;
    }

    private static object? Plain(object? value) => value switch
    {
        null => null,
        PSObject { BaseObject: PSCustomObject } custom => FromObject(custom),
        PSObject wrapped => Plain(wrapped.BaseObject),
        string text => text,
        IDictionary => FromObject(PSObject.AsPSObject(value)),
        IEnumerable items => items.Cast<object?>().Select(Plain).ToList(),
        _ => value,
    };
}
