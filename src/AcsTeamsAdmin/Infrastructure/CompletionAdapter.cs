using System.Collections;
using System.Management.Automation;
using AcsTeamsAdmin.Engine.Completion;

namespace AcsTeamsAdmin.Infrastructure;

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
