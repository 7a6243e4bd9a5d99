namespace AcsTeamsAdmin.Tests.PowerShellModule;

/// <summary>Comparing file locations the way the file system does.</summary>
internal static class ModulePaths
{
    private static readonly StringComparison FileSystemComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public static string BinFolder(string moduleFolder) => Path.Combine(moduleFolder, "bin");

    public static bool IsInside(string? path, string folder)
    {
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        string full = Path.GetFullPath(path);
        string prefix = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        return full.StartsWith(prefix, FileSystemComparison);
    }

    public static bool SameFile(string? left, string right) =>
        left is not null && string.Equals(Path.GetFullPath(left), Path.GetFullPath(right), FileSystemComparison);
}
