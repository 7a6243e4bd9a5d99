using AcsTeamsAdmin.Cli;
using AcsTeamsAdmin.Cli.Commands;
using AcsTeamsAdmin.Cli.Parsing;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.HelpBuilder.Markdown;
using AcsTeamsAdmin.Tests.PowerShellModule;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Cli;

/// <summary>
/// acsteams' commands come from the table generated from the compiled cmdlets (see CommandTableWriter); the
/// handlers only say how to run them. These tests hold the joins and the binding rules, not copies of the table.
/// </summary>
public sealed class CommandTableTests : IDisposable
{
    private readonly CompiledCmdlets _cmdlets = CompiledCmdlets.Load(
        ModulePaths.BinFolder(RepositoryLayout.ModuleFolder), RepositoryLayout.SystemManagementAutomationReference);

    public void Dispose() => _cmdlets.Dispose();

    [Fact]
    public void Every_cmdlet_has_a_handler_and_every_handler_a_cmdlet()
    {
        Assert.Equal(_cmdlets.Cmdlets.Count, CommandTable.All.Count);
        Assert.Equal(
            CommandTable.All.Select(command => command.Name).Order(StringComparer.Ordinal),
            CommandCatalog.Handlers.Select(handler => handler.Name).Order(StringComparer.Ordinal));
        Assert.Equal(CommandTable.All.Count, CommandCatalog.All.Count);
    }

    [Fact]
    public void The_compiled_table_is_the_one_the_module_build_would_write_now()
    {
        // A stale table (generated from an older module) would let acsteams drift: the build regenerates it.
        var pages = Directory.GetFiles(Path.Combine(RepositoryLayout.Root, "docs", "en-US"), "*-*.md")
            .Where(path => !Path.GetFileName(path).StartsWith("about_", StringComparison.Ordinal))
            .Select(CmdletPageReader.Read).ToArray();
        var code = AcsTeamsAdmin.HelpBuilder.Cmdlets.CommandTableWriter.Write(_cmdlets, pages);

        foreach (var command in CommandTable.All)
        {
            Assert.Contains($"new(\"{command.Name}\",", code, StringComparison.Ordinal);
            Assert.All(command.Parameters, parameter => Assert.Contains($"new(\"{parameter.Name}\", CliValueKind.{parameter.Kind},", code, StringComparison.Ordinal));
        }

        Assert.Equal(CommandTable.All.Sum(command => command.Parameters.Count), code.Split("CliValueKind.").Length - 1);
    }

    [Fact]
    public void Parameters_take_their_kind_and_rules_from_the_cmdlet()
    {
        var newIdentity = CommandTable.Get("New-AcsIdentity");
        Assert.Equal(new CliRange(1, 100000), newIdentity.Parameters.Single(p => p.Name == "Count").Range);
        Assert.DoesNotContain(newIdentity.Parameters, p => p.Name == "InputObject"); // DontShow: piped objects only

        var connect = CommandTable.Get("Connect-AcsTeamsAdmin");
        Assert.Equal(CliValueKind.Switch, connect.Parameters.Single(p => p.Name == "Sandbox").Kind);
        Assert.Equal(["Global", "USGov", "USGovDoD", "China"], connect.Parameters.Single(p => p.Name == "Environment").AcceptedValues);
        Assert.DoesNotContain(connect.Parameters, p => p.Name == "Certificate"); // an X509Certificate2 object

        var set = CommandTable.Get("Set-AcsVoipPermission");
        var appId = set.Parameters.Single(p => p.Name == "AppId");
        Assert.True(appId.Required);
        Assert.Equal(CliValueKind.List, appId.Kind); // pipeline input: several on a command line
        Assert.Contains("ApplicationId", appId.Aliases);
        Assert.True(set.SupportsShouldProcess);

        // Mandatory in one parameter set only is not required on the command line.
        Assert.False(CommandTable.Get("Test-AcsAnonymousJoinPolicy").Parameters.Single(p => p.Name == "Path").Required);
        Assert.DoesNotContain(CommandTable.Get("Test-AcsAnonymousJoinPolicy").Parameters, p => p.Name == "MeetingConfiguration");
    }

    [Fact]
    public async Task A_parameter_that_takes_an_object_is_no_option_and_refused_when_given()
    {
        // -Meeting takes New-AcsTeamsMeeting's TeamsMeeting: no text on a command line is one, so --meeting would do nothing.
        Assert.DoesNotContain(CommandTable.Get("Test-AcsAnonymousJoinPolicy").Parameters, p => p.Name == "Meeting");
        var help = await CliRun.Invoke("help", "Test-AcsAnonymousJoinPolicy");
        Assert.DoesNotContain("--meeting ", help.Stdout, StringComparison.Ordinal);
        Assert.Contains("--meeting-policy-identity", help.Stdout, StringComparison.Ordinal);

        var run = await CliRun.Invoke("Test-AcsAnonymousJoinPolicy", "--meeting", "anything");
        Assert.Equal(CliApplication.UsageError, run.ExitCode);
        Assert.Contains("--meeting: not an option of 'Test-AcsAnonymousJoinPolicy'", run.Stderr, StringComparison.Ordinal);

        // Text, numbers, choices and tokens (object: a string or a SecureString) stay options.
        Assert.Contains(CommandTable.Get("ConvertFrom-AcsToken").Parameters, p => p.Name == "Token");
        Assert.Contains(CommandTable.Get("Connect-AcsTeamsAdmin").Parameters, p => p.Name == "Environment");
    }

    [Fact]
    public void A_command_that_signs_in_has_no_parameter_named_like_a_sign_in_option()
    {
        var collisions = CommandCatalog.All.Where(command => command.Handler.SignsIn && command.Name != "Connect-AcsTeamsAdmin")
            .SelectMany(command => command.Description.Parameters.Where(p => CommandCatalog.IsSignInOption(p.Name)).Select(p => $"{command.Name} {p.Option}"))
            .ToArray();
        Assert.Empty(collisions);
    }

    [Fact]
    public void A_sign_in_options_alias_gives_way_to_the_commands_own_names_and_the_other_way_round()
    {
        var readiness = CommandCatalog.Find("Test-AcsTeamsReadiness")!;

        // -AppId answers to -ClientId in PowerShell; on the command line --client-id is the sign-in's.
        Assert.DoesNotContain("ClientId", readiness.Parameters.Single(p => p.Name == "AppId").Aliases);
        Assert.DoesNotContain("AppId", readiness.SignInOptions.Single(p => p.Name == "ClientId").Aliases);
        Assert.Contains("AppId", CommandCatalog.Find("Connect-AcsTeamsAdmin")!.SignInOptions.Single(p => p.Name == "ClientId").Aliases);
        Assert.All(CommandCatalog.All, command =>
        {
            var keys = command.Parameters.Concat(command.SignInOptions).SelectMany(p => p.Keys).ToArray();
            Assert.Equal(keys.Length, keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        });
    }

    [Fact]
    public void Every_command_binds_its_options_without_a_clash()
    {
        // Binding builds the command's name -> parameter map, which refuses one name for two parameters.
        Assert.All(CommandCatalog.All, command => Assert.NotNull(Bind(command, [])));
    }

    [Fact]
    public void An_alias_binds_to_its_parameter_and_two_names_of_one_parameter_are_refused()
    {
        var set = CommandCatalog.Find("Set-AcsVoipPermission")!;
        var arguments = Bind(set, ["--application-id", "a,b", "--app-id=c"], expectError: true);
        Assert.Null(arguments);

        var bound = Bind(set, ["--application-id", "a, b", "--application-id", "c"])!;
        Assert.Equal(["a", "b", "c"], bound.List("AppId"));
        Assert.Empty(bound.Unread);
    }

    [Fact]
    public void A_handler_that_reads_a_parameter_the_cmdlet_lacks_fails_at_once()
    {
        var bound = Bind(CommandCatalog.Find("Get-AcsTeamsServicePrincipal")!, [])!;

        var error = Assert.Throws<InvalidOperationException>(() => bound.Text("ApplicationObjectId"));
        Assert.Contains("Get-AcsTeamsServicePrincipal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_and_choices_are_checked_against_the_cmdlets_range_and_values()
    {
        var newIdentity = Bind(CommandCatalog.Find("New-AcsIdentity")!, ["--count", "0"])!;
        var range = Assert.Throws<AcsTeamsAdminException>(() => newIdentity.Number("Count"));
        Assert.Equal("Count", range.ParameterName);
        Assert.Contains("from 1 to 100000", range.Message, StringComparison.Ordinal);

        var url = Bind(CommandCatalog.Find("Get-AcsAdminConsentUrl")!, ["--environment", "usgov"])!;
        Assert.Equal("USGov", url.Choice("Environment"));
        var choice = Assert.Throws<AcsTeamsAdminException>(() => Bind(CommandCatalog.Find("Get-AcsAdminConsentUrl")!, ["--environment", "Mars"])!.Choice("Environment"));
        Assert.Contains("Global, USGov, USGovDoD, China", choice.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_option_the_handler_does_not_use_is_refused_before_anything_runs()
    {
        // --client-id means nothing to the sandbox sign-in: silently dropping it would hide a mistake.
        var run = await CliRun.Invoke("Get-AcsTeamsServicePrincipal", "--sandbox", "--client-id", "5a3c9e71-0b2d-4c8e-9f16-7d4a2b8c1e02");

        Assert.Equal(CliApplication.UsageError, run.ExitCode);
        Assert.Contains("--client-id has no effect here", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Help_shows_each_parameters_rules_from_the_cmdlet_and_its_page()
    {
        var run = await CliRun.Invoke("help", "New-AcsIdentity");

        Assert.Contains("--count VALUE", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("or set ACSTEAMS_ACS_CONNECTION_STRING", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--what-if", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("--input-object", run.Stdout, StringComparison.Ordinal);

        var readOnly = await CliRun.Invoke("help", "Test-AcsTeamsReadiness");
        Assert.DoesNotContain("--what-if", readOnly.Stdout, StringComparison.Ordinal);
        Assert.Contains("Exit code 1 when a check fails", readOnly.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_if_is_an_option_only_of_commands_whose_cmdlet_supports_it()
    {
        var run = await CliRun.Invoke("Test-AcsTeamsReadiness", "--sandbox", "--what-if");

        Assert.Equal(CliApplication.UsageError, run.ExitCode);
        Assert.Contains("--what-if: not an option of 'Test-AcsTeamsReadiness'", run.Stderr, StringComparison.Ordinal);
    }

    private static CommandArguments? Bind(CliCommand command, string[] options, bool expectError = false)
    {
        var parsed = ArgumentParser.Parse([command.Name, .. options], _ => false);
        var parameters = command.Parameters.Concat(command.SignInOptions).ToArray();
        if (!expectError)
        {
            // Required parameters are not the point here: give none, so leave the check out by binding optional copies.
            return CommandArguments.Bind(command.Name, parsed, parameters.Select(p => p with { Required = false }).ToArray(), [], _ => null);
        }

        var error = Assert.Throws<AcsTeamsAdminException>(() =>
            CommandArguments.Bind(command.Name, parsed, parameters.Select(p => p with { Required = false }).ToArray(), [], _ => null));
        Assert.Equal(CliErrorIds.Usage, error.ErrorId);
        return null;
    }
}
