using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using AcsTeamsAdmin.Engine.Completion;

namespace AcsTeamsAdmin.Infrastructure;

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
