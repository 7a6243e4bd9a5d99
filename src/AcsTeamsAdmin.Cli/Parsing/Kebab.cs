using System.Text;

namespace AcsTeamsAdmin.Cli.Parsing;

/// <summary>Cmdlet parameter names in the command line's spelling: ApplicationId -> application-id.</summary>
internal static class Kebab
{
    public static string FromPascal(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var startsWord = char.IsUpper(c) && i > 0
                && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
            if (startsWord)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    public static string Option(string parameterName) => "--" + FromPascal(parameterName);
}
