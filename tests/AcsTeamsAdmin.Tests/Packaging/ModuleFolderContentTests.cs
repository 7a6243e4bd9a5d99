using System.IO.Compression;
using System.Text.RegularExpressions;
using AcsTeamsAdmin.Tests.PowerShellModule;
using Xunit.Abstractions;

namespace AcsTeamsAdmin.Tests.Packaging;

/// <summary>
/// No file is shipped that the module does not load: every file of out/AcsTeamsAdmin has a reader
/// (PowerShell, Get-Help, or the loader by its own rules), and the zipped folder stays far under
/// Azure Automation's 100 MB module limit.
/// </summary>
public sealed partial class ModuleFolderContentTests(ITestOutputHelper output)
{
    // Runtime identifiers the loader's chain (src/AcsTeamsAdmin.Loader/RuntimeIdentifiers.cs) can produce
    // in a PowerShell 7.4+ process on a platform PowerShell supports.
    private static readonly Regex LoadableRid = LoadableRidPattern();

    private static string Bin => ModulePaths.BinFolder(RepositoryLayout.ModuleFolder);

    [Fact]
    public void Every_shipped_file_is_one_PowerShell_or_the_loader_reads()
    {
        IReadOnlyList<string> files = ShippedFiles.List(RepositoryLayout.ModuleFolder);
        Assert.Contains("bin/AcsTeamsAdmin.dll", files);

        string[] unexplained = files.Where(file => !IsLoaded(file)).ToArray();

        Assert.True(unexplained.Length == 0, "Shipped but never loaded: " + string.Join(", ", unexplained));
    }

    [Fact]
    public void Nothing_for_debugging_or_building_is_shipped()
    {
        IReadOnlyList<string> files = ShippedFiles.List(RepositoryLayout.ModuleFolder);

        Assert.DoesNotContain(files, file => file.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(files, file => file.EndsWith(".deps.json", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(files, file => file.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && !file.EndsWith("-Help.xml", StringComparison.Ordinal));
        Assert.DoesNotContain(files, file => file.StartsWith("bin/runtimes/browser/", StringComparison.Ordinal));
        Assert.DoesNotContain(files, file => file.Contains("HelpBuilder", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_assembly_in_bin_is_reached_by_reference_from_the_loader_or_the_cmdlets()
    {
        // The loader loads AcsTeamsAdmin.dll; the load context then resolves, by name, whatever that
        // references, and so on; the engine also loads the sandbox by name, for -Sandbox only. An assembly
        // outside this closure would never be asked for.
        IReadOnlySet<string> closure = ShippedFiles.ReferenceClosure(Bin, "AcsTeamsAdmin.Loader", "AcsTeamsAdmin", AcsTeamsAdmin.Engine.Connections.InProcessSandbox.AssemblyName);
        string[] shipped = Directory.GetFiles(Bin, "*.dll").Select(Path.GetFileNameWithoutExtension).ToArray()!;

        // Azure.Identity 1.21 is a facade that forwards its types to Azure.Core: code compiled against it
        // (ours too) records Azure.Core. It stays shipped so anything that names Azure.Identity, such as a
        // user's Add-Type or an older dependency, resolves in the module's context instead of failing.
        string[] unreached = shipped.Where(name => !closure.Contains(name) && !(name == "Azure.Identity" && ShippedFiles.IsForwardingFacade(Path.Combine(Bin, name + ".dll")))).ToArray();

        Assert.Contains("Microsoft.Graph", closure);
        Assert.True(unreached.Length == 0, "In bin/ but referenced by nothing the module loads: " + string.Join(", ", unreached));
    }

    [Fact]
    public void Every_runtime_specific_assembly_has_a_portable_twin_the_loader_falls_back_to()
    {
        string[] runtimeAssemblies = ShippedFiles.List(RepositoryLayout.ModuleFolder)
            .Where(file => file.StartsWith("bin/runtimes/", StringComparison.Ordinal) && file.EndsWith(".dll", StringComparison.Ordinal) && file.Contains("/lib/", StringComparison.Ordinal))
            .ToArray();

        Assert.All(runtimeAssemblies, file => Assert.True(File.Exists(Path.Combine(Bin, Path.GetFileName(file))), $"{file} has no bin/{Path.GetFileName(file)} for other platforms."));
    }

    [Fact]
    public void The_zipped_module_stays_far_under_Azure_Automations_100_MB_limit()
    {
        string zip = Path.Combine(Path.GetTempPath(), $"AcsTeamsAdmin-{Guid.NewGuid():N}.zip");
        try
        {
            // Azure Automation imports a .zip whose root is the module folder.
            ZipFile.CreateFromDirectory(RepositoryLayout.ModuleFolder, zip, CompressionLevel.Optimal, includeBaseDirectory: true);
            long folderBytes = Directory.GetFiles(RepositoryLayout.ModuleFolder, "*", SearchOption.AllDirectories).Sum(file => new FileInfo(file).Length);
            long zipBytes = new FileInfo(zip).Length;
            output.WriteLine($"module folder: {Megabytes(folderBytes)} in {ShippedFiles.List(RepositoryLayout.ModuleFolder).Count} files; zipped: {Megabytes(zipBytes)}");

            Assert.True(zipBytes < 25L * 1024 * 1024, $"The zipped module is {Megabytes(zipBytes)}; Azure Automation's limit is 100 MB and a quarter of it is our budget.");
        }
        finally
        {
            File.Delete(zip);
        }
    }

    private static bool IsLoaded(string file)
    {
        string[] parts = file.Split('/');
        return parts switch
        {
            // The manifest, its root module and its format file (FormatsToProcess).
            ["AcsTeamsAdmin.psd1" or "AcsTeamsAdmin.psm1" or "AcsTeamsAdmin.Format.ps1xml"] => true,
            // About topics: Get-Help about_* reads <ModuleBase>/<culture>/about_*.help.txt.
            ["en-US", var name] => name.StartsWith("about_", StringComparison.Ordinal) && name.EndsWith(".help.txt", StringComparison.Ordinal),
            // Cmdlet help: Get-Help reads <cmdlet assembly's folder>/<culture>/<assembly>.dll-Help.xml.
            ["bin", "en-US", "AcsTeamsAdmin.dll-Help.xml"] => true,
            // Portable assemblies the load context resolves by name (closure checked separately).
            ["bin", var name] => name.EndsWith(".dll", StringComparison.Ordinal),
            // Runtime-specific assets in a folder the loader's RID chain can pick.
            ["bin", "runtimes", var rid, "lib", _, var name] => LoadableRid.IsMatch(rid) && name.EndsWith(".dll", StringComparison.Ordinal),
            ["bin", "runtimes", var rid, "native", _] => LoadableRid.IsMatch(rid),
            _ => false,
        };
    }

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:F1} MB";

    [GeneratedRegex("^(win|linux|linux-musl|osx|unix|freebsd)(-(x64|x86|arm64|arm))?$")]
    private static partial Regex LoadableRidPattern();
}
