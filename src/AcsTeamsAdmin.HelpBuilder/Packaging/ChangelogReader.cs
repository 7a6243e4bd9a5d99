namespace AcsTeamsAdmin.HelpBuilder.Packaging;

/// <summary>
/// The release notes of one version from CHANGELOG.md (Keep a Changelog layout: "## [1.2.0] - date"
/// or "## 1.2.0"). A version without a section is an error: a release must say what changed.
/// </summary>
internal static class ChangelogReader
{
    public static string ReleaseNotes(string changelogText, string version)
    {
        ArgumentNullException.ThrowIfNull(changelogText);
        string[] lines = changelogText.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int start = Array.FindIndex(lines, line => IsHeadingFor(line, version));
        if (start < 0)
        {
            throw new FormatException($"CHANGELOG.md has no '## [{version}]' section; add the release notes of {version} before packaging it.");
        }

        int end = Array.FindIndex(lines, start + 1, line => line.StartsWith("## ", StringComparison.Ordinal));
        string notes = string.Join('\n', lines[(start + 1)..(end < 0 ? lines.Length : end)]).Trim();
        return notes.Length > 0 ? notes : throw new FormatException($"The CHANGELOG.md section of {version} is empty.");
    }

    private static bool IsHeadingFor(string line, string version)
    {
        if (!line.StartsWith("## ", StringComparison.Ordinal))
        {
            return false;
        }

        string title = line[3..].Trim();
        return title.StartsWith($"[{version}]", StringComparison.Ordinal)
            || title == version
            || title.StartsWith(version + " ", StringComparison.Ordinal);
    }
}
