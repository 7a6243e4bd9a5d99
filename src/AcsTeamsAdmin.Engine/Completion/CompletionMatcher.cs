namespace AcsTeamsAdmin.Engine.Completion;

/// <summary>
/// The part of tab completion that does not need PowerShell: which candidates fit the word typed so far,
/// in what order, and how to quote them. The SMA completers only adapt its results.
/// </summary>
public static class CompletionMatcher
{
    // Characters after which PowerShell would read the rest of a bare word as something else.
    private static readonly System.Buffers.SearchValues<char> NeedsQuotes = System.Buffers.SearchValues.Create(" \t'\"`$,;(){}@#|&<>");

    /// <summary>
    /// The candidates whose value (or <see cref="CompletionCandidate.AlsoMatches"/>) starts with the typed word,
    /// ignoring case and any opening quote. Values matched by their own text come first, then those matched only
    /// by the other text; within each group the source's order is kept (it is meaningful: newest first, default
    /// first). Values already given to the same parameter (<paramref name="alreadyGiven"/>) are left out, so
    /// <c>-Scope Teams.ManageCalls, &lt;Tab&gt;</c> offers the others.
    /// </summary>
    public static IReadOnlyList<CompletionMatch> Match(
        IEnumerable<CompletionCandidate> candidates,
        string? wordToComplete,
        IEnumerable<string>? alreadyGiven = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var (quote, typed) = Unquote(wordToComplete);
        var given = new HashSet<string>(alreadyGiven ?? [], StringComparer.OrdinalIgnoreCase);
        var byValue = new List<CompletionCandidate>();
        var byOther = new List<CompletionCandidate>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var candidate in candidates)
        {
            if (given.Contains(candidate.Value) && !candidate.Value.Equals(typed, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (candidate.Value.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            {
                if (seen.Add(candidate.Value))
                {
                    byValue.Add(candidate);
                }
            }
            else if (typed.Length > 0 && candidate.AlsoMatches?.StartsWith(typed, StringComparison.OrdinalIgnoreCase) == true && seen.Add(candidate.Value))
            {
                byOther.Add(candidate);
            }
        }

        return byValue.Concat(byOther)
            .Select(candidate => new CompletionMatch(Quote(candidate.Value, quote), candidate.ListItemText, candidate.ToolTip))
            .ToArray();
    }

    /// <summary>
    /// The value as it must be typed: unchanged when it is a bare word; otherwise in the quote the user
    /// opened, or single quotes (embedded single quotes doubled, as PowerShell reads them).
    /// </summary>
    public static string Quote(string value, char? openedQuote = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (openedQuote is null && value.Length > 0 && value.AsSpan().IndexOfAny(NeedsQuotes) < 0)
        {
            return value;
        }

        return openedQuote == '"'
            ? "\"" + value
                .Replace("`", "``", StringComparison.Ordinal)
                .Replace("\"", "`\"", StringComparison.Ordinal)
                .Replace("$", "`$", StringComparison.Ordinal) + "\""
            : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    private static (char? Quote, string Text) Unquote(string? word)
    {
        var text = word ?? string.Empty;
        if (text.Length > 0 && text[0] is '\'' or '"')
        {
            var quote = text[0];
            text = text[1..];
            if (text.Length > 0 && text[^1] == quote)
            {
                text = text[..^1];
            }

            return (quote, text);
        }

        return (null, text);
    }
}
