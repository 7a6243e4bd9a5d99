using System.Text.Json.Nodes;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.Readiness;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Sandbox.Internal;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Readiness;

/// <summary>
/// A ready tenant with exactly one prerequisite taken away fails exactly one check, the right one, and
/// running that check's remedy (as its cmdlet would) makes it pass.
/// </summary>
public class SingleMissingPrerequisiteTests
{
    [Theory]
    [InlineData("AcsServicePrincipalMissing", ReadinessCheckNames.AcsServicePrincipal, "New-AcsTeamsServicePrincipal")]
    [InlineData("AppLacksAcsScopes", ReadinessCheckNames.AppAcsPermissions, "Set-AcsVoipPermission -AppId " + ContosoConnections.CallingAppId)]
    [InlineData("PublicClientFlowsOff", ReadinessCheckNames.AppPublicClientFlows, "Set-AcsVoipPermission -AppId " + ContosoConnections.CallingAppId + " -AllowPublicClientFlows")]
    [InlineData("NoRedirectUri", ReadinessCheckNames.AppRedirectUri, "Set-AcsVoipPermission -AppId " + ContosoConnections.CallingAppId + " -RedirectUri http://localhost")]
    [InlineData("SingleTenantAudience", ReadinessCheckNames.AppSignInAudience, "Set-AcsVoipPermission -AppId " + ContosoConnections.CallingAppId + " -MultiTenant")]
    [InlineData("ClientServicePrincipalMissing", ReadinessCheckNames.ClientServicePrincipal, "Grant-AcsAdminConsent -AppId " + ContosoConnections.CallingAppId)]
    [InlineData("ConsentMissingAScope", ReadinessCheckNames.AdminConsent, "Grant-AcsAdminConsent -AppId " + ContosoConnections.CallingAppId)]
    public async Task One_missing_prerequisite_fails_one_check_whose_remedy_fixes_it(string missing, string expectedCheck, string expectedRemedy)
    {
        var (sandbox, connection) = await ReadyWorld.CreateAsync();
        using var _ = connection;
        sandbox.State.Update(data => TakeAway(ReadyWorld.Contoso(data), missing));

        var failing = Assert.Single(ReadyWorld.Failing(await ReadyWorld.CheckAsync(connection)));
        Assert.Equal(expectedCheck, failing.Name);
        Assert.Equal(expectedRemedy, failing.Remedy);

        await RemedyRunner.RunAsync(failing.Remedy!, connection, OperationContext.Unattended());
        var again = await ReadyWorld.CheckAsync(connection);
        Assert.Equal(ReadinessStatus.Pass, again.Single(check => check.Name == expectedCheck).Status);
    }

    [Fact]
    public async Task An_unverified_publisher_of_a_multi_tenant_app_is_a_warning_not_a_failure()
    {
        var (sandbox, connection) = await ReadyWorld.CreateAsync();
        using var _ = connection;
        ContosoConnections.Edit(sandbox, ContosoConnections.CallingAppId, app => app["verifiedPublisher"] = new JsonObject());

        var checks = await ReadyWorld.CheckAsync(connection);

        Assert.Empty(ReadyWorld.Failing(checks));
        var publisher = Assert.Single(checks, check => check.Status == ReadinessStatus.Warning);
        Assert.Equal(ReadinessCheckNames.AppPublisher, publisher.Name);
        Assert.StartsWith("Grant-AcsAdminConsent -AppId " + ContosoConnections.CallingAppId, publisher.Remedy, StringComparison.Ordinal);
    }

    private static void TakeAway(TenantData tenant, string missing)
    {
        var app = tenant.Applications.Single(candidate => (string?)candidate["appId"] == ContosoConnections.CallingAppId);
        switch (missing)
        {
            case "AcsServicePrincipalMissing":
                RemovePrincipal(tenant, SandboxIds.AcsAppId);
                break;
            case "AppLacksAcsScopes":
                var resources = (JsonArray)app["requiredResourceAccess"]!;
                resources.Remove(resources.Single(resource => (string?)resource!["resourceAppId"] == SandboxIds.AcsAppId));
                break;
            case "PublicClientFlowsOff":
                app["isFallbackPublicClient"] = false;
                break;
            case "NoRedirectUri":
                app["publicClient"] = new JsonObject { ["redirectUris"] = new JsonArray() };
                break;
            case "SingleTenantAudience":
                app["signInAudience"] = "AzureADMyOrg";
                break;
            case "ClientServicePrincipalMissing":
                RemovePrincipal(tenant, ContosoConnections.CallingAppId);
                break;
            case "ConsentMissingAScope":
                var acs = DirectoryQueries.Str(DirectoryQueries.FindServicePrincipal(tenant, SandboxIds.AcsAppId)!, "id");
                tenant.OAuth2PermissionGrants.Single(grant => DirectoryQueries.Is(grant, "resourceId", acs!))["scope"] = "Teams.ManageCalls";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(missing), missing, null);
        }
    }

    /// <summary>As Entra does when a service principal is deleted: its grants go with it.</summary>
    private static void RemovePrincipal(TenantData tenant, string appId)
    {
        var principal = DirectoryQueries.FindServicePrincipal(tenant, appId)!;
        var id = DirectoryQueries.Str(principal, "id")!;
        tenant.ServicePrincipals.Remove(principal);
        foreach (var grant in tenant.OAuth2PermissionGrants.Where(grant => DirectoryQueries.Is(grant, "clientId", id) || DirectoryQueries.Is(grant, "resourceId", id)).ToList())
        {
            tenant.OAuth2PermissionGrants.Remove(grant);
        }
    }
}
