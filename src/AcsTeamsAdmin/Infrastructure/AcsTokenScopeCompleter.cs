using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using AcsTeamsAdmin.Engine.Completion;

namespace AcsTeamsAdmin.Infrastructure;

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
