using System.Text;
using System.Text.RegularExpressions;
using AcsTeamsAdmin.Engine.Failures;

namespace AcsTeamsAdmin.Engine.Applications;

/// <summary>
/// A -DisplayName as PowerShell users write it: a name, or a wildcard pattern (* any run, ? one character,
/// [abc] / [a-c] one of a set, ` to escape), matched without regard to case as Graph compares names.
/// Knows the literal prefix before the first wildcard, so the search can ask Graph for
/// startswith(displayName,'prefix') and filter the rest locally instead of listing every app.
/// </summary>
public sealed class DisplayNamePattern
{
    private readonly Regex _regex;

    private DisplayNamePattern(string pattern, string prefix, bool hasWildcards, bool isPrefixOnly, Regex regex)
    {
        Pattern = pattern;
        Prefix = prefix;
        HasWildcards = hasWildcards;
        IsPrefixOnly = isPrefixOnly;
        _regex = regex;
    }

    public string Pattern { get; }

    /// <summary>The literal text before the first wildcard (the whole name, unescaped, when there is none).</summary>
    public string Prefix { get; }

    public bool HasWildcards { get; }

    /// <summary>True for "Contoso*": startswith on the server returns exactly the matches.</summary>
    public bool IsPrefixOnly { get; }

    public bool Matches(string? displayName) => displayName is not null && _regex.IsMatch(displayName);

    public static DisplayNamePattern Parse(string? value, string parameterName = "DisplayName")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw AcsTeamsAdminException.InvalidInput(parameterName, value, "is empty.",
                "Pass an app registration's display name, or a pattern such as 'Contoso*'.", ErrorIds.MissingParameter);
        }

        // A pattern can match no more than a name can hold: the same limits, checked before any request.
        _ = ApplicationOperations.ParseDisplayName(value, parameterName);

        var regex = new StringBuilder("^");
        var prefix = new StringBuilder();
        var inPrefix = true;
        var wildcards = 0;
        var onlyTrailingStar = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '`' when i + 1 < value.Length:
                    i++;
                    Literal(value[i]);
                    break;
                case '*':
                    wildcards++;
                    onlyTrailingStar = i == value.Length - 1 && wildcards == 1;
                    inPrefix = false;
                    regex.Append(".*");
                    break;
                case '?':
                    wildcards++;
                    inPrefix = false;
                    regex.Append('.');
                    break;
                case '[':
                    var close = value.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        throw AcsTeamsAdminException.InvalidInput(parameterName, value, $"'{value}' opens a [set] that it never closes.",
                            "Close the set with ], or escape the bracket as `[ to match it literally.");
                    }

                    wildcards++;
                    inPrefix = false;
                    regex.Append('[').Append(SetContent(value[(i + 1)..close])).Append(']');
                    i = close;
                    break;
                default:
                    Literal(c);
                    break;
            }
        }

        regex.Append('$');
        return new DisplayNamePattern(value, prefix.ToString(), wildcards > 0, onlyTrailingStar,
            new Regex(regex.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1)));

        void Literal(char c)
        {
            regex.Append(Regex.Escape(c.ToString()));
            if (inPrefix)
            {
                prefix.Append(c);
            }
        }
    }

    // Inside [...] only '-' (a range) keeps its meaning; everything else is literal.
    private static string SetContent(string content) =>
        string.Concat(content.Select(c => c == '-' ? "-" : Regex.Escape(c.ToString()).Replace("]", "\\]", StringComparison.Ordinal)));
}
