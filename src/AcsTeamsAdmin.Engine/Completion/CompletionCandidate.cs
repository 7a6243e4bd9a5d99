namespace AcsTeamsAdmin.Engine.Completion;

/// <summary>
/// One value a completer can offer. <paramref name="Value"/> is what lands on the command line (before
/// quoting); <paramref name="AlsoMatches"/> lets a user type something friendlier than the value, such as
/// an app's display name for its GUID.
/// </summary>
/// <param name="Value">The parameter value.</param>
/// <param name="ListItemText">What the completion menu shows.</param>
/// <param name="ToolTip">The menu's tooltip.</param>
/// <param name="AlsoMatches">Another text the typed word may be a prefix of.</param>
public sealed record CompletionCandidate(string Value, string ListItemText, string ToolTip, string? AlsoMatches = null)
{
    public static CompletionCandidate Plain(string value, string? toolTip = null) => new(value, value, toolTip ?? value);
}

/// <summary>A candidate chosen for the typed word, with the text to insert already quoted.</summary>
public sealed record CompletionMatch(string CompletionText, string ListItemText, string ToolTip);
