using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using AcsTeamsAdmin.Engine.Communication;

namespace AcsTeamsAdmin.Infrastructure;

/// <summary>Tab completion for -ApiVersion: the released ACS identity api-versions, newest first.</summary>
public sealed class AcsApiVersionCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        AcsApiVersion.Released.Reverse()
            .Where(version => version.StartsWith(wordToComplete ?? string.Empty, StringComparison.OrdinalIgnoreCase))
            .Select(version => new CompletionResult(version, version, CompletionResultType.ParameterValue,
                version == AcsApiVersion.Default.Value ? $"{version} (default)" : version));
}
