using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using AcsTeamsAdmin.Engine.Completion;

namespace AcsTeamsAdmin.Infrastructure;

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
