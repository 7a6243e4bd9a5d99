namespace AcsTeamsAdmin.Engine.Completion;

/// <summary>A candidate chosen for the typed word, with the text to insert already quoted.</summary>
public sealed record CompletionMatch(string CompletionText, string ListItemText, string ToolTip);
