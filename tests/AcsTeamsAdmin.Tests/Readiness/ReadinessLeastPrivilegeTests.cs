using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Readiness;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Readiness;

/// <summary>
/// Test-AcsTeamsReadiness needs only Application.Read.All and DelegatedPermissionGrant.Read.All: the sandbox
/// refuses the per-principal grants relationship without Directory.Read.All, as Graph documents.
/// </summary>
public class ReadinessLeastPrivilegeTests
{
    [Fact]
    public async Task Every_check_passes_with_a_token_carrying_exactly_Application_Read_All_and_DelegatedPermissionGrant_Read_All()
    {
        var (sandbox, admin) = await ReadyWorld.CreateAsync();
        admin.Dispose();
        using var connection = await ContosoConnections.ConnectWithRolesAsync(sandbox, "Application.Read.All", "DelegatedPermissionGrant.Read.All");

        var checks = await ReadyWorld.CheckAsync(connection);

        Assert.Empty(ReadyWorld.Failing(checks));
        Assert.Equal(ReadinessStatus.Pass, checks.Single(check => check.Name == ReadinessCheckNames.AdminConsent).Status);
        Assert.DoesNotContain(sandbox.Requests.Entries, entry => entry.Status == 403);
    }

    [Theory]
    [InlineData("Application.Read.All", "DelegatedPermissionGrant.Read.All")]
    [InlineData("DelegatedPermissionGrant.Read.All", "Application.Read.All")]
    public async Task Without_one_of_the_two_the_error_names_the_missing_one(string granted, string missing)
    {
        var (sandbox, admin) = await ReadyWorld.CreateAsync();
        admin.Dispose();
        using var connection = await ContosoConnections.ConnectWithRolesAsync(sandbox, granted);

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => ReadyWorld.CheckAsync(connection));

        Assert.Equal(ErrorIds.InsufficientPrivileges, error.ErrorId);
        Assert.EndsWith($"This needs the Microsoft Graph permission {missing}.", error.Message, StringComparison.Ordinal);
        Assert.Equal(403, error.HttpStatus);
    }
}
