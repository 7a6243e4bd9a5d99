using AcsTeamsAdmin.Cli;
using AcsTeamsAdmin.Cli.Commands;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Cli;

public class CliUsageTests
{
    [Fact]
    public async Task Help_lists_every_command()
    {
        var run = await CliRun.Invoke("help");

        Assert.Equal(CliApplication.Success, run.ExitCode);
        Assert.All(CommandCatalog.All, command => Assert.Contains(command.Name, run.Stdout, StringComparison.Ordinal));
        Assert.Contains("sandbox", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_help_shows_its_options_and_the_sign_in_options()
    {
        var run = await CliRun.Invoke("help", "new-acsteamsserviceprincipal");

        Assert.Contains("--app-id", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--client-secret", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--what-if", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_is_a_usage_error_with_one_line_on_stderr()
    {
        var run = await CliRun.Invoke("New-Nothing", "--sandbox");

        Assert.Equal(CliApplication.UsageError, run.ExitCode);
        Assert.Contains("UnknownCommand", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task An_unknown_option_is_a_usage_error()
    {
        var run = await CliRun.Invoke("Get-AcsTeamsServicePrincipal", "--sandbox", "--app-idd", "x");

        Assert.Equal(CliApplication.UsageError, run.ExitCode);
        Assert.Contains("--app-idd", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_sign_in_methods_conflict_before_anything_runs()
    {
        var run = await CliRun.Invoke("Get-AcsTeamsAdminContext", "--sandbox", "--identity");

        Assert.Equal(CliApplication.Failed, run.ExitCode);
        Assert.Contains("ConflictingParameters", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_app_id_fails_with_the_option_name_and_the_fix()
    {
        var run = await CliRun.Invoke("New-AcsTeamsServicePrincipal", "--sandbox", "--app-id", "1fd5118e-xxxx");

        Assert.Equal(CliApplication.Failed, run.ExitCode);
        Assert.Contains("InvalidGuid", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--app-id", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Overview page", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_client_secret_may_come_from_the_environment_and_is_never_printed()
    {
        const string Secret = "canary-secret-7f3a";
        var run = await CliRun.Invoke(
            new Dictionary<string, string> { [ConnectionOptions.ClientSecretVariable] = Secret },
            "Get-AcsTeamsAdminContext", "--tenant-id", "fabrikam.onmicrosoft.com", "--client-id", "not-a-guid");

        Assert.Equal(CliApplication.Failed, run.ExitCode);
        Assert.Contains("--client-id", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, run.Stderr + run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_output_format_is_a_usage_error()
    {
        var run = await CliRun.Invoke("Get-AcsTeamsAdminContext", "--sandbox", "--output", "yaml");
        Assert.Equal(CliApplication.UsageError, run.ExitCode);
    }
}
