using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox;
using static AcsTeamsAdmin.Tests.Sandbox.SandboxTestKit;

namespace AcsTeamsAdmin.Tests.Sandbox;

public sealed class SandboxStateTests
{
    [Fact]
    public async Task State_round_trips_through_JSON_exactly_after_changes()
    {
        using var sandbox = new SandboxService();
        await SendAsync(sandbox, HttpMethod.Post, "/v1.0/servicePrincipals", AppToken(sandbox, "Application.ReadWrite.All"), new JsonObject { ["appId"] = SandboxIds.AcsAppId });
        var path = Path.Combine(Path.GetTempPath(), $"sandbox-{Guid.NewGuid():N}.json");
        try
        {
            sandbox.SaveState(path);
            using var loaded = SandboxService.LoadState(path);

            var original = sandbox.State.ToJson();
            Assert.Equal(original, loaded.State.ToJson());
            Assert.Equal(original, SandboxState.FromJson(original).ToJson());
            Assert.Contains(SandboxIds.AcsAppId, original, StringComparison.Ordinal);
            // And the loaded sandbox behaves like the saved one.
            var (status, _, _) = await SendAsync(loaded, HttpMethod.Get, $"/v1.0/servicePrincipals(appId='{SandboxIds.AcsAppId}')", AppToken(loaded, "Application.Read.All"));
            Assert.Equal(200, status);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Two_default_seeds_differ_only_in_their_random_ACS_access_key()
    {
        var a = SandboxSeed.CreateDefault();
        var b = SandboxSeed.CreateDefault();
        b.Update(d => d.AcsAccessKey = a.Read(x => x.AcsAccessKey));

        Assert.Equal(a.ToJson(), b.ToJson());
    }

    [Fact]
    public async Task Concurrent_creates_of_one_service_principal_give_exactly_one_201()
    {
        using var sandbox = new SandboxService();
        var token = AppToken(sandbox, "Application.ReadWrite.All");

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ =>
            SendAsync(sandbox, HttpMethod.Post, "/v1.0/servicePrincipals", token, new JsonObject { ["appId"] = SandboxIds.AcsAppId })));

        Assert.Equal(1, results.Count(r => r.Status == 201));
        Assert.Equal(39, results.Count(r => r.Status == 409));
        Assert.Equal(1, sandbox.State.Read(d => d.Tenants.First(t => t.Id == SandboxIds.FabrikamTenantId).ServicePrincipals.Count(sp => (string?)sp["appId"] == SandboxIds.AcsAppId)));
        Assert.Equal(40, sandbox.Requests.Entries.Select(e => e.Sequence).Distinct().Count());
    }

    [Fact]
    public void Seed_variants_shape_the_tenants_as_asked()
    {
        var plain = SandboxSeed.CreateDefault().Snapshot();
        var variant = SandboxSeed.Create(new SandboxSeedOptions { AcsServicePrincipalInCustomer = true, ListVoipScope = true, IncludeEmptyTenant = true }).Snapshot();

        static JsonObject? AcsSp(SandboxData d) => d.Tenants.First(t => t.Id == SandboxIds.FabrikamTenantId).ServicePrincipals.FirstOrDefault(sp => (string?)sp["appId"] == SandboxIds.AcsAppId);

        Assert.Null(AcsSp(plain));
        Assert.Contains(AcsSp(variant)!["oauth2PermissionScopes"]!.AsArray(), s => (string?)s!["id"] == SandboxIds.AcsVoipScopeId && (string?)s["value"] == "VoIP");
        Assert.Equal(2, plain.Tenants.Count);
        Assert.Equal(3, variant.Tenants.Count);
        var contosoApp = plain.Tenants.First(t => t.Id == SandboxIds.ContosoTenantId).Applications.First(a => (string?)a["appId"] == SandboxIds.ContosoTeamsCallingAppId);
        Assert.Equal("AzureADMultipleOrgs", (string?)contosoApp["signInAudience"]);
        Assert.DoesNotContain(contosoApp["requiredResourceAccess"]!.AsArray(), r => (string?)r!["resourceAppId"] == SandboxIds.AcsAppId);
        Assert.Null((string?)contosoApp["verifiedPublisher"]!["verifiedPublisherId"]);
    }

    [Fact]
    public void The_description_names_the_endpoints_for_a_base_address_and_serialises_camelCase()
    {
        using var sandbox = new SandboxService();

        var description = sandbox.Describe(new Uri("http://127.0.0.1:5123/"));
        var json = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(description, SandboxJson.Options))!.AsObject();

        Assert.Equal("http://127.0.0.1:5123/v1.0", (string?)json["graphEndpoint"]);
        Assert.Equal("http://127.0.0.1:5123", (string?)json["authorityHost"]);
        Assert.StartsWith("endpoint=http://127.0.0.1:5123/;accesskey=", (string?)json["acsConnectionString"], StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(((string)json["acsConnectionString"]!).Split("accesskey=")[1]).Length);
        Assert.Equal(SandboxIds.FabrikamTenantId, (string?)json["tenantId"]);
        Assert.Equal(SandboxIds.FabrikamAdminClientSecret, (string?)json["adminClientSecret"]);
        Assert.Equal(SandboxIds.FabrikamTeamsUserId, (string?)json["teamsUserObjectId"]);
        Assert.Equal(2, json["tenants"]!.AsArray().Count);
    }
}
