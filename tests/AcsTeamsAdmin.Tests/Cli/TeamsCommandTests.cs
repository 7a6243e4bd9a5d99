using System.Text.Json;
using AcsTeamsAdmin.Cli;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Cli;

/// <summary>acsteams Test-AcsAnonymousJoinPolicy: the verdict on stdout, exit 1 when ACS users cannot join, no sign-in.</summary>
public class TeamsCommandTests
{
    private static readonly string Example = Path.Combine(RepositoryLayout.Root, "docs", "examples", "teams-settings.json");

    [Fact]
    public async Task Exits_1_when_ACS_users_cannot_join_and_says_why_on_stdout()
    {
        var run = await CliRun.Invoke("Test-AcsAnonymousJoinPolicy", "--disable-anonymous-join", "true", "--output", "json");

        Assert.Equal(CliApplication.Failed, run.ExitCode);
        var verdict = Assert.Single(JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray());
        Assert.False(verdict.GetProperty("CanJoin").GetBoolean());
        Assert.Equal("Set-CsTeamsMeetingConfiguration -Identity Global -DisableAnonymousJoin $false", verdict.GetProperty("Remedies")[0].GetString());
        Assert.DoesNotContain("error", run.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Exits_0_when_ACS_users_can_join_and_warns_about_assumed_defaults()
    {
        var run = await CliRun.Invoke("Test-AcsAnonymousJoinPolicy", "--auto-admitted-users", "Everyone");

        Assert.Equal(CliApplication.Success, run.ExitCode);
        Assert.Contains("ACS users can join", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("WARNING: Not given, so assumed", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_example_file_fails_for_its_policy_that_blocks_ACS_and_a_parameter_overrides_the_file()
    {
        var asIs = await CliRun.Invoke("Test-AcsAnonymousJoinPolicy", "--path", Example, "--output", "json");
        var fixedUp = await CliRun.Invoke("Test-AcsAnonymousJoinPolicy", "--path", Example, "--blocked-anonymous-join-client-types", "", "--output", "json");

        Assert.Equal(CliApplication.Failed, asIs.ExitCode);
        var verdicts = JsonDocument.Parse(asIs.Stdout).RootElement.EnumerateArray().ToArray();
        Assert.Equal([true, false], verdicts.Select(v => v.GetProperty("CanJoin").GetBoolean()));
        Assert.Equal("Set-CsTeamsMeetingPolicy -Identity Contoso-ExternalHosts -BlockedAnonymousJoinClientTypes @()", verdicts[1].GetProperty("Remedies")[0].GetString());
        Assert.Equal(CliApplication.Success, fixedUp.ExitCode);
    }

    [Fact]
    public async Task Detailed_writes_the_findings_with_their_remedies()
    {
        var run = await CliRun.Invoke("Test-AcsAnonymousJoinPolicy", "--path", Example, "--detailed", "--output", "json");

        var findings = JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray().ToArray();
        var blocking = Assert.Single(findings, f => f.GetProperty("Effect").GetString() == "Blocks");
        Assert.Equal("BlockedAnonymousJoinClientTypes", blocking.GetProperty("Setting").GetString());
        Assert.Equal("Tag:Contoso-ExternalHosts", blocking.GetProperty("MeetingPolicy").GetString());
        Assert.Equal(CliApplication.Failed, run.ExitCode);
    }

    [Theory]
    [InlineData("--acs-resource-id", "contoso-acs", "InvalidGuid", "--acs-resource-id")]
    [InlineData("--auto-admitted-users", "Everybody", "InvalidTeamsSetting", "--auto-admitted-users")]
    [InlineData("--enable-acs-users", "yes", "InvalidTeamsSetting", "--enable-acs-users")]
    [InlineData("--path", "no-such-settings.json", "TeamsSettingsFileUnreadable", "--path")]
    public async Task Bad_input_fails_with_one_line_naming_the_option_and_writes_no_verdict(string option, string value, string errorId, string named)
    {
        string[] args = option == "--path"
            ? ["Test-AcsAnonymousJoinPolicy", option, value]
            : ["Test-AcsAnonymousJoinPolicy", "--path", Example, option, value];
        var run = await CliRun.Invoke(args);

        Assert.Equal(CliApplication.Failed, run.ExitCode);
        Assert.Empty(run.Stdout);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"error {errorId}", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Its_help_says_that_exit_code_1_means_ACS_users_cannot_join()
    {
        var run = await CliRun.Invoke("help", "Test-AcsAnonymousJoinPolicy");

        Assert.Contains("Exit code 1 when they cannot join", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--acs-resource-id", run.Stdout, StringComparison.Ordinal);
    }
}
