using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.ServicePrincipals;

namespace AcsTeamsAdmin.Engine.Completion;

/// <summary>The fixed value lists the completers offer, in the order a user most likely wants them.</summary>
public static class CompletionSources
{
    /// <summary>The ACS delegated permissions (Teams.ManageCalls, ...): the defaults first, the legacy VoIP last and marked.</summary>
    public static IEnumerable<CompletionCandidate> AcsScopes() =>
        AcsScope.Known.Select(scope => scope.IsLegacy
            ? new CompletionCandidate(scope.Value, $"{scope.Value} (legacy)", $"{scope.Uri} (legacy: no longer listed on the ACS app)")
            : new CompletionCandidate(scope.Value, scope.Value, AcsScope.Default.Contains(scope) ? $"{scope.Uri} (default)" : scope.Uri));

    /// <summary>The scopes of an ACS access token, as the service spells them (chat, voip, chat.join, ...).</summary>
    public static IEnumerable<CompletionCandidate> AcsTokenScopes() =>
        Enum.GetValues<AcsTokenScope>().Select(Communication.AcsTokenScopes.WireName).Select(scope =>
            CompletionCandidate.Plain(scope, scope.Contains(".join", StringComparison.Ordinal) ? $"{scope} (api-version 2023-10-01 or later)" : scope));

    /// <summary>The released ACS identity api-versions, newest first, the default marked.</summary>
    public static IEnumerable<CompletionCandidate> AcsApiVersions() =>
        AcsApiVersion.Released.Reverse().Select(version =>
            CompletionCandidate.Plain(version, version == AcsApiVersion.Default.Value ? $"{version} (default)" : version));

    /// <summary>Who bypasses an online meeting's lobby, as Graph names it; everyone (what ACS users need) first.</summary>
    public static IEnumerable<CompletionCandidate> LobbyBypassScopes() =>
        Meetings.TeamsMeetingRequest.LobbyScopes.Reverse().Select(scope =>
            CompletionCandidate.Plain(scope, scope == "everyone" ? "everyone (ACS users skip the lobby)" : scope));
}
