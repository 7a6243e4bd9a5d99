using System.Runtime.InteropServices;

namespace AcsTeamsAdmin.Tests.PowerShellModule;

/// <summary>
/// A throw-away copy of the built module folder that a test may add files to (runtime-specific
/// assets, a stray System.Management.Automation.dll) to see what the loader makes of them.
/// </summary>
internal sealed class ModuleFolderCopy : IDisposable
{
    private ModuleFolderCopy(string folder) => Folder = folder;

    public string Folder { get; }

    public string Bin => ModulePaths.BinFolder(Folder);

    /// <summary>This platform's portable runtime identifier root: win, osx or linux.</summary>
    public static string CurrentOs => OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";

    /// <summary>An operating system this process is not running on.</summary>
    public static string ForeignOs => OperatingSystem.IsWindows() ? "linux" : "win";

    public static string Architecture => RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();

    public static ModuleFolderCopy Create()
    {
        string folder = Path.Combine(Path.GetTempPath(), "AcsTeamsAdmin.Tests", Guid.NewGuid().ToString("N"), "AcsTeamsAdmin");
        CopyDirectory(RepositoryLayout.ModuleFolder, folder);
        return new ModuleFolderCopy(folder);
    }

    /// <summary>Copies <paramref name="source"/> to bin/<paramref name="relativePath"/>.</summary>
    public string Plant(string source, string relativePath)
    {
        string destination = Path.Combine(Bin, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        File.Copy(source, destination, overwrite: false);
        return destination;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(Folder)!, recursive: true);
        }
        catch (IOException)
        {
            // Windows keeps files the host process loaded locked for a moment; the temp folder is the OS's to clean.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (string file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        foreach (string directory in Directory.GetDirectories(source))
        {
            CopyDirectory(directory, Path.Combine(destination, Path.GetFileName(directory)));
        }
    }
}
