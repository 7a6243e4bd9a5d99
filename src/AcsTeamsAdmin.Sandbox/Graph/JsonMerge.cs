using System.Text.Json.Nodes;

namespace AcsTeamsAdmin.Sandbox.Graph;

/// <summary>
/// Graph's PATCH: only the properties sent change; a complex value (web, publicClient, api) merges property by
/// property, but a collection is replaced whole (requiredResourceAccess, redirectUris). That last rule is what
/// makes a careless read-modify-write destroy permissions, so the sandbox must reproduce it.
/// </summary>
internal static class JsonMerge
{
    public static void Patch(JsonObject target, JsonObject patch, IReadOnlyCollection<string> readOnly)
    {
        foreach (var (name, value) in patch)
        {
            if (name.StartsWith('@'))
            {
                continue;
            }

            if (!target.ContainsKey(name))
            {
                throw GraphErrors.BadRequest($"Invalid property '{name}'.");
            }

            if (readOnly.Contains(name, StringComparer.Ordinal))
            {
                // Sending back a read-only property unchanged is harmless (clients round-trip objects); changing it is not.
                if (!JsonNode.DeepEquals(target[name], value))
                {
                    throw GraphErrors.BadRequest($"Property '{name}' is read-only and cannot be set.");
                }

                continue;
            }

            if (value is JsonObject inner && target[name] is JsonObject existing)
            {
                MergeComplex(existing, inner);
            }
            else
            {
                target[name] = value?.DeepClone();
            }
        }

    }

    private static void MergeComplex(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch)
        {
            if (value is JsonObject inner && target[name] is JsonObject existing)
            {
                MergeComplex(existing, inner);
            }
            else
            {
                target[name] = value?.DeepClone();
            }
        }
    }
}
