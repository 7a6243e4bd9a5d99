using AcsTeamsAdmin.Sandbox;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using static AcsTeamsAdmin.Tests.Sandbox.SandboxTestKit;

namespace AcsTeamsAdmin.Tests.Sandbox;

/// <summary>The Microsoft Graph SDK, built as the engine builds it, against the sandbox's Graph emulator.</summary>
public sealed class GraphSdkFidelityTests
{
    [Fact]
    public async Task Filter_by_appId_get_by_appId_key_and_a_missing_service_principal_behave_like_Graph()
    {
        using var sandbox = new SandboxService();
        var graph = Graph(sandbox, AdminCredential(sandbox));

        var graphSp = await graph.ServicePrincipals.GetAsync(r => r.QueryParameters.Filter = $"appId eq '{SandboxIds.GraphAppId}'");
        var acsList = await graph.ServicePrincipals.GetAsync(r => r.QueryParameters.Filter = $"appId eq '{SandboxIds.AcsAppId}'");
        var byKey = await graph.ServicePrincipalsWithAppId(SandboxIds.GraphAppId).GetAsync(r => r.QueryParameters.Select = ["id", "appId", "appRoles"]);
        var missing = await Assert.ThrowsAsync<ODataError>(() => graph.ServicePrincipalsWithAppId(SandboxIds.AcsAppId).GetAsync());

        Assert.Equal("Microsoft Graph", Assert.Single(graphSp!.Value!).DisplayName);
        Assert.Equal(SandboxIds.MicrosoftTenantId, graphSp.Value![0].AppOwnerOrganizationId?.ToString());
        Assert.Empty(acsList!.Value!);
        Assert.Equal(SandboxIds.GraphAppId, byKey!.AppId);
        Assert.Null(byKey.DisplayName); // not selected
        Assert.Contains(byKey.AppRoles!, r => r.Value == "Application.ReadWrite.All" && r.Id == Guid.Parse("1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9"));
        Assert.Equal(404, missing.ResponseStatusCode);
        Assert.Equal("Request_ResourceNotFound", missing.Error!.Code);
    }

    [Fact]
    public async Task Creating_the_ACS_service_principal_gives_201_with_its_real_scopes_then_409_on_a_second_create()
    {
        using var sandbox = new SandboxService();
        var graph = Graph(sandbox, AdminCredential(sandbox));

        var created = await graph.ServicePrincipals.PostAsync(new ServicePrincipal { AppId = SandboxIds.AcsAppId });
        var again = await Assert.ThrowsAsync<ODataError>(() => graph.ServicePrincipals.PostAsync(new ServicePrincipal { AppId = SandboxIds.AcsAppId }));

        Assert.Equal("Azure Communication Services", created!.DisplayName);
        Assert.Equal("Application", created.ServicePrincipalType);
        var scopes = created.Oauth2PermissionScopes!.ToDictionary(s => s.Value!, s => s.Id.ToString());
        Assert.Equal(SandboxIds.AcsTeamsManageCallsScopeId, scopes["Teams.ManageCalls"]);
        Assert.Equal(SandboxIds.AcsTeamsManageChatsScopeId, scopes["Teams.ManageChats"]);
        Assert.False(scopes.ContainsKey("VoIP"));
        Assert.Equal(409, again.ResponseStatusCode);
        Assert.Equal("Request_MultipleObjectsWithSameKeyValue", again.Error!.Code);
    }

    [Fact]
    public async Task Upsert_with_Prefer_create_if_missing_creates_once_and_then_reports_existing_without_a_body()
    {
        using var sandbox = new SandboxService();
        var graph = Graph(sandbox, AdminCredential(sandbox));

        var withoutPrefer = await Assert.ThrowsAsync<ODataError>(() => graph.ServicePrincipalsWithAppId(SandboxIds.AcsAppId).PatchAsync(new ServicePrincipal()));
        var first = await graph.ServicePrincipalsWithAppId(SandboxIds.AcsAppId).PatchAsync(new ServicePrincipal(), r => r.Headers.Add("Prefer", "create-if-missing"));
        var second = await graph.ServicePrincipalsWithAppId(SandboxIds.AcsAppId).PatchAsync(new ServicePrincipal(), r => r.Headers.Add("Prefer", "create-if-missing"));

        Assert.Equal(404, withoutPrefer.ResponseStatusCode);
        Assert.Equal(SandboxIds.AcsAppId, first!.AppId);
        Assert.Null(second);
        Assert.Equal([404, 201, 204], sandbox.Requests.Entries.Where(e => e.Method == "PATCH").Select(e => e.Status));
    }

    [Fact]
    public async Task Patching_requiredResourceAccess_replaces_the_whole_list_and_leaves_other_properties_alone()
    {
        using var sandbox = new SandboxService();
        var graph = Graph(sandbox, AdminCredential(sandbox, SandboxIds.ContosoTenantId, SandboxIds.ContosoAdminClientId, SandboxIds.ContosoAdminClientSecret));
        var before = await graph.ApplicationsWithAppId(SandboxIds.ContosoTeamsCallingAppId).GetAsync();

        await graph.Applications[before!.Id].PatchAsync(new Application
        {
            RequiredResourceAccess =
            [
                new RequiredResourceAccess
                {
                    ResourceAppId = SandboxIds.AcsAppId,
                    ResourceAccess = [new ResourceAccess { Id = Guid.Parse(SandboxIds.AcsTeamsManageCallsScopeId), Type = "Scope" }],
                },
            ],
        });
        var after = await graph.Applications[before.Id].GetAsync();

        Assert.Equal(2, before.RequiredResourceAccess!.Count);
        Assert.Equal(SandboxIds.AcsAppId, Assert.Single(after!.RequiredResourceAccess!).ResourceAppId);
        Assert.Equal(before.DisplayName, after.DisplayName);
        Assert.Equal(before.PublicClient!.RedirectUris, after.PublicClient!.RedirectUris);
        Assert.Equal("AzureADMultipleOrgs", after.SignInAudience);
        Assert.Equal(SandboxIds.ContosoDomain, after.PublisherDomain);
    }

    [Fact]
    public async Task Grants_are_created_once_then_patched_filtered_and_deleted()
    {
        using var sandbox = new SandboxService(SandboxSeed.Create(new SandboxSeedOptions { AcsServicePrincipalInCustomer = true }));
        var graph = Graph(sandbox, AdminCredential(sandbox));
        var isv = await graph.ServicePrincipals.PostAsync(new ServicePrincipal { AppId = SandboxIds.ContosoTeamsCallingAppId });
        var acs = await graph.ServicePrincipalsWithAppId(SandboxIds.AcsAppId).GetAsync();
        var grant = new OAuth2PermissionGrant { ClientId = isv!.Id, ConsentType = "AllPrincipals", ResourceId = acs!.Id, Scope = "Teams.ManageCalls" };

        var created = await graph.Oauth2PermissionGrants.PostAsync(grant);
        // A fresh object: Kiota's backing store sends only what changed since the last send.
        var duplicate = await Assert.ThrowsAsync<ODataError>(() => graph.Oauth2PermissionGrants.PostAsync(
            new OAuth2PermissionGrant { ClientId = isv.Id, ConsentType = "AllPrincipals", ResourceId = acs.Id, Scope = "Teams.ManageCalls" }));
        await graph.Oauth2PermissionGrants[created!.Id].PatchAsync(new OAuth2PermissionGrant { Scope = "Teams.ManageCalls Teams.ManageChats" });
        var found = await graph.Oauth2PermissionGrants.GetAsync(r => r.QueryParameters.Filter = $"clientId eq '{isv.Id}' and consentType eq 'AllPrincipals'");
        await graph.Oauth2PermissionGrants[created.Id].DeleteAsync();
        var afterDelete = await graph.Oauth2PermissionGrants.GetAsync(r => r.QueryParameters.Filter = $"clientId eq '{isv.Id}'");

        Assert.Equal(409, duplicate.ResponseStatusCode);
        Assert.Equal("Permission entry already exists.", duplicate.Error!.Message);
        Assert.Equal("Teams.ManageCalls Teams.ManageChats", Assert.Single(found!.Value!).Scope);
        Assert.Empty(afterDelete!.Value!);
    }

    [Fact]
    public async Task Paging_with_top_follows_nextLink_through_every_service_principal()
    {
        using var sandbox = new SandboxService();
        var graph = Graph(sandbox, AdminCredential(sandbox, SandboxIds.ContosoTenantId, SandboxIds.ContosoAdminClientId, SandboxIds.ContosoAdminClientSecret));
        var expected = sandbox.State.Read(d => d.Tenants.First(t => t.Id == SandboxIds.ContosoTenantId).ServicePrincipals.Count);
        var seen = new List<string>();

        var first = await graph.ServicePrincipals.GetAsync(r => r.QueryParameters.Top = 1);
        var iterator = PageIterator<ServicePrincipal, ServicePrincipalCollectionResponse>.CreatePageIterator(graph, first!, sp => { seen.Add(sp.AppId!); return true; });
        await iterator.IterateAsync();

        Assert.True(expected >= 4);
        Assert.Equal(expected, seen.Distinct().Count());
        Assert.Contains("$skiptoken=", first!.OdataNextLink, StringComparison.Ordinal);
        Assert.StartsWith(Base + "/v1.0/servicePrincipals?", first.OdataNextLink, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Organization_gives_the_tenant_id_as_value_0_id()
    {
        using var sandbox = new SandboxService();
        var graph = Graph(sandbox, AdminCredential(sandbox));

        var org = await graph.Organization.GetAsync();

        Assert.Equal(SandboxIds.FabrikamTenantId, org!.Value![0].Id);
        Assert.Contains(org.Value[0].VerifiedDomains!, d => d.Name == SandboxIds.FabrikamDomain && d.IsInitial == true);
    }

    [Fact]
    public async Task Batch_steps_are_authorised_and_logged_one_by_one_and_a_failed_dependency_gives_424()
    {
        using var sandbox = new SandboxService();
        var graph = Graph(sandbox, AdminCredential(sandbox));
        var content = new BatchRequestContentCollection(graph);
        var org = await graph.RequestAdapter.ConvertToNativeRequestAsync<HttpRequestMessage>(graph.Organization.ToGetRequestInformation());
        var missing = await graph.RequestAdapter.ConvertToNativeRequestAsync<HttpRequestMessage>(graph.ServicePrincipalsWithAppId(SandboxIds.AcsAppId).ToGetRequestInformation());
        var dependent = await graph.RequestAdapter.ConvertToNativeRequestAsync<HttpRequestMessage>(graph.Applications.ToGetRequestInformation());
        content.AddBatchRequestStep(new BatchRequestStep("org", org));
        content.AddBatchRequestStep(new BatchRequestStep("missing", missing));
        content.AddBatchRequestStep(new BatchRequestStep("dependent", dependent, ["missing"]));
        sandbox.Requests.Clear();

        var response = await graph.Batch.PostAsync(content);
        var codes = await response.GetResponsesStatusCodesAsync();
        var orgs = await response.GetResponseByIdAsync<OrganizationCollectionResponse>("org");

        Assert.Equal(200, (int)codes["org"]);
        Assert.Equal(404, (int)codes["missing"]);
        Assert.Equal(424, (int)codes["dependent"]);
        Assert.Equal(SandboxIds.FabrikamTenantId, orgs.Value![0].Id);
        var batchCall = Assert.Single(sandbox.Requests.Calls, e => e.PathAndQuery == "/v1.0/$batch");
        Assert.Equal(2, sandbox.Requests.Entries.Count(e => e.ParentSequence == batchCall.Sequence));
    }

    [Fact]
    public async Task Service_principals_for_other_tenants_apps_follow_the_multi_tenant_rule()
    {
        using var sandbox = new SandboxService();
        var fabrikam = Graph(sandbox, AdminCredential(sandbox));

        var isv = await fabrikam.ServicePrincipals.PostAsync(new ServicePrincipal { AppId = SandboxIds.ContosoTeamsCallingAppId });
        var singleTenant = await Assert.ThrowsAsync<ODataError>(() => fabrikam.ServicePrincipals.PostAsync(new ServicePrincipal { AppId = SandboxIds.ContosoAdminClientId }));
        var foreignApp = await Assert.ThrowsAsync<ODataError>(() => fabrikam.ApplicationsWithAppId(SandboxIds.ContosoTeamsCallingAppId).GetAsync());

        Assert.Equal(SandboxIds.ContosoTenantId, isv!.AppOwnerOrganizationId?.ToString());
        Assert.Equal(400, singleTenant.ResponseStatusCode);
        Assert.Equal($"The appId '{SandboxIds.ContosoAdminClientId}' of the service principal does not reference a valid application object.", singleTenant.Error!.Message);
        Assert.Equal(404, foreignApp.ResponseStatusCode);
    }
}
