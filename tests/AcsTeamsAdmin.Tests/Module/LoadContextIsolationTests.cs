using System.Reflection;

namespace AcsTeamsAdmin.Tests.PowerShellModule;

/// <summary>
/// The module's dependencies load in the module's own context even when another module already put
/// older copies of them into the default context, and the engine works there.
/// </summary>
public sealed class LoadContextIsolationTests(ShippedModuleIsolationRun run) : IClassFixture<ShippedModuleIsolationRun>
{
    private const string ModuleContext = "AcsTeamsAdmin";
    private const string DefaultContext = "Default";

    private static string Bin => ModulePaths.BinFolder(RepositoryLayout.ModuleFolder);

    private IsolationReport Report => run.Report;

    [Fact]
    public void The_module_gets_its_own_context_named_AcsTeamsAdmin()
    {
        Assert.Equal(ModuleContext, Report.ModuleContext);
    }

    [Theory]
    [InlineData("Azure.Core", "1.38.0.0")]
    [InlineData("Microsoft.Identity.Client", "4.60.4.0")]
    public void The_older_copies_loaded_first_stay_alone_in_the_default_context(string name, string olderVersion)
    {
        LoadedCopy[] inDefault = Report.CopiesOf(name).Where(c => c.Context == DefaultContext).ToArray();

        LoadedCopy only = Assert.Single(inDefault);
        Assert.Equal(olderVersion, only.Version);
        Assert.False(ModulePaths.IsInside(only.Location, RepositoryLayout.ModuleFolder), only.ToString());
    }

    // What the engine's sandbox connection and its Graph SDK read load. Not Azure.Identity.dll: since Azure.Identity 1.21
    // its credential types live in Azure.Core and Azure.Identity.dll only forwards to them. Not MSAL: a client-secret
    // sign-in (the sandbox's) is a plain token request, and MSAL loads only for the other sign-ins. The loader's
    // resolution of both is checked by name below.
    [Theory]
    [InlineData("AcsTeamsAdmin")]
    [InlineData("AcsTeamsAdmin.Engine")]
    [InlineData("Azure.Core")]
    [InlineData("Microsoft.Graph")]
    [InlineData("Microsoft.Graph.Core")]
    [InlineData("Microsoft.Kiota.Abstractions")]
    [InlineData("System.Text.Json")]
    public void The_engine_runs_on_the_versions_the_module_ships_from_its_own_context(string name)
    {
        EngineCallOutcome call = Assert.IsType<EngineCallOutcome>(Report.EngineCall);
        Assert.True(call.Succeeded, $"The engine call that loads {name} failed, so where {name} would load is unknown:\n{call.Error}");
        string shipped = Path.Combine(Bin, name + ".dll");
        Version? shippedVersion = AssemblyName.GetAssemblyName(shipped).Version;

        LoadedCopy[] inModule = Report.CopiesOf(name).Where(c => c.Context == ModuleContext).ToArray();

        LoadedCopy copy = Assert.Single(inModule);
        Assert.Equal(shippedVersion?.ToString(), copy.Version);
        Assert.True(ModulePaths.SameFile(copy.Location, shipped), copy.ToString());
    }

    [Theory]
    [InlineData("Azure.Identity")]
    [InlineData("Microsoft.Identity.Client")]
    public void Resolving_a_dependency_by_name_in_the_module_context_gives_the_shipped_copy(string name)
    {
        string shipped = Path.Combine(Bin, name + ".dll");

        ProbeOutcome probe = Report.Probe(ProbeOutcome.ViaModuleContext, name);

        Assert.True(probe.Loaded, probe.Error);
        Assert.Equal(ModuleContext, probe.Context);
        Assert.True(ModulePaths.SameFile(probe.Location, shipped), $"Expected {shipped}, got {probe.Location}.");
    }

    [Theory]
    [InlineData("AcsTeamsAdmin")]
    [InlineData("AcsTeamsAdmin.Engine")]
    public void The_cmdlet_and_engine_assemblies_exist_only_in_the_module_context(string name)
    {
        LoadedCopy copy = Assert.Single(Report.CopiesOf(name));
        Assert.Equal(ModuleContext, copy.Context);
    }

    [Fact]
    public void Every_assembly_from_the_module_folder_except_the_loader_is_in_the_module_context()
    {
        LoadedCopy[] fromModuleFolder = Report.Assemblies.Where(a => ModulePaths.IsInside(a.Location, RepositoryLayout.ModuleFolder)).ToArray();

        Assert.NotEmpty(fromModuleFolder);
        Assert.All(fromModuleFolder.Where(a => a.Name != "AcsTeamsAdmin.Loader"), a => Assert.Equal(ModuleContext, a.Context));
    }

    [Fact]
    public void Every_assembly_in_the_module_context_comes_from_the_module_folder()
    {
        LoadedCopy[] inModule = Report.Assemblies.Where(a => a.Context == ModuleContext).ToArray();

        Assert.NotEmpty(inModule);
        Assert.All(inModule, a => Assert.True(ModulePaths.IsInside(a.Location, RepositoryLayout.ModuleFolder), a.ToString()));
    }

    [Fact]
    public void The_loader_is_loaded_once_in_the_default_context_even_when_the_module_context_asks_for_it()
    {
        LoadedCopy loader = Assert.Single(Report.CopiesOf("AcsTeamsAdmin.Loader"));
        Assert.Equal(DefaultContext, loader.Context);

        ProbeOutcome viaModule = Report.Probe(ProbeOutcome.ViaModuleContext, "AcsTeamsAdmin.Loader");
        Assert.True(viaModule.Loaded, viaModule.Error);
        Assert.Equal(DefaultContext, viaModule.Context);
    }

    [Fact]
    public void Initialize_returns_the_same_cmdlet_assembly_to_concurrent_and_repeated_callers()
    {
        Assert.True(Report.EveryInitializeReturnedTheSameAssembly);
    }

    [Fact]
    public void System_Management_Automation_is_left_to_the_host()
    {
        ProbeOutcome sma = Report.Probe(ProbeOutcome.ViaModuleContext, "System.Management.Automation");

        // The isolation host has no PowerShell, so the default context cannot supply it either.
        Assert.False(sma.Loaded, sma.Location);
    }

    [Fact]
    public void The_platform_build_of_ProtectedData_is_used_on_Windows_and_the_portable_one_elsewhere()
    {
        ProbeOutcome probe = Report.Probe(ProbeOutcome.ViaModuleContext, "System.Security.Cryptography.ProtectedData");
        string expected = OperatingSystem.IsWindows()
            ? Path.Combine(Bin, "runtimes", "win", "lib", "netstandard2.0", "System.Security.Cryptography.ProtectedData.dll")
            : Path.Combine(Bin, "System.Security.Cryptography.ProtectedData.dll");

        Assert.True(probe.Loaded, probe.Error);
        Assert.Equal(ModuleContext, probe.Context);
        Assert.True(ModulePaths.SameFile(probe.Location, expected), $"Expected {expected}, got {probe.Location}.");
    }

    [Theory]
    [InlineData("AcsTeamsAdmin")]
    [InlineData("AcsTeamsAdmin.Engine")]
    public void The_default_context_finds_the_modules_own_assemblies_in_the_module_context(string name)
    {
        // What a PowerShell class or Add-Type code using the module's types needs.
        ProbeOutcome probe = Report.Probe(ProbeOutcome.ViaDefaultContext, name);

        Assert.True(probe.Loaded, probe.Error);
        Assert.Equal(ModuleContext, probe.Context);
    }

    [Fact]
    public void The_default_context_is_not_handed_the_modules_dependencies()
    {
        ProbeOutcome identity = Report.Probe(ProbeOutcome.ViaDefaultContext, "Azure.Identity");
        ProbeOutcome core = Report.Probe(ProbeOutcome.ViaDefaultContext, "Azure.Core");

        Assert.False(identity.Loaded, $"Azure.Identity leaked to the default context from {identity.Location}.");
        Assert.True(core.Loaded, core.Error);
        Assert.Equal(DefaultContext, core.Context);
        Assert.False(ModulePaths.IsInside(core.Location, RepositoryLayout.ModuleFolder), core.Location);
    }

    [Fact]
    public void The_engine_connects_to_the_sandbox_from_inside_the_module_context()
    {
        EngineCallOutcome call = Assert.IsType<EngineCallOutcome>(Report.EngineCall);

        Assert.True(call.Succeeded, $"{call.Call} failed:\n{call.Error}");
        Assert.False(string.IsNullOrWhiteSpace(call.TenantId));
    }
}
