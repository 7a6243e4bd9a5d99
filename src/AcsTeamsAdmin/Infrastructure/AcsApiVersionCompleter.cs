using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using AcsTeamsAdmin.Engine.Completion;

namespace AcsTeamsAdmin.Infrastructure;

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
