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
            new Dictionary<string, string> { [SecretVariables.ClientSecret] = Secret },
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

    [Fact]
    public async Task Version_prints_the_module_version()
    {
        var run = await CliRun.Invoke("--version");
        Assert.Equal(CliApplication.Success, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+\s*$", run.Stdout);
    }

    [Fact]
    public async Task Stray_words_are_a_usage_error_not_silently_ignored()
    {
        var run = await CliRun.Invoke("Get-AcsTeamsServicePrincipal", "1fd5118e-2576-4263-8130-9503064c837a", "--sandbox");
        Assert.Equal(CliApplication.UsageError, run.ExitCode);
    }

    [Fact]
    public async Task A_value_in_the_wrong_slot_is_named_by_position_never_echoed()
    {
        var run = await CliRun.Invoke("Get-AcsTeamsServicePrincipal", "--sandbox", "MySecret-canary-7f3a");

        Assert.Equal(CliApplication.UsageError, run.ExitCode);
        Assert.Contains("argument 3 is not an option", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("MySecret-canary-7f3a", run.Stderr + run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_state_file_without_the_sandbox_is_a_usage_error()
    {
        var run = await CliRun.Invoke("Get-AcsTeamsAdminContext", "--sandbox-state-path", "x.json", "--identity");
        Assert.Equal(CliApplication.UsageError, run.ExitCode);
    }

    [Fact]
    public async Task A_secret_in_the_environment_does_not_fight_an_explicit_sign_in_choice()
    {
        var run = await CliRun.Invoke(
            new Dictionary<string, string> { [SecretVariables.ClientSecret] = "s", [SecretVariables.AccessToken] = "t" },
            "Get-AcsTeamsAdminContext", "--identity", "--tenant-id", "fabrikam.onmicrosoft.com");

        Assert.Equal(CliApplication.Failed, run.ExitCode);
        Assert.Contains("--tenant-id does not apply to a managed identity", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_required_option_is_a_usage_error_before_anything_runs()
    {
        var run = await CliRun.Invoke("Grant-AcsAdminConsent", "--sandbox");

        Assert.Equal(CliApplication.UsageError, run.ExitCode);
        Assert.Contains("--app-id", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_offline_command_takes_several_tenants_and_refuses_sign_in_options()
    {
        var links = await CliRun.Invoke("Get-AcsAdminConsentUrl", "--tenant-id", "fabrikam.com", "--tenant-id", "contoso.com", "--client-id", "c0a1b2c3-d4e5-4f60-8a71-b2c3d4e5f614", "--output", "json");
        var signIn = await CliRun.Invoke("Get-AcsAdminConsentUrl", "--tenant-id", "fabrikam.com", "--client-id", "c0a1b2c3-d4e5-4f60-8a71-b2c3d4e5f614", "--sandbox");

        Assert.Equal(CliApplication.Success, links.ExitCode);
        Assert.Equal(2, System.Text.Json.JsonDocument.Parse(links.Stdout).RootElement.GetArrayLength());
        Assert.Equal(CliApplication.UsageError, signIn.ExitCode);
        Assert.Contains("--sandbox", signIn.Stderr, StringComparison.Ordinal);
    }
}
