using System.Text;

namespace AcsTeamsAdmin.Sandbox.Internal;

/// <summary>application/x-www-form-urlencoded and query strings (where '+' means a space).</summary>
internal static class FormEncoding
{
    public static Dictionary<string, string> Parse(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? pair : pair[..eq];
            var value = eq < 0 ? "" : pair[(eq + 1)..];
            result[Unescape(name)] = Unescape(value);
        }

        return result;
    }

    public static string Build(IEnumerable<KeyValuePair<string, string>> values)
    {
        var sb = new StringBuilder();
        foreach (var (name, value) in values)
        {
            if (sb.Length > 0)
            {
                sb.Append('&');
            }

            // OData system query options keep their '$' unescaped, as Graph writes them in nextLink.
            sb.Append(Uri.EscapeDataString(name).Replace("%24", "$", StringComparison.Ordinal)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return sb.ToString();
    }

    private static string Unescape(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
}
