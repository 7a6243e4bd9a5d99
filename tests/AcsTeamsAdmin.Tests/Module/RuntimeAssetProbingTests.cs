using System.Runtime.InteropServices;

namespace AcsTeamsAdmin.Tests.PowerShellModule;

/// <summary>
/// How the loader picks files that the shipped folder does not (yet) exercise on this machine:
/// runtime-specific assemblies, native libraries, and a System.Management.Automation.dll that
/// should never have been shipped. Each test runs the isolation host over a modified copy.
/// </summary>
public sealed class RuntimeAssetProbingTests
{
    private const string ProtectedData = "System.Security.Cryptography.ProtectedData";

    [Fact]
    public async Task The_most_specific_runtime_folder_for_this_platform_wins_over_its_fallbacks_and_the_portable_assembly()
    {
        using var module = ModuleFolderCopy.Create();
        string portable = Path.Combine(module.Bin, ProtectedData + ".dll");
        string osSpecific = Path.Combine("runtimes", ModuleFolderCopy.CurrentOs, "lib", "netstandard2.0", ProtectedData + ".dll");
        if (!File.Exists(Path.Combine(module.Bin, osSpecific)))
        {
            module.Plant(portable, osSpecific);
        }

        string mostSpecific = module.Plant(portable, Path.Combine("runtimes", $"{ModuleFolderCopy.CurrentOs}-{ModuleFolderCopy.Architecture}", "lib", "netstandard2.0", ProtectedData + ".dll"));

        IsolationReport report = await IsolationHostRunner.RunAsync(module.Folder, "--no-engine-call", "--assembly", ProtectedData);

        ProbeOutcome probe = report.Probe(ProbeOutcome.ViaModuleContext, ProtectedData);
        Assert.True(probe.Loaded, probe.Error);
        Assert.True(ModulePaths.SameFile(probe.Location, mostSpecific), $"Expected {mostSpecific}, got {probe.Location}.");
    }

    [Fact]
    public async Task Native_libraries_load_from_this_platforms_runtime_folder_and_never_from_another_platforms()
    {
        using var module = ModuleFolderCopy.Create();
        string nativeLibrary = AnyNativeLibraryOfTheRuntime();
        module.Plant(nativeLibrary, Path.Combine("runtimes", $"{ModuleFolderCopy.CurrentOs}-{ModuleFolderCopy.Architecture}", "native", PlatformFileName("acsteams_probe")));
        module.Plant(nativeLibrary, Path.Combine("runtimes", $"{ModuleFolderCopy.ForeignOs}-{ModuleFolderCopy.Architecture}", "native", PlatformFileName("acsteams_foreign")));

        IsolationReport report = await IsolationHostRunner.RunAsync(module.Folder, "--no-engine-call", "--native", "acsteams_probe", "--native", "acsteams_foreign");

        ProbeOutcome ours = report.Probe(ProbeOutcome.Native, "acsteams_probe");
        ProbeOutcome foreign = report.Probe(ProbeOutcome.Native, "acsteams_foreign");
        Assert.True(ours.Loaded, ours.Error);
        Assert.False(foreign.Loaded, "A native library for another operating system was loaded.");
    }

    [Fact]
    public async Task A_System_Management_Automation_in_bin_is_never_loaded_into_the_module_context()
    {
        using var module = ModuleFolderCopy.Create();
        string stray = module.Plant(RepositoryLayout.SystemManagementAutomationReference, "System.Management.Automation.dll");

        IsolationReport report = await IsolationHostRunner.RunAsync(module.Folder, "--no-engine-call", "--assembly", "System.Management.Automation");

        ProbeOutcome probe = report.Probe(ProbeOutcome.ViaModuleContext, "System.Management.Automation");
        Assert.False(ModulePaths.SameFile(probe.Location, stray), $"The loader loaded {stray}.");
        Assert.DoesNotContain(report.Assemblies, a => a.Name == "System.Management.Automation" && a.Context == "AcsTeamsAdmin");
    }

    private static string PlatformFileName(string name) =>
        OperatingSystem.IsWindows() ? name + ".dll" : OperatingSystem.IsMacOS() ? $"lib{name}.dylib" : $"lib{name}.so";

    // Any real native library will do: the test only needs a file the OS loader accepts, under a name nothing else has.
    private static string AnyNativeLibraryOfTheRuntime()
    {
        string runtime = RuntimeEnvironment.GetRuntimeDirectory();
        string name = OperatingSystem.IsWindows() ? "clrjit.dll" : OperatingSystem.IsMacOS() ? "libSystem.Native.dylib" : "libSystem.Native.so";
        string path = Path.Combine(runtime, name);
        Assert.True(File.Exists(path), $"Expected the .NET runtime to have {path}.");
        return path;
    }
}
