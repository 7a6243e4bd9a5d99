using AcsTeamsAdmin.Engine.Applications;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Applications;

/// <summary>New-AcsTeamsApplication's engine: one POST with everything, and no second app on a re-run.</summary>
public class NewTests
{
    public static AcsApplicationSettings Settings(bool multiTenant = false) =>
        new() { AllowPublicClientFlows = true, RedirectUri = PublicClientRedirectUri.Default, MultiTenant = multiTenant };

    [Fact]
    public async Task One_POST_registers_everything_and_a_second_run_returns_it_without_writing()
    {
        using var sandbox = new SandboxService();
        using var hook = new TransportHook(sandbox.CreateHandler());
        using var connection = await ContosoConnections.ConnectAsync(sandbox, hook);
        var host = new RecordingHost();

        var created = await ApplicationOperations.NewAsync(connection, "Contoso Calling Two", Settings(multiTenant: true), host.Context());
        var again = await ApplicationOperations.NewAsync(connection, "contoso calling two", Settings(multiTenant: true), new RecordingHost().Context());

        Assert.Equal(ApplicationStatus.Created, created!.Status);
        Assert.Equal(["Teams.ManageCalls", "Teams.ManageChats"], created.AcsPermissions);
        Assert.Empty(created.MissingAcsPermissions);
        Assert.True(created.AllowPublicClientFlows);
        Assert.Equal(["http://localhost"], created.PublicClientRedirectUris);
        Assert.Equal(SignInAudiences.MultiTenant, created.SignInAudience);
        Assert.Single(hook.Writes("/v1.0/applications"));
        Assert.Equal(ApplicationStatus.Existing, again!.Status);
        Assert.Equal(created.AppId, again.AppId);
        Assert.Equal(1, ContosoConnections.ApplicationWrites(sandbox));
        Assert.Contains(host.Lines, line => line.StartsWith("WARNING:", StringComparison.Ordinal) && line.Contains("admin consent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_existing_app_of_that_name_without_ACS_settings_is_returned_with_a_warning_that_says_what_to_run()
    {
        using var sandbox = new SandboxService();
        using var connection = await ContosoConnections.ConnectAsync(sandbox);
        var host = new RecordingHost();

        var found = await ApplicationOperations.NewAsync(connection, "Contoso Teams Calling", Settings(), host.Context());

        Assert.Equal(ApplicationStatus.Existing, found!.Status);
        Assert.Equal(SandboxIds.ContosoTeamsCallingAppId, found.AppId);
        Assert.Contains(host.Lines, line => line.StartsWith("WARNING:", StringComparison.Ordinal) && line.Contains($"Set-AcsVoipPermission -AppId {SandboxIds.ContosoTeamsCallingAppId}", StringComparison.Ordinal));
        Assert.Equal(0, ContosoConnections.ApplicationWrites(sandbox));
    }

    [Fact]
    public async Task Two_apps_with_the_name_are_ambiguous()
    {
        using var sandbox = new SandboxService();
        ContosoConnections.Edit(sandbox, SandboxIds.ContosoApiAppId, app => app["displayName"] = "Contoso Teams Calling");
        using var connection = await ContosoConnections.ConnectAsync(sandbox);

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => ApplicationOperations.NewAsync(connection, "Contoso Teams Calling", Settings(), new RecordingHost().Context()));

        Assert.Equal(ErrorIds.AmbiguousApplicationName, error.ErrorId);
        Assert.Contains(SandboxIds.ContosoApiAppId, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lost_answer_to_the_POST_is_not_retried_blindly_and_the_app_is_found_by_name()
    {
        using var sandbox = new SandboxService();
        using var connection = await ContosoConnections.ConnectAsync(sandbox);
        sandbox.Faults.Add(new FaultRule { Kind = FaultKind.ConnectionReset, Method = "POST", PathPrefix = "/v1.0/applications", AfterProcessing = true, MaxFaults = 1, Rate = 1 });

        var created = await ApplicationOperations.NewAsync(connection, "Contoso Calling Three", Settings(), new RecordingHost().Context());

        Assert.Equal(ApplicationStatus.Created, created!.Status);
        Assert.Equal(1, sandbox.State.Read(data => data.Tenants.Single(t => t.Id == SandboxIds.ContosoTenantId).Applications.Count(app => (string?)app["displayName"] == "Contoso Calling Three")));
        Assert.Equal(1, sandbox.Requests.Entries.Count(entry => entry.Method == "POST" && entry.PathAndQuery.StartsWith("/v1.0/applications", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task WhatIf_registers_nothing_and_says_what_it_would_register()
    {
        using var sandbox = new SandboxService();
        using var connection = await ContosoConnections.ConnectAsync(sandbox);
        var whatIf = new RecordingHost(approve: false);

        var result = await ApplicationOperations.NewAsync(connection, "Contoso Calling Four", Settings(), whatIf.Context());

        Assert.Null(result);
        var (target, action) = Assert.Single(whatIf.Asked);
        Assert.Contains("Contoso Calling Four", target, StringComparison.Ordinal);
        Assert.Contains("Teams.ManageCalls", action, StringComparison.Ordinal);
        Assert.Contains("http://localhost", action, StringComparison.Ordinal);
        Assert.Equal(0, ContosoConnections.ApplicationWrites(sandbox));
    }
}
