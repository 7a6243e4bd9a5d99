namespace AcsTeamsAdmin.HelpBuilder.Markdown;

/// <summary>
/// A markdown file as a tree of headed sections, plus its YAML front matter as key/value pairs.
/// Only what platyPS pages use is understood: ATX headings (#, ##, ###) and fenced code blocks,
/// inside which a '#' line is code, not a heading.
/// </summary>
internal sealed class MarkdownDocument
{
    private MarkdownDocument(IReadOnlyDictionary<string, string> frontMatter, IReadOnlyList<MarkdownSection> sections)
    {
        FrontMatter = frontMatter;
        Sections = sections;
    }

    public IReadOnlyDictionary<string, string> FrontMatter { get; }

    /// <summary>The top-level (#) sections.</summary>
    public IReadOnlyList<MarkdownSection> Sections { get; }

    public static MarkdownDocument Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int start = 0;
        var frontMatter = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (lines.Length > 0 && lines[0].Trim() == "---")
        {
            int end = Array.FindIndex(lines, 1, line => line.Trim() == "---");
            if (end < 0)
            {
                throw new FormatException("The front matter that starts on line 1 has no closing '---'.");
            }

            foreach (string line in lines[1..end])
            {
                int colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    frontMatter[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                }
            }

            start = end + 1;
        }

        var headings = new List<(int Line, int Level, string Title)>();
        bool inFence = false;
        for (int i = start; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            int level = inFence ? 0 : HeadingLevel(line);
            if (level > 0)
            {
                headings.Add((i, level, line[level..].Trim()));
            }
        }

        return new MarkdownDocument(frontMatter, Build(lines, headings, 0, headings.Count, lines.Length));
    }

    private static List<MarkdownSection> Build(string[] lines, List<(int Line, int Level, string Title)> headings, int from, int to, int endLine)
    {
        var sections = new List<MarkdownSection>();
        int i = from;
        while (i < to)
        {
            var (line, level, title) = headings[i];
            int next = i + 1;
            while (next < to && headings[next].Level > level)
            {
                next++;
            }

            int sectionEnd = next < to ? headings[next].Line : endLine;
            int bodyEnd = i + 1 < next ? headings[i + 1].Line : sectionEnd;
            sections.Add(new MarkdownSection(level, title, lines[(line + 1)..bodyEnd], Build(lines, headings, i + 1, next, sectionEnd)));
            i = next;
        }

        return sections;
    }

    private static int HeadingLevel(string line)
    {
        int level = 0;
        while (level < line.Length && line[level] == '#')
        {
            level++;
        }

        return level is > 0 and <= 6 && level < line.Length && line[level] == ' ' ? level : 0;
    }
}
