using System.Text.Json;
using AcsTeamsAdmin.Cli;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Cli;

public class CliApplicationTests
{
    [Fact]
    public async Task Set_AcsVoipPermission_adds_the_permissions_and_pass_thru_writes_the_verified_app()
    {
        var run = await CliRun.Invoke("Set-AcsVoipPermission", "--sandbox", "--application-id", SandboxIds.FabrikamAdminClientId, "--pass-thru", "--output", "json");

        Assert.Equal(CliApplication.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var app = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("Updated", app.GetProperty("Status").GetString());
        Assert.Equal(["Teams.ManageCalls", "Teams.ManageChats"], app.GetProperty("AcsPermissions").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Without_pass_thru_Set_writes_nothing_to_stdout()
    {
        var run = await CliRun.Invoke("Set-AcsVoipPermission", "--sandbox", "--application-id", SandboxIds.FabrikamAdminClientId, "--output", "json");

        Assert.Equal(CliApplication.Success, run.ExitCode);
        Assert.Equal(0, JsonDocument.Parse(run.Stdout).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task A_malformed_application_id_fails_with_the_kebab_case_option_name()
    {
        var run = await CliRun.Invoke("Set-AcsVoipPermission", "--sandbox", "--application-id", "not-a-guid");

        Assert.Equal(CliApplication.Failed, run.ExitCode);
        Assert.Contains("InvalidGuid", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--app-id", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task New_AcsTeamsApplication_what_if_prints_the_registration_on_stderr()
    {
        var run = await CliRun.Invoke("New-AcsTeamsApplication", "--sandbox", "--display-name", "Fabrikam Calling", "--multi-tenant", "--what-if", "--output", "json");

        Assert.Equal(CliApplication.Success, run.ExitCode);
        Assert.Contains("What if: Performing the operation \"Register (", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("signInAudience AzureADMultipleOrgs", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, JsonDocument.Parse(run.Stdout).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task New_then_Get_across_runs_shows_nothing_missing()
    {
        var state = Path.Combine(Path.GetTempPath(), $"acsteams-{Guid.NewGuid():N}.json");
        try
        {
            var created = await CliRun.Invoke("New-AcsTeamsApplication", "--sandbox", "--sandbox-state-path", state, "--save-sandbox-state", "--display-name", "Fabrikam Calling", "--output", "json");
            using var createdJson = JsonDocument.Parse(created.Stdout);
            var appId = createdJson.RootElement[0].GetProperty("AppId").GetString()!;

            var read = await CliRun.Invoke("Get-AcsTeamsApplication", "--sandbox", "--sandbox-state-path", state, "--save-sandbox-state", "--application-id", appId);

            Assert.Equal(CliApplication.Success, read.ExitCode);
            Assert.Contains("Teams.ManageCalls, Teams.ManageChats", read.Stdout, StringComparison.Ordinal);
            Assert.Matches(@"MissingAcsPermissions\s+:\s*\r?\n", read.Stdout);
        }
        finally
        {
            File.Delete(state);
        }
    }

    [Fact]
    public async Task Get_by_display_name_pattern_writes_every_match_and_refuses_an_id_as_well()
    {
        var run = await CliRun.Invoke("Get-AcsTeamsApplication", "--sandbox", "--tenant-id", SandboxIds.ContosoDomain, "--display-name", "Contoso*Calling", "--output", "json");
        var both = await CliRun.Invoke("Get-AcsTeamsApplication", "--sandbox", "--display-name", "Contoso*", "--application-id", SandboxIds.FabrikamAdminClientId);

        Assert.Equal(CliApplication.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var app = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(SandboxIds.ContosoTeamsCallingAppId, app.GetProperty("AppId").GetString());
        Assert.Equal(CliApplication.Failed, both.ExitCode);
        Assert.Contains("ConflictingParameters", both.Stderr, StringComparison.Ordinal);
        Assert.Contains("--display-name", both.Stderr, StringComparison.Ordinal);
    }
}
