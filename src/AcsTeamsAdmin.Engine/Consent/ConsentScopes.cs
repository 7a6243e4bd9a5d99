using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.ServicePrincipals;
using AcsTeamsAdmin.Engine.Validation;

namespace AcsTeamsAdmin.Engine.Consent;

/// <summary>
/// Parses -Scope: ACS scope names (Teams.ManageCalls, case-insensitive) or their full URIs
/// (https://auth.msft.communication.azure.com/Teams.ManageCalls), as separate values or one string
/// separated by spaces or commas (the way a grant's scope or a v2 URL writes them).
/// </summary>
public static class ConsentScopes
{
    private static readonly char[] Separators = [' ', ',', '\t', '\r', '\n'];

    /// <summary>The scopes in the order first given, without duplicates; the default set when <paramref name="values"/> is null.</summary>
    public static IReadOnlyList<AcsScope> Parse(string parameterName, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return AcsScope.Default;
        }

        InputParser.RefuseBlankItems(parameterName, values);
        var tokens = values.SelectMany(value => (value ?? string.Empty).Split(Separators, StringSplitOptions.RemoveEmptyEntries)).ToArray();
        if (tokens.Length == 0)
        {
            throw AcsTeamsAdminException.InvalidInput(parameterName, string.Join(" ", values), "is empty.",
                $"Pass one or more of {KnownList}, or leave it out for {string.Join(" and ", AcsScope.Default.Select(scope => scope.Value))}.",
                ErrorIds.MissingParameter);
        }

        var scopes = new List<AcsScope>();
        foreach (var token in tokens)
        {
            var scope = Find(token) ?? throw AcsTeamsAdminException.InvalidInput(parameterName, token,
                $"'{InputParser.Shorten(token)}' is not a delegated permission of the Azure Communication Services app.",
                $"Pass one or more of {KnownList}, by name or as {AcsFirstPartyApp.AppIdUri}/<name>.",
                ErrorIds.UnknownScope);
            if (!scopes.Contains(scope))
            {
                scopes.Add(scope);
            }
        }

        return scopes;
    }

    /// <summary>The known scopes as a user reads them, e.g. "Teams.ManageCalls, Teams.ManageChats, ... VoIP (legacy)".</summary>
    public static string KnownList =>
        string.Join(", ", AcsScope.Known.Select(scope => scope.IsLegacy ? $"{scope.Value} (legacy)" : scope.Value));

    private static AcsScope? Find(string token)
    {
        // MSAL accepts a scope under the App ID URI or under the appId itself; both name the same permission.
        foreach (var prefix in (string[])[AcsFirstPartyApp.AppIdUri + "/", AcsFirstPartyApp.AppId + "/"])
        {
            if (token.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return AcsScope.Find(token[prefix.Length..]);
            }
        }

        return AcsScope.Find(token);
    }
}
