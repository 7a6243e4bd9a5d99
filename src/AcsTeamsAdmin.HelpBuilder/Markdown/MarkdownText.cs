using System.Text;

namespace AcsTeamsAdmin.HelpBuilder.Markdown;

/// <summary>Splits a section's body into what MAML holds: paragraphs, and fenced code blocks.</summary>
internal static class MarkdownText
{
    /// <summary>The text paragraphs (separated by blank lines), code blocks left out; lines of one paragraph stay on their own lines.</summary>
    public static IReadOnlyList<string> Paragraphs(IEnumerable<string> lines) =>
        Blocks(lines).Where(block => block.Fence is null).Select(block => block.Text).ToArray();

    /// <summary>
    /// The paragraphs with the code blocks among them, as Get-Help shows a section: a sentence that ends "...:" is
    /// followed by the commands it introduces. A code block's lines are indented by four spaces and join the paragraph
    /// before them after a blank line: Get-Help trims the start of each maml:para, which would leave the first line of
    /// a block of its own unindented. <paramref name="except"/>: blocks that are not text (a parameter's ```yaml).
    /// </summary>
    public static IReadOnlyList<string> HelpParagraphs(IEnumerable<string> lines, string? except = null)
    {
        var paragraphs = new List<string>();
        foreach (MarkdownBlock block in Blocks(lines))
        {
            if (block.Fence is null)
            {
                paragraphs.Add(block.Text);
            }
            else if (except is null || !string.Equals(block.Fence, except, StringComparison.OrdinalIgnoreCase))
            {
                string code = string.Join('\n', block.Text.Split('\n').Select(line => line.Length == 0 ? line : Indent + line));
                if (paragraphs.Count == 0)
                {
                    paragraphs.Add(code);
                }
                else
                {
                    paragraphs[^1] += "\n\n" + code;
                }
            }
        }

        return paragraphs;
    }

    private const string Indent = "    ";

    /// <summary>Paragraphs and code blocks in order; a code block keeps its info string (powershell, yaml, Output).</summary>
    public static IReadOnlyList<MarkdownBlock> Blocks(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var blocks = new List<MarkdownBlock>();
        var current = new StringBuilder();
        string? fence = null;

        void Flush(string? info)
        {
            string text = current.ToString().TrimEnd('\n');
            if (info is not null || text.Trim().Length > 0)
            {
                blocks.Add(new MarkdownBlock(info, info is null ? text.Trim() : text));
            }

            current.Clear();
        }

        foreach (string raw in lines)
        {
            string line = raw.TrimEnd();
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                if (fence is null)
                {
                    Flush(null);
                    fence = line.TrimStart()[3..].Trim();
                }
                else
                {
                    Flush(fence);
                    fence = null;
                }

                continue;
            }

            if (fence is null && line.Length == 0)
            {
                Flush(null);
                continue;
            }

            current.Append(line).Append('\n');
        }

        if (fence is not null)
        {
            throw new FormatException("A code block is not closed with ```.");
        }

        Flush(null);
        return blocks;
    }
}

/// <summary>A paragraph (Fence null) or a fenced code block (Fence is its info string, possibly empty).</summary>
internal sealed record MarkdownBlock(string? Fence, string Text);
