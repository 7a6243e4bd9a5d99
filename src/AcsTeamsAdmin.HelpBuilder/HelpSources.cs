namespace AcsTeamsAdmin.HelpBuilder;

/// <summary>Which files of a docs folder are cmdlet pages and which are about topics.</summary>
internal static class HelpSources
{
    public static IReadOnlyList<string> CmdletPages(string docsFolder) =>
        Directory.GetFiles(docsFolder, "*-*.md").Where(path => !IsAboutTopic(path)).Order(StringComparer.Ordinal).ToArray();

    public static IReadOnlyList<string> AboutTopics(string docsFolder) =>
        Directory.GetFiles(docsFolder, "about_*.md").Order(StringComparer.Ordinal).ToArray();

    private static bool IsAboutTopic(string path) => Path.GetFileName(path).StartsWith("about_", StringComparison.OrdinalIgnoreCase);
}
