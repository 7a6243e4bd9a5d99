namespace AcsTeamsAdmin.Tests.PowerShellModule;

/// <summary>What the shipped folder must and must not contain for the loader pattern to work.</summary>
public sealed class ModuleFolderTests
{
    [Fact]
    public void The_module_folder_ships_no_System_Management_Automation()
    {
        // PowerShell provides it; a copy in the folder would invite a second, incompatible Cmdlet type.
        string[] all = Directory.GetFiles(RepositoryLayout.ModuleFolder, "*", SearchOption.AllDirectories);

        Assert.Contains(all, f => Path.GetFileName(f) == CompiledCmdlets.CmdletAssemblyFileName);
        Assert.DoesNotContain(all, f => Path.GetFileName(f).Equals("System.Management.Automation.dll", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("AcsTeamsAdmin.dll")]
    [InlineData("AcsTeamsAdmin.Engine.dll")]
    [InlineData("AcsTeamsAdmin.Loader.dll")]
    [InlineData("Azure.Core.dll")]
    [InlineData("Azure.Identity.dll")]
    [InlineData("Microsoft.Identity.Client.dll")]
    [InlineData("Microsoft.Graph.dll")]
    public void The_loader_finds_every_assembly_the_module_needs_in_bin(string file)
    {
        Assert.True(File.Exists(Path.Combine(ModulePaths.BinFolder(RepositoryLayout.ModuleFolder), file)));
    }
}
