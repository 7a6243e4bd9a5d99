using System.Text.Json;
using AcsTeamsAdmin.Cli;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Cli;

public class CliSandboxTests
{
    [Fact]
    public async Task The_README_main_command_creates_the_service_principal_in_the_sandbox()
    {
        var run = await CliRun.Invoke("New-AcsTeamsServicePrincipal", "--sandbox");

        Assert.Equal(CliApplication.Success, run.ExitCode);
        Assert.Contains("Created", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Azure Communication Services", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JSON_output_is_an_array_of_the_cmdlets_objects()
    {
        var run = await CliRun.Invoke("new-acsteamsserviceprincipal", "--sandbox", "--output", "json");

        Assert.Equal(CliApplication.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var principal = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("Created", principal.GetProperty("Status").GetString());
        Assert.Equal("1fd5118e-2576-4263-8130-9503064c837a", principal.GetProperty("AppId").GetString());
    }

    [Fact]
    public async Task A_hidden_secret_names_as_plain_text_only_for_a_command_that_has_it()
    {
        // Get-AcsResource has no --as-plain-text: its connection string is never printed, and the JSON must not say otherwise.
        var run = await CliRun.Invoke("Get-AcsResource", "--sandbox", "--include-connection-string", "--output", "json");

        Assert.True(run.ExitCode == CliApplication.Success, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var hint = Assert.Single(json.RootElement.EnumerateArray()).GetProperty("ConnectionString").GetString();
        Assert.Equal("(hidden: acsteams never prints it; in PowerShell, Get-AcsResource passes it on as a SecureString)", hint);
        Assert.DoesNotContain("--as-plain-text", run.Stdout, StringComparison.Ordinal);

        // A command that issues tokens has the option, and the hint says so.
        Assert.Equal("(hidden: add --as-plain-text to print it)",
            AcsTeamsAdmin.Cli.Output.HiddenSecureStringConverter.PlaceholderFor(AcsTeamsAdmin.Cli.Commands.CommandCatalog.Find("New-AcsAccessToken")!));
    }

    [Fact]
    public async Task A_state_file_carries_the_sandbox_across_runs_so_the_second_run_finds_it()
    {
        var state = Path.Combine(Path.GetTempPath(), $"acsteams-{Guid.NewGuid():N}.json");
        try
        {
            var first = await CliRun.Invoke("New-AcsTeamsServicePrincipal", "--sandbox", "--sandbox-state-path", state, "--save-sandbox-state", "--output", "json");
            Assert.Equal(CliApplication.Success, first.ExitCode);
            Assert.True(File.Exists(state));

            var second = await CliRun.Invoke("New-AcsTeamsServicePrincipal", "--sandbox", "--sandbox-state-path", state, "--save-sandbox-state", "--output", "json");

            using var json = JsonDocument.Parse(second.Stdout);
            Assert.Equal("Existing", json.RootElement[0].GetProperty("Status").GetString());
        }
        finally
        {
            File.Delete(state);
        }
    }

    [Fact]
    public async Task A_state_file_is_only_read_unless_the_run_asks_to_save_it()
    {
        var state = Path.Combine(Path.GetTempPath(), $"acsteams-{Guid.NewGuid():N}.json");
        try
        {
            var missing = await CliRun.Invoke("New-AcsTeamsServicePrincipal", "--sandbox", "--sandbox-state-path", state);
            Assert.Equal(CliApplication.Failed, missing.ExitCode);
            Assert.Contains("SandboxStateUnreadable", missing.Stderr, StringComparison.Ordinal);
            Assert.Contains("--save-sandbox-state", missing.Stderr, StringComparison.Ordinal);
            Assert.False(File.Exists(state));

            Assert.Equal(CliApplication.Success, (await CliRun.Invoke("Get-AcsTeamsAdminContext", "--sandbox", "--sandbox-state-path", state, "--save-sandbox-state")).ExitCode);
            var fixture = await File.ReadAllBytesAsync(state);

            var created = await CliRun.Invoke("New-AcsTeamsServicePrincipal", "--sandbox", "--sandbox-state-path", state, "--output", "json");
            Assert.Equal(CliApplication.Success, created.ExitCode);
            Assert.Equal(fixture, await File.ReadAllBytesAsync(state));

            var again = await CliRun.Invoke("New-AcsTeamsServicePrincipal", "--sandbox", "--sandbox-state-path", state, "--output", "json");
            using var json = JsonDocument.Parse(again.Stdout);
            Assert.Equal("Created", json.RootElement[0].GetProperty("Status").GetString());
        }
        finally
        {
            File.Delete(state);
        }
    }

    [Fact]
    public async Task WhatIf_says_on_stderr_what_would_happen_and_stdout_stays_valid_JSON()
    {
        var run = await CliRun.Invoke("New-AcsTeamsServicePrincipal", "--sandbox", "--what-if", "--output", "json");

        Assert.Equal(CliApplication.Success, run.ExitCode);
        Assert.StartsWith("What if: Performing the operation \"Create\" on target \"service principal for appId 1fd5118e", run.Stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(0, json.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Several_app_ids_behave_like_piped_input_one_failure_does_not_stop_the_rest()
    {
        using var sandbox = new AcsTeamsAdmin.Sandbox.SandboxService();
        var isvApp = sandbox.Describe(AcsTeamsAdmin.Sandbox.SandboxService.InProcessBaseAddress).IsvAppId!;

        var run = await CliRun.Invoke("New-AcsTeamsServicePrincipal", "--sandbox", "--app-id", $"00000000-0000-0000-0000-00000000dead,{isvApp}", "--output", "json");

        Assert.Equal(CliApplication.Failed, run.ExitCode);
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => line.StartsWith("acsteams: error", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(isvApp, Assert.Single(json.RootElement.EnumerateArray()).GetProperty("AppId").GetString());
    }

    [Fact]
    public async Task The_context_shows_the_sandbox_tenant_and_no_secret()
    {
        var run = await CliRun.Invoke("Get-AcsTeamsAdminContext", "--sandbox", "--verbose", "--debug", "--output", "json");

        Assert.Equal(CliApplication.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("Sandbox", json.RootElement[0].GetProperty("SignInMode").GetString());
        Assert.Contains("VERBOSE:", run.Stderr, StringComparison.Ordinal);
        using var sandbox = new AcsTeamsAdmin.Sandbox.SandboxService();
        var secret = sandbox.Describe(AcsTeamsAdmin.Sandbox.SandboxService.InProcessBaseAddress).AdminClientSecret;
        Assert.DoesNotContain(secret, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }
}
