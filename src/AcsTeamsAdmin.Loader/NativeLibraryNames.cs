namespace AcsTeamsAdmin.Loader;

/// <summary>
/// The file names a native library may have on this platform, as [DllImport("name")] or
/// NativeLibrary.Load("name") spell it: "name" may already carry its prefix or extension.
/// </summary>
internal static class NativeLibraryNames
{
    public static IEnumerable<string> Candidates(string libraryName)
    {
        if (OperatingSystem.IsWindows())
        {
            yield return libraryName.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? libraryName : libraryName + ".dll";
            yield return libraryName;
            yield break;
        }

        string extension = OperatingSystem.IsMacOS() ? ".dylib" : ".so";
        bool hasPrefix = libraryName.StartsWith("lib", StringComparison.Ordinal);
        yield return libraryName;
        if (!libraryName.Contains(extension, StringComparison.Ordinal))
        {
            if (!hasPrefix)
            {
                yield return "lib" + libraryName + extension;
            }

            yield return libraryName + extension;
        }

        if (!hasPrefix)
        {
            yield return "lib" + libraryName;
        }
    }
}
