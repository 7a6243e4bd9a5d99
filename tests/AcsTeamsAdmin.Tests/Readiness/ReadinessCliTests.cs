using System.Security.Cryptography;
using System.Text.Json;
using AcsTeamsAdmin.Cli;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Readiness;

/// <summary>acsteams Initialize-AcsTeams and Test-AcsTeamsReadiness: exit codes for CI, the README's main command, no secret in output.</summary>
public class ReadinessCliTests
{
    [Fact]
    public async Task The_README_main_command_exits_0_on_a_fresh_sandbox_and_a_second_run_changes_nothing()
    {
        var arguments = ReadmeMainCommand();
        Assert.Equal("Initialize-AcsTeams", arguments[0]);
        var state = Path.Combine(Path.GetTempPath(), $"acsteams-{Guid.NewGuid():N}.json");
        try
        {
            var first = await CliRun.Invoke([.. arguments, "--sandbox-state-path", state, "--save-sandbox-state", "--output", "json"]);
            var second = await CliRun.Invoke([.. arguments, "--sandbox-state-path", state, "--save-sandbox-state", "--output", "json"]);

            Assert.Equal(CliApplication.Success, first.ExitCode);
            Assert.Equal(CliApplication.Success, second.ExitCode);
            Assert.Equal(["AcsServicePrincipal", "AppAcsPermissions", "AdminConsent"], Checks(first, "Changed"));
            Assert.Empty(Checks(second, "Changed"));
            Assert.Empty(Checks(second, "WouldChange"));
            Assert.DoesNotContain("\"Fail\"", second.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(state);
        }
    }

    [Fact]
    public async Task A_failing_check_makes_Test_AcsTeamsReadiness_exit_1_without_an_error_line()
    {
        var run = await CliRun.Invoke("Test-AcsTeamsReadiness", "--sandbox", "--output", "json");

        Assert.Equal(CliApplication.Failed, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var acs = json.RootElement.EnumerateArray().Single(check => check.GetProperty("Name").GetString() == "AcsServicePrincipal");
        Assert.Equal("Fail", acs.GetProperty("Status").GetString());
        Assert.Equal("New-AcsTeamsServicePrincipal", acs.GetProperty("Remedy").GetString());
        Assert.DoesNotContain("error", run.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task What_if_lists_the_plan_and_writes_nothing()
    {
        var state = Path.Combine(Path.GetTempPath(), $"acsteams-{Guid.NewGuid():N}.json");
        try
        {
            var plan = await CliRun.Invoke([.. ReadmeMainCommand(), "--sandbox-state-path", state, "--save-sandbox-state", "--what-if", "--output", "json"]);
            var real = await CliRun.Invoke([.. ReadmeMainCommand(), "--sandbox-state-path", state, "--save-sandbox-state", "--output", "json"]);

            Assert.Equal(["AcsServicePrincipal", "AppAcsPermissions", "AdminConsent"], Checks(plan, "WouldChange"));
            Assert.Equal(3, plan.Stderr.Split("What if:").Length - 1);
            Assert.Contains("Grant", plan.Stderr, StringComparison.Ordinal);
            Assert.Equal(["AcsServicePrincipal", "AppAcsPermissions", "AdminConsent"], Checks(real, "Changed"));
        }
        finally
        {
            File.Delete(state);
        }
    }

    [Theory]
    [InlineData("--app-id", "not-a-guid", "--app-id")]
    [InlineData("--acs-endpoint", "ftp://contoso", "--acs-endpoint")]
    [InlineData("--teams-user-id", "adele", "--teams-user-id")]
    [InlineData("--teams-user-token", "not-a-jwt", "--teams-user-token")]
    public async Task Bad_input_fails_with_exit_1_naming_the_option(string option, string value, string named)
    {
        var run = await CliRun.Invoke("Test-AcsTeamsReadiness", "--sandbox", option, value);

        Assert.Equal(CliApplication.Failed, run.ExitCode);
        Assert.Contains(named, run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task A_rejected_ACS_access_key_fails_the_endpoint_check_without_showing_the_key()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        var run = await CliRun.Invoke("Test-AcsTeamsReadiness", "--sandbox", "--verbose", "--debug", "--output", "json",
            "--acs-connection-string", $"endpoint=https://sandbox.acsteams.invalid/;accesskey={key}");

        Assert.Equal(CliApplication.Failed, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var probe = json.RootElement.EnumerateArray().Single(check => check.GetProperty("Name").GetString() == "AcsEndpoint");
        Assert.Equal("Fail", probe.GetProperty("Status").GetString());
        Assert.DoesNotContain(key, run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(key[..12], run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>The names of the checks whose Change is <paramref name="change"/>, in report order.</summary>
    private static string[] Checks(CliRun run, string change)
    {
        using var json = JsonDocument.Parse(run.Stdout);
        return json.RootElement.EnumerateArray().Where(check => check.GetProperty("Change").GetString() == change).Select(check => check.GetProperty("Name").GetString()!).ToArray();
    }

    /// <summary>The README's acsteams form of the main job, `dotnet run --project src/AcsTeamsAdmin.Cli -- ...`: its arguments after "--".</summary>
    private static string[] ReadmeMainCommand()
    {
        const string Prefix = "dotnet run --project src/AcsTeamsAdmin.Cli -- ";
        var readme = File.ReadAllText(Path.Combine(RepositoryLayout.Root, "README.md"));
        var start = readme.IndexOf(Prefix, StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md no longer shows the acsteams form of the main job.");
        var end = readme.IndexOfAny(['`', '#', '\n'], start);
        return readme[(start + Prefix.Length)..end].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
