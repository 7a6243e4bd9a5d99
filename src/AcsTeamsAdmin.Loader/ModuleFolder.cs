using System.Reflection;

namespace AcsTeamsAdmin.Loader;

/// <summary>
/// Finds the module's files in its bin folder the way the .NET host finds an application's:
/// a runtime-specific asset (bin/runtimes/&lt;rid&gt;/lib/&lt;tfm&gt;/ or .../native/) for the
/// current operating system and architecture wins over the portable one in bin/, and the most
/// specific runtime identifier wins over its fallbacks (win-x64 over win).
/// </summary>
internal sealed class ModuleFolder
{
    private readonly string[] _managedFolders;
    private readonly string[] _nativeFolders;

    public ModuleFolder(string binFolder)
    {
        BinFolder = binFolder;
        IReadOnlyList<string> runtimeIdentifiers = RuntimeIdentifiers.ForCurrentProcess();
        string runtimesFolder = Path.Combine(binFolder, "runtimes");

        var managed = new List<string>();
        var native = new List<string>();
        foreach (string rid in runtimeIdentifiers)
        {
            string libFolder = Path.Combine(runtimesFolder, rid, "lib");
            if (Directory.Exists(libFolder))
            {
                // NuGet already picked, per package, the one target-framework folder compatible with
                // net8.0, and an assembly name belongs to one package, so a name can only appear in
                // one of these folders: their order does not matter. Sorted to stay deterministic.
                string[] frameworkFolders = Directory.GetDirectories(libFolder);
                Array.Sort(frameworkFolders, StringComparer.Ordinal);
                managed.AddRange(frameworkFolders);
            }

            native.Add(Path.Combine(runtimesFolder, rid, "native"));
        }

        managed.Add(binFolder);
        native.Add(binFolder);
        _managedFolders = [.. managed];
        _nativeFolders = [.. native];
    }

    public string BinFolder { get; }

    /// <summary>The path of the managed assembly the module ships under that name, or null.</summary>
    public string? FindAssembly(AssemblyName assemblyName)
    {
        if (string.IsNullOrEmpty(assemblyName.Name))
        {
            return null;
        }

        string fileName = assemblyName.Name + ".dll";
        if (!string.IsNullOrEmpty(assemblyName.CultureName))
        {
            // Satellite resource assemblies sit in bin/<culture>/, as the SDK copies them.
            return ExistingFile(Path.Combine(BinFolder, assemblyName.CultureName, fileName));
        }

        foreach (string folder in _managedFolders)
        {
            string? path = ExistingFile(Path.Combine(folder, fileName));
            if (path is not null)
            {
                return path;
            }
        }

        return null;
    }

    /// <summary>The path of a native library the module ships for this platform, or null.</summary>
    public string? FindNativeLibrary(string libraryName)
    {
        foreach (string folder in _nativeFolders)
        {
            foreach (string fileName in NativeLibraryNames.Candidates(libraryName))
            {
                string? path = ExistingFile(Path.Combine(folder, fileName));
                if (path is not null)
                {
                    return path;
                }
            }
        }

        return null;
    }

    private static string? ExistingFile(string path) => File.Exists(path) ? path : null;
}
