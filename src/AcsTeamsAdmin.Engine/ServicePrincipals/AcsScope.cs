using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Validation;

namespace AcsTeamsAdmin.Engine.ServicePrincipals;

/// <summary>
/// A delegated permission of the Azure Communication Services first-party app. The ids come from
/// public scrapes of the app (no Microsoft document lists them): operations resolve them at run
/// time from the tenant's ACS service principal when it has one, and fall back to this table.
/// </summary>
/// <param name="Value">The scope's name, as in an access token's scp claim.</param>
/// <param name="Id">The oauth2PermissionScope id, as requiredResourceAccess names it.</param>
/// <param name="IsLegacy">True for the preview-era "VoIP" scope the seed documents use; no longer listed on the app.</param>
public sealed record AcsScope(string Value, Guid Id, bool IsLegacy = false)
{
    public static AcsScope TeamsManageCalls { get; } = new("Teams.ManageCalls", Guid.Parse("de8ec1df-066a-4817-bc5d-9a985b986262"));

    public static AcsScope TeamsManageChats { get; } = new("Teams.ManageChats", Guid.Parse("6290af7f-b407-49f9-92d5-bf584fdc4019"));

    public static AcsScope TeamsExtensionManageCalls { get; } = new("TeamsExtension.ManageCalls", Guid.Parse("9ed60762-c537-4e50-8984-4b1db3d922ce"));

    public static AcsScope Voip { get; } = new("VoIP", Guid.Parse("31f1efa3-6f54-4008-ac59-1bf1f0ff9958"), IsLegacy: true);

    /// <summary>Every scope the module knows, for lookups and argument completion.</summary>
    public static IReadOnlyList<AcsScope> Known { get; } = [TeamsManageCalls, TeamsManageChats, TeamsExtensionManageCalls, Voip];

    /// <summary>What the Teams token exchange needs, and what the module asks for by default.</summary>
    public static IReadOnlyList<AcsScope> Default { get; } = [TeamsManageCalls, TeamsManageChats];

    /// <summary>The full URI an app asks MSAL for, e.g. https://auth.msft.communication.azure.com/Teams.ManageCalls.</summary>
    public string Uri => $"{AcsFirstPartyApp.AppIdUri}/{Value}";

    /// <summary>The known scopes as a user reads them, e.g. "Teams.ManageCalls, Teams.ManageChats, ... VoIP (legacy)".</summary>
    public static string KnownList =>
        string.Join(", ", Known.Select(scope => scope.IsLegacy ? $"{scope.Value} (legacy)" : scope.Value));

    /// <summary>A known scope by name, case-insensitive; null when unknown.</summary>
    public static AcsScope? Find(string value) =>
        Known.FirstOrDefault(scope => string.Equals(scope.Value, value, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Every cmdlet's -Scope of ACS delegated permissions: names (Teams.ManageCalls, case-insensitive) or full URIs
    /// (https://auth.msft.communication.azure.com/Teams.ManageCalls), as separate values or one string separated by
    /// spaces or commas (as a grant's scope or a v2 link writes them). In the order first given, without duplicates;
    /// the default two when none is given; plus the legacy VoIP scope with <paramref name="includeLegacyVoip"/>.
    /// </summary>
    public static IReadOnlyList<AcsScope> Parse(IReadOnlyList<string>? values, bool includeLegacyVoip = false, string parameterName = "Scope")
    {
        InputParser.RefuseBlankItems(parameterName, values);
        var given = values ?? [];
        var tokens = given.SelectMany(value => value.Split(Separators, StringSplitOptions.RemoveEmptyEntries)).ToArray();
        if (given.Count > 0 && tokens.Length == 0)
        {
            throw AcsTeamsAdminException.InvalidInput(parameterName, string.Join(" ", given), "is empty.",
                $"Pass one or more of {KnownList}, or leave -{parameterName} out for {string.Join(" and ", Default.Select(scope => scope.Value))}.",
                ErrorIds.MissingParameter);
        }

        var chosen = new List<AcsScope>();
        foreach (var token in tokens)
        {
            var scope = FindNameOrUri(token) ?? throw AcsTeamsAdminException.InvalidInput(parameterName, token,
                $"'{InputParser.Shorten(token)}' is not a delegated permission of Azure Communication Services.",
                $"Pass one or more of {KnownList}, by name or as {AcsFirstPartyApp.AppIdUri}/<name> (or leave -{parameterName} out for "
                + $"{string.Join(" and ", Default.Select(known => known.Value))}).",
                ErrorIds.UnknownAcsScope);
            if (!chosen.Contains(scope))
            {
                chosen.Add(scope);
            }
        }

        if (chosen.Count == 0)
        {
            chosen.AddRange(Default);
        }

        if (includeLegacyVoip && !chosen.Contains(Voip))
        {
            chosen.Add(Voip);
        }

        return chosen;
    }

    private static readonly char[] Separators = [' ', ',', '\t', '\r', '\n'];

    private static AcsScope? FindNameOrUri(string token)
    {
        // MSAL accepts a scope under the App ID URI or under the appId itself; both name the same permission.
        foreach (var prefix in (string[])[AcsFirstPartyApp.AppIdUri + "/", AcsFirstPartyApp.AppId + "/"])
        {
            if (token.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return Find(token[prefix.Length..]);
            }
        }

        return Find(token);
    }
}
