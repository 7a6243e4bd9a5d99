namespace AcsTeamsAdmin.Engine.Consent;

/// <summary>
/// The scope list of an oauth2PermissionGrant: one space-separated string on the wire. Scope values are
/// compared case-insensitively (Entra does), and every existing value is kept as written, including
/// ones this module does not know: a grant is the customer's data.
/// </summary>
internal static class GrantScopes
{
    /// <summary>The values of a grant's scope string, in order, without duplicates or empty entries.</summary>
    public static IReadOnlyList<string> Split(string? scope)
    {
        var values = new List<string>();
        foreach (var value in (scope ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Contains(values, value))
            {
                values.Add(value);
            }
        }

        return values;
    }

    /// <summary>The requested values the granted list lacks, in requested order.</summary>
    public static IReadOnlyList<string> Missing(IReadOnlyList<string> granted, IReadOnlyList<string> requested) =>
        requested.Where(value => !Contains(granted, value)).ToArray();

    /// <summary>The granted values nobody asked about, in granted order.</summary>
    public static IReadOnlyList<string> Extra(IReadOnlyList<string> granted, IReadOnlyList<string> requested) =>
        granted.Where(value => !Contains(requested, value)).ToArray();

    /// <summary>Everything granted, in its order, then what is missing: order-stable, so re-running writes the same string.</summary>
    public static IReadOnlyList<string> Union(IReadOnlyList<string> granted, IReadOnlyList<string> requested) =>
        [.. granted, .. Missing(granted, requested)];

    public static string Join(IReadOnlyList<string> values) => string.Join(' ', values);

    private static bool Contains(IEnumerable<string> values, string value) =>
        values.Contains(value, StringComparer.OrdinalIgnoreCase);
}
