using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using AcsTeamsAdmin.Engine.Completion;

namespace AcsTeamsAdmin.Infrastructure;

/// <summary>
/// A completer over one of the engine's candidate lists: the matching (prefix, then the rest of the name, quoting,
/// values already typed in an array left out) is CompletionMatcher's, so each completer only names its list.
/// </summary>
public abstract class CandidateCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters) =>
        CompletionMatcher.Match(Candidates(), wordToComplete, AlreadyGiven(parameterName, fakeBoundParameters))
            .Select(match => new CompletionResult(match.CompletionText, match.ListItemText, CompletionResultType.ParameterValue, match.ToolTip));

    private protected abstract IEnumerable<CompletionCandidate> Candidates();

    // For an array parameter (-Scope a, b, <Tab>) PowerShell passes the values typed so far.
    private static string[] AlreadyGiven(string parameterName, IDictionary? fakeBoundParameters)
    {
        if (fakeBoundParameters is null || !fakeBoundParameters.Contains(parameterName))
        {
            return [];
        }

        return LanguagePrimitives.GetEnumerable(fakeBoundParameters[parameterName]) is { } values
            ? values.Cast<object?>().Select(value => value?.ToString()).OfType<string>().ToArray()
            : [fakeBoundParameters[parameterName]?.ToString() ?? string.Empty];
    }
}

/// <summary>
/// Tab completion for -AppId, -ApplicationId and -ClientId: the apps this runspace's cmdlets have returned,
/// newest first, with the display name as tooltip (typing the start of the name works too).
/// </summary>
public sealed class AppIdCompleter : CandidateCompleter
{
    // Completion runs on the runspace's own pipeline thread, so DefaultRunspace is the session's.
    private protected override IEnumerable<CompletionCandidate> Candidates() =>
        Runspace.DefaultRunspace is { } runspace ? RecentAppStore.For(runspace).Candidates() : [];
}

/// <summary>Tab completion for -Scope: the ACS delegated permissions the module knows (Teams.ManageCalls, ...).</summary>
public sealed class AcsScopeCompleter : CandidateCompleter
{
    private protected override IEnumerable<CompletionCandidate> Candidates() => CompletionSources.AcsScopes();
}

/// <summary>Tab completion for an ACS token's -Scope: chat, voip, chat.join, chat.join.limited, voip.join.</summary>
public sealed class AcsTokenScopeCompleter : CandidateCompleter
{
    private protected override IEnumerable<CompletionCandidate> Candidates() => CompletionSources.AcsTokenScopes();
}

/// <summary>Tab completion for -ApiVersion: the released ACS identity api-versions, newest first.</summary>
public sealed class AcsApiVersionCompleter : CandidateCompleter
{
    private protected override IEnumerable<CompletionCandidate> Candidates() => CompletionSources.AcsApiVersions();
}

/// <summary>Tab completion for New-AcsTeamsMeeting -LobbyBypassScope: Graph's values, everyone first.</summary>
public sealed class LobbyBypassScopeCompleter : CandidateCompleter
{
    private protected override IEnumerable<CompletionCandidate> Candidates() => CompletionSources.LobbyBypassScopes();
}

/// <summary>
/// The apps each runspace has seen, for AppIdCompleter. Per runspace like ConnectionStore (two runspaces may
/// work in different tenants); the list goes away with its runspace.
/// </summary>
internal static class RecentAppStore
{
    private static readonly ConditionalWeakTable<Runspace, RecentApps> Lists = new();

    public static RecentApps For(Runspace runspace) => Lists.GetValue(runspace, _ => new RecentApps());
}
