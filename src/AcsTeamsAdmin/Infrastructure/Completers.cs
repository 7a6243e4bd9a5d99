using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using AcsTeamsAdmin.Engine.Completion;

namespace AcsTeamsAdmin.Infrastructure;

/// <summary>
/// Tab completion for -AppId, -ApplicationId and -ClientId: the apps this runspace's cmdlets have returned,
/// newest first, with the display name as tooltip (typing the start of the name works too).
/// </summary>
public sealed class AppIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters) =>
        // Completion runs on the runspace's own pipeline thread, so DefaultRunspace is the session's.
        Runspace.DefaultRunspace is { } runspace
            ? CompletionAdapter.Complete(RecentAppStore.For(runspace).Candidates(), parameterName, wordToComplete, fakeBoundParameters)
            : [];
}

/// <summary>Tab completion for -Scope: the ACS delegated permissions the module knows (Teams.ManageCalls, ...).</summary>
public sealed class AcsScopeCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters) =>
        CompletionAdapter.Complete(CompletionSources.AcsScopes(), parameterName, wordToComplete, fakeBoundParameters);
}

/// <summary>Tab completion for an ACS token's -Scope: chat, voip, chat.join, chat.join.limited, voip.join.</summary>
public sealed class AcsTokenScopeCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters) =>
        CompletionAdapter.Complete(CompletionSources.AcsTokenScopes(), parameterName, wordToComplete, fakeBoundParameters);
}

/// <summary>Tab completion for -ApiVersion: the released ACS identity api-versions, newest first.</summary>
public sealed class AcsApiVersionCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters) =>
        CompletionAdapter.Complete(CompletionSources.AcsApiVersions(), parameterName, wordToComplete, fakeBoundParameters);
}

/// <summary>Tab completion for New-AcsTeamsMeeting -LobbyBypassScope: Graph's values, everyone first.</summary>
public sealed class LobbyBypassScopeCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters) =>
        CompletionAdapter.Complete(CompletionSources.LobbyBypassScopes(), parameterName, wordToComplete, fakeBoundParameters);
}

/// <summary>Turns the engine's completion matches into PowerShell's CompletionResults; all the logic is in CompletionMatcher.</summary>
internal static class CompletionAdapter
{
    public static IEnumerable<CompletionResult> Complete(
        IEnumerable<CompletionCandidate> candidates,
        string parameterName,
        string? wordToComplete,
        IDictionary? fakeBoundParameters) =>
        CompletionMatcher.Match(candidates, wordToComplete, AlreadyGiven(parameterName, fakeBoundParameters))
            .Select(match => new CompletionResult(match.CompletionText, match.ListItemText, CompletionResultType.ParameterValue, match.ToolTip));

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
/// The apps each runspace has seen, for AppIdCompleter. Per runspace like ConnectionStore (two runspaces may
/// work in different tenants); the list goes away with its runspace.
/// </summary>
internal static class RecentAppStore
{
    private static readonly ConditionalWeakTable<Runspace, RecentApps> Lists = new();

    public static RecentApps For(Runspace runspace) => Lists.GetValue(runspace, _ => new RecentApps());
}
