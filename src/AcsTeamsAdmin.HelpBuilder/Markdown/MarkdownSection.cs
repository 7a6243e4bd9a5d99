namespace AcsTeamsAdmin.HelpBuilder.Markdown;

/// <summary>A heading and the lines under it up to the next heading of the same or a higher level.</summary>
internal sealed record MarkdownSection(int Level, string Title, IReadOnlyList<string> Body, IReadOnlyList<MarkdownSection> Children)
{
    /// <summary>The child section with this title (case-insensitive), or null.</summary>
    public MarkdownSection? Child(string title) =>
        Children.FirstOrDefault(child => string.Equals(child.Title, title, StringComparison.OrdinalIgnoreCase));
}
