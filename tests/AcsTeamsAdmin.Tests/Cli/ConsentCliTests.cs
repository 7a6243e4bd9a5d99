using System.Text.Json;
using AcsTeamsAdmin.Cli;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Cli;

public class ConsentCliTests
{
    private const string IsvApp = SandboxIds.ContosoTeamsCallingAppId;

    [Fact]
    public async Task Consent_links_are_built_offline_one_per_tenant()
    {
        // No sign-in option at all: a command that tried to sign in would start a browser sign-in and fail here.
        var run = await CliRun.Invoke(
            "Get-AcsAdminConsentUrl", "--tenant-id", $"{SandboxIds.FabrikamTenantId},Fabrikam.com", "--client-id", IsvApp,
            "--state", "onboarding & more", "--output", "json");

        Assert.True(run.ExitCode == CliApplication.Success, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var links = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(2, links.Length);
        Assert.Equal($"https://login.microsoftonline.com/{SandboxIds.FabrikamTenantId}/adminconsent?client_id={IsvApp}&state=onboarding%20%26%20more", links[0].GetProperty("Url").GetString());
        Assert.Equal("fabrikam.com", links[1].GetProperty("TenantId").GetString());
        Assert.Equal("V1", links[1].GetProperty("Version").GetString());
    }

    [Fact]
    public async Task A_v2_link_uses_the_chosen_clouds_login_host()
    {
        var run = await CliRun.Invoke(
            "Get-AcsAdminConsentUrl", "--tenant-id", "fabrikam.onmicrosoft.com", "--client-id", IsvApp, "--scope", "Teams.ManageCalls",
            "--redirect-uri", "https://app.contoso.com/done", "--environment", "china", "--output", "json");

        Assert.True(run.ExitCode == CliApplication.Success, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.StartsWith("https://login.chinacloudapi.cn/fabrikam.onmicrosoft.com/v2.0/adminconsent?client_id=", json.RootElement[0].GetProperty("Url").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MissingParameter", "--redirect-uri (tenant ", "--v2")]
    [InlineData("InvalidTenant", "--tenant-id:", "--v2", "--redirect-uri", "https://a.example/", "--tenant-id", "common")]
    [InlineData("UnknownAcsScope", "--scope (tenant ", "--scope", "Teams.ManageMeetings", "--redirect-uri", "https://a.example/")]
    public async Task A_bad_link_request_fails_in_the_command_lines_own_spelling(string errorId, string option, params string[] extra)
    {
        string[] tenant = extra.Contains("--tenant-id") ? [] : ["--tenant-id", SandboxIds.FabrikamTenantId];
        var run = await CliRun.Invoke(["Get-AcsAdminConsentUrl", "--client-id", IsvApp, .. tenant, .. extra]);

        Assert.Equal(CliApplication.Failed, run.ExitCode);
        Assert.StartsWith($"acsteams: error {errorId}: {option}", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task Granting_twice_through_a_state_file_creates_once_then_changes_nothing()
    {
        var state = Path.Combine(Path.GetTempPath(), $"acsteams-consent-{Guid.NewGuid():N}.json");
        try
        {
            var first = await CliRun.Invoke("Grant-AcsAdminConsent", "--sandbox", "--sandbox-state-path", state, "--save-sandbox-state", "--app-id", IsvApp, "--output", "json");
            var second = await CliRun.Invoke("Grant-AcsAdminConsent", "--sandbox", "--sandbox-state-path", state, "--save-sandbox-state", "--app-id", IsvApp, "--output", "json");
            var status = await CliRun.Invoke("Get-AcsAdminConsent", "--sandbox", "--sandbox-state-path", state, "--save-sandbox-state", "--app-id", IsvApp, "--scope", "Teams.ManageCalls,TeamsExtension.ManageCalls", "--output", "json");

            Assert.True(first.ExitCode == CliApplication.Success, first.Stderr);
            using var firstJson = JsonDocument.Parse(first.Stdout);
            using var secondJson = JsonDocument.Parse(second.Stdout);
            using var statusJson = JsonDocument.Parse(status.Stdout);
            Assert.Equal("Created", firstJson.RootElement[0].GetProperty("Change").GetString());
            Assert.Equal("Unchanged", secondJson.RootElement[0].GetProperty("Change").GetString());
            Assert.Equal("Partial", statusJson.RootElement[0].GetProperty("Status").GetString());
            Assert.Equal("TeamsExtension.ManageCalls", statusJson.RootElement[0].GetProperty("MissingScopes")[0].GetString());
            Assert.Equal(JsonValueKind.Null, statusJson.RootElement[0].GetProperty("Change").ValueKind);
        }
        finally
        {
            File.Delete(state);
        }
    }

    [Fact]
    public async Task WhatIf_prints_the_first_change_on_stderr_and_outputs_nothing()
    {
        var run = await CliRun.Invoke("Grant-AcsAdminConsent", "--sandbox", "--app-id", IsvApp, "--what-if", "--output", "json");

        Assert.Equal(CliApplication.Success, run.ExitCode);
        Assert.StartsWith($"What if: Performing the operation \"Create\" on target \"service principal for appId {IsvApp}", run.Stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(0, json.RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData("InvalidGuid", "--app-id", "c0a1b2c3-not-a-guid")]
    [InlineData("UnknownAcsScope", "--app-id", IsvApp, "--scope", "Teams.ManageMeetings")]
    public async Task Bad_input_fails_before_any_request_while_good_input_signs_in_and_grants(string errorId, params string[] input)
    {
        using var sandbox = new SandboxService();
        await using var host = await LoopbackSandboxHost.StartAsync(sandbox);
        var description = host.Description;

        // --client-id is the sign-in (Fabrikam's admin app); the app being consented to is --app-id.
        string[] signIn =
        [
            "--tenant-id", description.TenantId, "--client-id", description.AdminClientId,
            "--authority-host", description.AuthorityHost.AbsoluteUri, "--graph-endpoint", description.GraphEndpoint.AbsoluteUri,
        ];
        var secret = new Dictionary<string, string> { ["ACSTEAMS_CLIENT_SECRET"] = description.AdminClientSecret };

        var bad = await CliRun.Invoke(secret, ["Grant-AcsAdminConsent", .. signIn, .. input]);

        Assert.Equal(CliApplication.Failed, bad.ExitCode);
        Assert.StartsWith($"acsteams: error {errorId}: --", bad.Stderr, StringComparison.Ordinal);
        Assert.Empty(sandbox.Requests.Entries);

        var good = await CliRun.Invoke(secret, ["Grant-AcsAdminConsent", .. signIn, "--app-id", IsvApp, "--output", "json"]);

        Assert.True(good.ExitCode == CliApplication.Success, good.Stderr);
        Assert.Contains(sandbox.Requests.Entries, entry => entry.Method == "POST" && entry.PathAndQuery == "/v1.0/oauth2PermissionGrants" && entry.Status == 201);
        Assert.DoesNotContain(description.AdminClientSecret, good.Stdout + good.Stderr, StringComparison.Ordinal);
    }
}
