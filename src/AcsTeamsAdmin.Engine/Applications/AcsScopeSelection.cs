using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.ServicePrincipals;
using AcsTeamsAdmin.Engine.Validation;

namespace AcsTeamsAdmin.Engine.Applications;

/// <summary>Which ACS delegated permissions the user asked for: -Scope names (default the current two) plus -IncludeLegacyVoip.</summary>
public static class AcsScopeSelection
{
    public static IReadOnlyList<AcsScope> Parse(IReadOnlyList<string>? scopes, bool includeLegacyVoip, string parameterName = "Scope")
    {
        InputParser.RefuseBlankItems(parameterName, scopes);
        var chosen = new List<AcsScope>();
        var given = scopes ?? [];
        foreach (var value in given)
        {
            var scope = AcsScope.Find(value.Trim())
                ?? throw AcsTeamsAdminException.InvalidInput(parameterName, value,
                    $"'{value.Trim()}' is not a delegated permission of Azure Communication Services.",
                    $"Pass one or more of {string.Join(", ", AcsScope.Known.Select(known => known.Value))} (or omit -{parameterName} for Teams.ManageCalls and Teams.ManageChats).",
                    ErrorIds.UnknownAcsScope);
            if (!chosen.Contains(scope))
            {
                chosen.Add(scope);
            }
        }

        if (given.Count == 0)
        {
            chosen.AddRange(AcsScope.Default);
        }

        if (includeLegacyVoip && !chosen.Contains(AcsScope.Voip))
        {
            chosen.Add(AcsScope.Voip);
        }

        return chosen;
    }
}
