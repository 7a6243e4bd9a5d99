using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using AcsTeamsAdmin.Engine.ServicePrincipals;

namespace AcsTeamsAdmin.Infrastructure;

/// <summary>Tab completion for -Scope: the ACS delegated permissions the module knows.</summary>
public sealed class AcsScopeCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        AcsScope.Known
            .Where(scope => scope.Value.StartsWith(wordToComplete ?? string.Empty, StringComparison.OrdinalIgnoreCase))
            .Select(scope => new CompletionResult(scope.Value, scope.Value, CompletionResultType.ParameterValue, scope.IsLegacy ? $"{scope.Value} (legacy)" : scope.Value));
}
