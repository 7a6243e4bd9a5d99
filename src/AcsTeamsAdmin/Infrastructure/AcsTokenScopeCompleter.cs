using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using AcsTeamsAdmin.Engine.Communication;

namespace AcsTeamsAdmin.Infrastructure;

/// <summary>Tab completion for an ACS token's -Scope: chat, voip, chat.join, chat.join.limited, voip.join.</summary>
public sealed class AcsTokenScopeCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Enum.GetValues<AcsTokenScope>().Select(AcsTokenScopes.WireName)
            .Where(scope => scope.StartsWith(wordToComplete ?? string.Empty, StringComparison.OrdinalIgnoreCase))
            .Select(scope => new CompletionResult(scope, scope, CompletionResultType.ParameterValue, scope));
}
