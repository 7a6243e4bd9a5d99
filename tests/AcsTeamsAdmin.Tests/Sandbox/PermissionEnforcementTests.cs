using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using static AcsTeamsAdmin.Tests.Sandbox.SandboxTestKit;

namespace AcsTeamsAdmin.Tests.Sandbox;

/// <summary>Least privilege: a caller without the right permission gets Graph's 403.</summary>
public sealed class PermissionEnforcementTests
{
    [Fact]
    public async Task An_app_token_without_the_role_gets_403_Authorization_RequestDenied_through_the_SDK()
    {
        using var sandbox = new SandboxService();
        var readOnly = Graph(sandbox, AppToken(sandbox, "Application.Read.All"));

        var list = await readOnly.ServicePrincipals.GetAsync();
        var denied = await Assert.ThrowsAsync<ODataError>(() => readOnly.ServicePrincipals.PostAsync(new ServicePrincipal { AppId = SandboxIds.AcsAppId }));
        var grantsDenied = await Assert.ThrowsAsync<ODataError>(() => readOnly.Oauth2PermissionGrants.GetAsync());

        Assert.NotEmpty(list!.Value!);
        Assert.Equal(403, denied.ResponseStatusCode);
        Assert.Equal("Authorization_RequestDenied", denied.Error!.Code);
        Assert.Equal("Insufficient privileges to complete the operation.", denied.Error.Message);
        Assert.Equal(403, grantsDenied.ResponseStatusCode);
    }

    [Fact]
    public async Task The_user_assigned_identity_can_read_but_not_write()
    {
        using var sandbox = new SandboxService();
        var credential = new Azure.Identity.ManagedIdentityCredential(WithSandbox(sandbox,
            new Azure.Identity.ManagedIdentityCredentialOptions(Azure.Identity.ManagedIdentityId.FromUserAssignedClientId(SandboxIds.FabrikamUserIdentityClientId))));
        var graph = Graph(sandbox, credential);

        var sps = await graph.ServicePrincipals.GetAsync();
        var denied = await Assert.ThrowsAsync<ODataError>(() => graph.ServicePrincipals.PostAsync(new ServicePrincipal { AppId = SandboxIds.AcsAppId }));

        Assert.NotEmpty(sps!.Value!);
        Assert.Equal(403, denied.ResponseStatusCode);
    }

    [Fact]
    public async Task Delegated_tenant_wide_writes_need_the_scope_and_an_admin_role()
    {
        using var sandbox = new SandboxService();
        string Delegated(string user, params string[] scopes) => sandbox.IssueAccessToken(new AccessTokenRequest
        {
            TenantId = SandboxIds.FabrikamTenantId, ClientAppId = SandboxIds.FabrikamAdminClientId, User = user, Scopes = scopes,
        });
        var body = new JsonObject { ["appId"] = SandboxIds.AcsAppId };

        var (plainUser, _, _) = await SendAsync(sandbox, HttpMethod.Post, "/v1.0/servicePrincipals", Delegated(SandboxIds.FabrikamTeamsUserUpn, "Application.ReadWrite.All"), body);
        var (adminWithoutScope, _, _) = await SendAsync(sandbox, HttpMethod.Post, "/v1.0/servicePrincipals", Delegated(SandboxIds.FabrikamAdminUpn, "Application.Read.All"), body);
        var (admin, _, _) = await SendAsync(sandbox, HttpMethod.Post, "/v1.0/servicePrincipals", Delegated(SandboxIds.FabrikamAdminUpn, "Application.ReadWrite.All"), body);
        var (orgAsUser, _, _) = await SendAsync(sandbox, HttpMethod.Get, "/v1.0/organization", Delegated(SandboxIds.FabrikamTeamsUserUpn, "User.Read"));

        Assert.Equal(403, plainUser);
        Assert.Equal(403, adminWithoutScope);
        Assert.Equal(201, admin);
        Assert.Equal(200, orgAsUser);
    }

    [Fact]
    public async Task An_apps_owner_may_change_it_without_an_admin_role_but_a_stranger_may_not()
    {
        using var sandbox = new SandboxService();
        string Delegated(string user) => sandbox.IssueAccessToken(new AccessTokenRequest
        {
            TenantId = SandboxIds.ContosoTenantId, ClientAppId = SandboxIds.ContosoAdminClientId, User = user, Scopes = ["Application.ReadWrite.All"],
        });
        var path = $"/v1.0/applications/{SandboxIds.ContosoTeamsCallingObjectId}";
        var patch = new JsonObject { ["isFallbackPublicClient"] = false };

        var (owner, _, _) = await SendAsync(sandbox, HttpMethod.Patch, path, Delegated(SandboxIds.ContosoDeveloperUpn), patch);
        var (stranger, _, _) = await SendAsync(sandbox, HttpMethod.Patch, $"/v1.0/applications/{sandbox.State.Read(d => (string)d.Tenants.First(t => t.Id == SandboxIds.ContosoTenantId).Applications.First(a => (string?)a["appId"] == SandboxIds.ContosoApiAppId)["id"]!)}",
            Delegated(SandboxIds.ContosoDeveloperUpn), patch);

        Assert.Equal(204, owner);
        Assert.Equal(403, stranger);
    }

    [Fact]
    public void The_permission_table_is_data_with_one_row_per_operation()
    {
        var operations = Enum.GetValues<AcsTeamsAdmin.Sandbox.Graph.GraphOperation>();

        Assert.Equal(operations.Length, AcsTeamsAdmin.Sandbox.Graph.GraphPermissions.Table.Select(r => r.Operation).Distinct().Count());
        Assert.DoesNotContain("Application.Read.All", AcsTeamsAdmin.Sandbox.Graph.GraphPermissions.Table.Single(r => r.Operation == AcsTeamsAdmin.Sandbox.Graph.GraphOperation.WriteServicePrincipals).AppRoles);
    }
}
