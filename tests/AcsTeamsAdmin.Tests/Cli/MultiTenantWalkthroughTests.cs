using System.Text.Json;
using AcsTeamsAdmin.Cli;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Cli;

/// <summary>
/// The multi-tenant walkthrough of docs/walkthrough-multitenant.md, step by step through acsteams,
/// on one sandbox state shared by both tenants: Contoso (the ISV) prepares its app, Fabrikam (the
/// customer) creates the ACS service principal and consents. Then the whole walkthrough again: it
/// must change nothing.
/// </summary>
public sealed class MultiTenantWalkthroughTests : IDisposable
{
    private const string App = SandboxIds.ContosoTeamsCallingAppId;
    private readonly string _state = Path.Combine(Path.GetTempPath(), $"acsteams-walkthrough-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_state);

    [Fact]
    public async Task Contoso_prepares_its_app_Fabrikam_consents_and_a_second_pass_changes_nothing()
    {
        // Contoso, app owner: ACS permissions, public client flows, multi-tenant.
        var app = await Json("Set-AcsVoipPermission", "--tenant-id", SandboxIds.ContosoDomain, "--application-id", App,
            "--allow-public-client-flows", "--multi-tenant", "--pass-thru");
        Assert.Equal("Updated", app[0].GetProperty("Status").GetString());

        // Contoso builds Fabrikam's consent link (offline).
        var link = await Json(offline: true, "Get-AcsAdminConsentUrl", "--tenant-id", SandboxIds.FabrikamDomain, "--client-id", App);
        Assert.StartsWith($"https://login.microsoftonline.com/{SandboxIds.FabrikamDomain}/adminconsent?client_id={App}", link[0].GetProperty("Url").GetString(), StringComparison.Ordinal);

        // Fabrikam, customer admin: the ACS service principal, then consent for Contoso's app.
        var acs = await Json("New-AcsTeamsServicePrincipal");
        var grant = await Json("Grant-AcsAdminConsent", "--app-id", App);
        var status = await Json("Get-AcsAdminConsent", "--app-id", App);
        Assert.Equal("Created", acs[0].GetProperty("Status").GetString());
        Assert.Equal("Created", grant[0].GetProperty("Change").GetString());
        Assert.Equal("Granted", status[0].GetProperty("Status").GetString());
        Assert.Equal(0, status[0].GetProperty("MissingScopes").GetArrayLength());

        // The same walkthrough again changes nothing.
        var appAgain = await Json("Set-AcsVoipPermission", "--tenant-id", SandboxIds.ContosoDomain, "--application-id", App,
            "--allow-public-client-flows", "--multi-tenant", "--pass-thru");
        var acsAgain = await Json("New-AcsTeamsServicePrincipal");
        var grantAgain = await Json("Grant-AcsAdminConsent", "--app-id", App);
        Assert.Equal("Existing", appAgain[0].GetProperty("Status").GetString());
        Assert.Equal("Existing", acsAgain[0].GetProperty("Status").GetString());
        Assert.Equal("Unchanged", grantAgain[0].GetProperty("Change").GetString());
    }

    [Fact]
    public async Task A_tenant_the_sandbox_does_not_have_is_refused_by_name()
    {
        var run = await CliRun.Invoke("Get-AcsTeamsAdminContext", "--sandbox", "--tenant-id", "northwind.onmicrosoft.com");

        Assert.Equal(CliApplication.Failed, run.ExitCode);
        Assert.Contains("--tenant-id", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(SandboxIds.ContosoDomain, run.Stderr, StringComparison.Ordinal);
    }

    private Task<JsonElement> Json(params string[] args) => Json(offline: false, args);

    private async Task<JsonElement> Json(bool offline, params string[] args)
    {
        string[] common = offline ? ["--output", "json"] : ["--sandbox", "--sandbox-state-path", _state, "--save-sandbox-state", "--output", "json"];
        var run = await CliRun.Invoke([.. args, .. common]);
        Assert.True(run.ExitCode == CliApplication.Success, $"{string.Join(' ', args)}: {run.Stderr}");
        return JsonDocument.Parse(run.Stdout).RootElement.Clone();
    }
}
