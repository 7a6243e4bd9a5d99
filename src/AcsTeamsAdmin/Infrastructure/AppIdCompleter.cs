using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;

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
