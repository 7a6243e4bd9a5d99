using System.Text.Json;

namespace AcsTeamsAdmin.Engine.Teams;

/// <summary>JSON values as the plain values the settings reader understands (the shapes a PSObject's properties have).</summary>
internal static class JsonPropertyBag
{
    public static Dictionary<string, object?> FromObject(JsonElement element)
    {
        var bag = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in element.EnumerateObject())
        {
            bag[property.Name] = ToValue(property.Value);
        }

        return bag;
    }

    public static object? ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => FromObject(element),
        JsonValueKind.Array => element.EnumerateArray().Select(ToValue).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var whole) ? whole : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
