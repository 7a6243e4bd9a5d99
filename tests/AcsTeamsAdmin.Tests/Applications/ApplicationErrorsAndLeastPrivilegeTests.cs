using AcsTeamsAdmin.Engine.Applications;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.ServicePrincipals;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Applications;

public class ApplicationErrorsAndLeastPrivilegeTests
{
    private static readonly AppIdOrObjectId Calling = AppIdOrObjectId.Parse(ContosoConnections.CallingAppId);

    [Fact]
    public async Task An_unknown_id_is_ApplicationNotFound_after_trying_it_as_appId_and_as_object_id()
    {
        using var sandbox = new SandboxService();
        using var connection = await ContosoConnections.ConnectAsync(sandbox);
        var unknown = Guid.NewGuid().ToString();

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => ApplicationOperations.SetAsync(connection, AppIdOrObjectId.Parse(unknown), new AcsApplicationSettings(), new RecordingHost().Context()));

        Assert.Equal(ErrorIds.ApplicationNotFound, error.ErrorId);
        Assert.Equal(FailureCategory.ObjectNotFound, error.Category);
        Assert.Equal(unknown, error.Target);
        Assert.Contains("home tenant", error.RecommendedAction, StringComparison.Ordinal);
        Assert.Contains("Object ID", error.RecommendedAction, StringComparison.Ordinal);
        Assert.Contains(sandbox.Requests.Entries, e => e.PathAndQuery.StartsWith($"/v1.0/applications(appId='{unknown}')", StringComparison.Ordinal) && e.Status == 404);
        Assert.Contains(sandbox.Requests.Entries, e => e.PathAndQuery.StartsWith($"/v1.0/applications/{unknown}", StringComparison.Ordinal) && e.Status == 404);
        Assert.Equal(0, ContosoConnections.ApplicationWrites(sandbox));
    }

    [Fact]
    public async Task An_app_registered_in_another_tenant_names_that_tenant()
    {
        using var connection = await SandboxConnections.ConnectAsync();
        await ServicePrincipalOperations.EnsureAsync(connection, AppId.Parse(SandboxIds.ContosoTeamsCallingAppId), new RecordingHost().Context());

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => ApplicationOperations.GetAsync(connection, Calling, new RecordingHost().Context()));

        Assert.Equal(ErrorIds.ApplicationInAnotherTenant, error.ErrorId);
        Assert.Contains(SandboxIds.ContosoTenantId, error.Message, StringComparison.Ordinal);
        Assert.Contains($"-TenantId {SandboxIds.ContosoTenantId}", error.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ACS_app_itself_is_Microsofts_and_cannot_be_changed()
    {
        using var sandbox = new SandboxService();
        using var connection = await ContosoConnections.ConnectAsync(sandbox);
        await ServicePrincipalOperations.EnsureAsync(connection, AppId.AcsFirstParty, new RecordingHost().Context());

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => ApplicationOperations.GetAsync(connection, AppIdOrObjectId.Parse(AcsFirstPartyApp.AppId), new RecordingHost().Context()));

        Assert.Equal(ErrorIds.ApplicationInAnotherTenant, error.ErrorId);
        Assert.Contains("Microsoft application", error.RecommendedAction, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("c0a1b2c3-d4e5-4f60-8a71", ErrorIds.InvalidGuid)]
    [InlineData("{c0a1b2c3-d4e5-4f60-8a71-b2c3d4e5f614}", ErrorIds.InvalidGuid)]
    [InlineData("  ", ErrorIds.MissingParameter)]
    public async Task A_malformed_id_fails_naming_the_parameter_before_any_request(string value, string errorId)
    {
        using var sandbox = new SandboxService();
        using var connection = await ContosoConnections.ConnectAsync(sandbox);
        sandbox.Requests.Clear();

        var error = Assert.Throws<AcsTeamsAdminException>(() => AppIdOrObjectId.Parse(value));

        Assert.Equal(errorId, error.ErrorId);
        Assert.StartsWith("-AppId:", error.Message, StringComparison.Ordinal);
        Assert.Empty(sandbox.Requests.Entries);
        await Task.CompletedTask;
    }

    [Theory]
    [InlineData("http://contoso.com/auth", ErrorIds.InvalidUrl)]
    [InlineData("https://*.contoso.com", ErrorIds.InvalidUrl)]
    [InlineData("not a uri", ErrorIds.InvalidUrl)]
    [InlineData("", ErrorIds.MissingParameter)]
    public void A_bad_redirect_URI_fails_naming_the_parameter(string value, string errorId)
    {
        var error = Assert.Throws<AcsTeamsAdminException>(() => PublicClientRedirectUri.Parse(value));

        Assert.Equal(errorId, error.ErrorId);
        Assert.StartsWith("-RedirectUri:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Redirect_URIs_are_kept_exactly_as_typed_and_custom_schemes_are_allowed()
    {
        Assert.Equal("http://localhost", PublicClientRedirectUri.Parse(" http://localhost ").Value);
        Assert.Equal("msalc0a1b2c3-d4e5-4f60-8a71-b2c3d4e5f614://auth", PublicClientRedirectUri.Parse("msalc0a1b2c3-d4e5-4f60-8a71-b2c3d4e5f614://auth").Value);
    }

    [Fact]
    public void An_unknown_scope_name_lists_the_valid_ones()
    {
        var error = Assert.Throws<AcsTeamsAdminException>(() => AcsScope.Parse(["Teams.ManageCalls", "Teams.ManageMeetings"], includeLegacyVoip: false));

        Assert.Equal(ErrorIds.UnknownAcsScope, error.ErrorId);
        Assert.StartsWith("-Scope: 'Teams.ManageMeetings'", error.Message, StringComparison.Ordinal);
        Assert.Contains("TeamsExtension.ManageCalls", error.Message, StringComparison.Ordinal);
        Assert.Equal([AcsScope.TeamsManageChats, AcsScope.Voip], AcsScope.Parse(["teams.managechats", "Teams.ManageChats"], includeLegacyVoip: true));
    }

    [Fact]
    public async Task Get_works_with_Application_Read_All_alone()
    {
        using var sandbox = new SandboxService();
        using var connection = await ContosoConnections.ConnectWithRolesAsync(sandbox, "Application.Read.All");

        var info = await ApplicationOperations.GetAsync(connection, Calling, new RecordingHost().Context());

        Assert.Equal(["Teams.ManageCalls", "Teams.ManageChats"], info.MissingAcsPermissions);
    }

    [Fact]
    public async Task Get_without_any_application_permission_names_Application_Read_All()
    {
        using var sandbox = new SandboxService();
        using var connection = await ContosoConnections.ConnectWithRolesAsync(sandbox, "Organization.Read.All");

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => ApplicationOperations.GetAsync(connection, Calling, new RecordingHost().Context()));

        Assert.Equal(ErrorIds.InsufficientPrivileges, error.ErrorId);
        Assert.Contains("Application.Read.All", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_works_with_Application_ReadWrite_All_alone()
    {
        using var sandbox = new SandboxService();
        using var connection = await ContosoConnections.ConnectWithRolesAsync(sandbox, "Application.ReadWrite.All");

        var info = await ApplicationOperations.SetAsync(connection, Calling, new AcsApplicationSettings(), new RecordingHost().Context());

        Assert.Equal(ApplicationStatus.Updated, info!.Status);
    }

    [Fact]
    public async Task Set_with_only_Application_Read_All_fails_naming_Application_ReadWrite_All_and_changes_nothing()
    {
        using var sandbox = new SandboxService();
        using var connection = await ContosoConnections.ConnectWithRolesAsync(sandbox, "Application.Read.All");

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => ApplicationOperations.SetAsync(connection, Calling, new AcsApplicationSettings(), new RecordingHost().Context()));

        Assert.Equal(ErrorIds.InsufficientPrivileges, error.ErrorId);
        Assert.Equal(403, error.HttpStatus);
        Assert.Contains("Application.ReadWrite.All", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, ContosoConnections.Permissions(sandbox, ContosoConnections.CallingAppId).Count);
    }

    [Fact]
    public async Task New_with_only_Application_Read_All_fails_naming_Application_ReadWrite_All()
    {
        using var sandbox = new SandboxService();
        using var connection = await ContosoConnections.ConnectWithRolesAsync(sandbox, "Application.Read.All");

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => ApplicationOperations.NewAsync(connection, "Contoso Calling Two", NewTests.Settings(), new RecordingHost().Context()));

        Assert.Equal(ErrorIds.InsufficientPrivileges, error.ErrorId);
        Assert.Contains("Application.ReadWrite.All", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_warns_that_an_unverified_multi_tenant_app_needs_admin_consent_everywhere_and_shows_the_publisher_domain()
    {
        using var sandbox = new SandboxService();
        using var connection = await ContosoConnections.ConnectAsync(sandbox);
        var host = new RecordingHost();

        var info = await ApplicationOperations.GetAsync(connection, Calling, host.Context());

        Assert.Equal(SandboxIds.ContosoDomain, info.PublisherDomain);
        Assert.False(info.IsPublisherVerified);
        Assert.True(info.AllowPublicClientFlows);
        Assert.Equal(["http://localhost"], info.PublicClientRedirectUris);
        Assert.Single(host.Lines, line => line.StartsWith("WARNING:", StringComparison.Ordinal) && line.Contains("every customer tenant", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Lines, line => line.Contains(SandboxIds.ContosoAdminClientSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task MultiTenant_never_locks_out_the_personal_accounts_of_a_personal_only_app()
    {
        using var sandbox = new SandboxService();
        ContosoConnections.Edit(sandbox, SandboxIds.ContosoAdminClientId, app => app["signInAudience"] = "PersonalMicrosoftAccount");
        using var connection = await ContosoConnections.ConnectAsync(sandbox);

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => ApplicationOperations.SetAsync(connection, AppIdOrObjectId.Parse(SandboxIds.ContosoAdminClientId),
            new AcsApplicationSettings { MultiTenant = true }, new RecordingHost().Context()));

        Assert.Equal(ErrorIds.SignInAudienceChangeRefused, error.ErrorId);
        Assert.Contains("AzureADandPersonalMicrosoftAccount", error.RecommendedAction, StringComparison.Ordinal);
        Assert.Equal(0, ContosoConnections.ApplicationWrites(sandbox));
    }
}
