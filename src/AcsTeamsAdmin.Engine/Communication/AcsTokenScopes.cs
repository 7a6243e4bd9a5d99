using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Validation;

namespace AcsTeamsAdmin.Engine.Communication;

/// <summary>A parsed, non-empty, duplicate-free set of ACS token scopes in the order given.</summary>
public sealed class AcsTokenScopes
{
    private static readonly (AcsTokenScope Scope, string Wire)[] Names =
    [
        (AcsTokenScope.Chat, "chat"),
        (AcsTokenScope.Voip, "voip"),
        (AcsTokenScope.ChatJoin, "chat.join"),
        (AcsTokenScope.ChatJoinLimited, "chat.join.limited"),
        (AcsTokenScope.VoipJoin, "voip.join"),
    ];

    private AcsTokenScopes(IReadOnlyList<AcsTokenScope> scopes) => Scopes = scopes;

    public IReadOnlyList<AcsTokenScope> Scopes { get; }

    /// <summary>The scopes as the service spells them (chat, voip, chat.join, ...).</summary>
    public IReadOnlyList<string> WireNames => Scopes.Select(WireName).ToArray();

    /// <summary>True when a scope needs api-version 2023-10-01.</summary>
    public bool NeedsJoinScopes => Scopes.Any(s => s is AcsTokenScope.ChatJoin or AcsTokenScope.ChatJoinLimited or AcsTokenScope.VoipJoin);

    /// <summary>Parses values such as "chat", "voip", "chat.join" (also comma or space separated, any case; "VoipJoin" works too).</summary>
    public static AcsTokenScopes Parse(IEnumerable<string?>? values, string parameterName = "Scope")
    {
        var given = values?.ToArray();
        InputParser.RefuseBlankItems(parameterName, given);
        var scopes = new List<AcsTokenScope>();
        foreach (var raw in given ?? [])
        {
            foreach (var part in (raw ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
            {
                var scope = Find(part) ?? throw AcsTeamsAdminException.InvalidInput(parameterName, part,
                    $"'{InputParser.Shorten(part)}' is not an ACS token scope.",
                    $"Pass one or more of {string.Join(", ", Names.Select(n => n.Wire))}.",
                    ErrorIds.InvalidTokenScope);
                if (!scopes.Contains(scope))
                {
                    scopes.Add(scope);
                }
            }
        }

        return scopes.Count == 0
            ? throw AcsTeamsAdminException.InvalidInput(
                parameterName,
                null,
                "is empty.",
                "Pass at least one scope: chat, voip, chat.join, chat.join.limited or voip.join.",
                ErrorIds.MissingParameter)
            : new AcsTokenScopes(scopes);
    }

    public static AcsTokenScopes Of(params AcsTokenScope[] scopes) => Parse(scopes.Select(WireName));

    public static string WireName(AcsTokenScope scope) => Names.First(n => n.Scope == scope).Wire;

    public override string ToString() => string.Join(",", WireNames);

    private static AcsTokenScope? Find(string text)
    {
        foreach (var (scope, wire) in Names)
        {
            if (string.Equals(text, wire, StringComparison.OrdinalIgnoreCase) || string.Equals(text, scope.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return scope;
            }
        }

        return null;
    }
}
