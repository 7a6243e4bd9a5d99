using AcsTeamsAdmin.Cli.Commands;
using AcsTeamsAdmin.Tests.PowerShellModule;

namespace AcsTeamsAdmin.Tests.Cli;

/// <summary>
/// acsteams mirrors the cmdlets one to one: the same command names, the same parameter names (in
/// kebab case), switches as switches. Read from the compiled cmdlets' metadata, so adding a cmdlet
/// or a parameter without its command-line twin fails here.
/// </summary>
public sealed class CliCmdletParityTests : IDisposable
{
    // Parameters that cannot exist on a command line: an X509Certificate2 object, and the
    // MicrosoftTeams objects Test-AcsAnonymousJoinPolicy takes (on a command line they come in its --path file),
    // New-AcsIdentity's piped objects (each one identity; on a command line --count says how many), and the meeting
    // object (New-AcsTeamsMeeting's output) Test-AcsAnonymousJoinPolicy judges.
    private static readonly Dictionary<string, HashSet<string>> ObjectOnlyParameters = new()
    {
        ["Connect-AcsTeamsAdmin"] = ["Certificate"],
        ["Test-AcsAnonymousJoinPolicy"] = ["MeetingConfiguration", "AcsFederationConfiguration", "ExternalAccessPolicy", "Meeting"],
        ["New-AcsIdentity"] = ["InputObject"],
    };

    private static bool IsObjectOnly(string cmdlet, string parameter) =>
        ObjectOnlyParameters.TryGetValue(cmdlet, out var names) && names.Contains(parameter);

    private readonly CompiledCmdlets _cmdlets = CompiledCmdlets.Load(ModulePaths.BinFolder(RepositoryLayout.ModuleFolder));

    public void Dispose() => _cmdlets.Dispose();

    [Fact]
    public void Every_cmdlet_has_a_command_and_every_command_a_cmdlet()
    {
        Assert.NotEmpty(_cmdlets.Cmdlets);
        Assert.Equal(
            _cmdlets.Cmdlets.Select(cmdlet => cmdlet.Name).Order(StringComparer.OrdinalIgnoreCase),
            CommandCatalog.All.Select(command => command.Name).Order(StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Each_command_takes_its_cmdlets_parameters_and_no_others()
    {
        foreach (var cmdlet in _cmdlets.Cmdlets)
        {
            var command = CommandCatalog.Find(cmdlet.Name)!;
            var cliParameters = cmdlet.Name == "Connect-AcsTeamsAdmin" ? ConnectionOptions.Parameters : command.Parameters;
            var expected = cmdlet.Parameters.Select(parameter => parameter.Name).Where(name => !IsObjectOnly(cmdlet.Name, name)).Order();

            Assert.True(
                expected.SequenceEqual(cliParameters.Select(parameter => parameter.Name).Order()),
                $"{cmdlet.Name}: cmdlet [{string.Join(", ", expected)}] vs command [{string.Join(", ", cliParameters.Select(p => p.Name).Order())}]");
        }
    }

    [Fact]
    public void Switches_are_switches_on_both_sides()
    {
        foreach (var cmdlet in _cmdlets.Cmdlets)
        {
            var cliParameters = cmdlet.Name == "Connect-AcsTeamsAdmin" ? ConnectionOptions.Parameters : CommandCatalog.Find(cmdlet.Name)!.Parameters;
            foreach (var parameter in cmdlet.Parameters.Where(parameter => !IsObjectOnly(cmdlet.Name, parameter.Name)))
            {
                var isSwitch = parameter.PropertyType.FullName == "System.Management.Automation.SwitchParameter";
                var cli = cliParameters.Single(candidate => candidate.Name == parameter.Name);
                Assert.True(isSwitch == (cli.Kind == CliValueKind.Switch), $"{cmdlet.Name} -{parameter.Name}");
            }
        }
    }

    [Fact]
    public void A_command_that_signs_in_has_no_parameter_named_like_a_sign_in_option()
    {
        var signIn = ConnectionOptions.Parameters.Select(parameter => parameter.Name).ToHashSet();
        var collisions = CommandCatalog.All.Where(command => command.Connects)
            .SelectMany(command => command.Parameters.Where(parameter => signIn.Contains(parameter.Name)).Select(parameter => $"{command.Name} --{parameter.Key}"))
            .ToArray();
        Assert.Empty(collisions);
    }
}
