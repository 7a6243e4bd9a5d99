using System.Text;

namespace AcsTeamsAdmin.HelpBuilder.About;

/// <summary>
/// Turns a platyPS about_*.md topic into the about_*.help.txt PowerShell 7 reads as plain text
/// (Get-Help about_X prints the file). The text stays as written; only markdown syntax that means
/// nothing in a console goes: heading marks become plain (top-level headings upper case, as
/// PowerShell's own about topics have them), and fenced code is indented instead of fenced.
/// </summary>
internal static class AboutTopicWriter
{
    public static string Convert(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var text = new StringBuilder();
        bool inFence = false;
        foreach (string raw in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            string line = raw.TrimEnd();
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                text.Append(line.Length == 0 ? string.Empty : "    " + line).Append('\n');
            }
            else if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                text.Append(line[2..].Trim().ToUpperInvariant()).Append('\n');
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal) || line.StartsWith("### ", StringComparison.Ordinal))
            {
                text.Append(line.TrimStart('#').Trim()).Append('\n');
            }
            else
            {
                text.Append(line).Append('\n');
            }
        }

        if (inFence)
        {
            throw new FormatException("A code block is not closed with ```.");
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    public static string OutputFileName(string markdownPath) => Path.GetFileNameWithoutExtension(markdownPath) + ".help.txt";
}
