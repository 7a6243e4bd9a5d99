using System.Text.RegularExpressions;

namespace AcsTeamsAdmin.Engine.Teams;

/// <summary>MicrosoftTeams commands as an admin pastes them: PowerShell literals, identities quoted only when they must be.</summary>
internal static partial class RemedyCommand
{
    public static string Bool(bool value) => value ? "$true" : "$false";

    public static string List(IEnumerable<string> values)
    {
        var items = values.Select(Quote).ToArray();
        return items.Length == 0 ? "@()" : $"@({string.Join(", ", items)})";
    }

    /// <summary>
    /// The -Identity argument for a policy. The module reports custom policies as "Tag:Name"; the
    /// Set-Cs... reference addresses them by name (Set-CsTeamsMeetingPolicy -Identity SalesMeetingPolicy).
    /// </summary>
    public static string Identity(string identity)
    {
        var name = identity.StartsWith("Tag:", StringComparison.OrdinalIgnoreCase) ? identity[4..] : identity;
        return Bare().IsMatch(name) ? name : Quote(name);
    }

    public static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    [GeneratedRegex("^[A-Za-z0-9_.-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Bare();
}
