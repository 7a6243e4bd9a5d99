using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Sandbox.Internal;
using static AcsTeamsAdmin.Tests.Sandbox.SandboxTestKit;

namespace AcsTeamsAdmin.Tests.Sandbox;

/// <summary>$filter=appId in (...) on servicePrincipals and applications, with Graph's limit of 15 values and its errors.</summary>
public sealed class InFilterTests
{
    private const string Token = "Application.Read.All";

    [Theory]
    [InlineData("servicePrincipals")]
    [InlineData("applications")]
    public async Task In_returns_exactly_the_objects_whose_appId_is_one_of_the_values(string set)
    {
        using var sandbox = new SandboxService();
        var present = sandbox.State.Read(data => Objects(data, set).Select(item => (string)item["appId"]!).Take(2).ToArray());
        var absent = Guid.NewGuid().ToString();
        Assert.Equal(2, present.Length);

        var (status, body, _) = await SendAsync(sandbox, HttpMethod.Get,
            $"/v1.0/{set}?$filter=appId in ('{present[0].ToUpperInvariant()}', '{absent}','{present[1]}')&$select=id,appId", ContosoToken(sandbox, Token));

        Assert.Equal(200, status);
        var found = ((JsonArray)body!["value"]!).Select(item => (string)item!["appId"]!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(present.Order(StringComparer.Ordinal), found);
        Assert.All((JsonArray)body["value"]!, item => Assert.Equal(["id", "appId"], ((JsonObject)item!).Select(property => property.Key)));
    }

    [Fact]
    public async Task Fifteen_values_are_accepted_and_sixteen_get_Graphs_too_many_child_clauses_error()
    {
        using var sandbox = new SandboxService();
        var token = ContosoToken(sandbox, Token);
        string Filter(int count) => $"/v1.0/servicePrincipals?$filter=appId in ({string.Join(',', Enumerable.Range(0, count).Select(_ => $"'{Guid.NewGuid()}'"))})";

        var (fifteen, fifteenBody, _) = await SendAsync(sandbox, HttpMethod.Get, Filter(15), token);
        var (sixteen, error, _) = await SendAsync(sandbox, HttpMethod.Get, Filter(16), token);

        Assert.Equal(200, fifteen);
        Assert.Empty((JsonArray)fifteenBody!["value"]!);
        Assert.Equal(400, sixteen);
        Assert.Equal("Request_UnsupportedQuery", (string?)error!["error"]!["code"]);
        Assert.Equal("Too many child clauses specified in search filter expression containing 'OR' operators: 16. Max allowed: 15.", (string?)error["error"]!["message"]);
    }

    [Theory]
    [InlineData("/v1.0/servicePrincipals?$filter=displayName in ('a','b')", "Unsupported or invalid query filter clause specified for property 'displayName' of resource 'servicePrincipal'.")]
    [InlineData("/v1.0/oauth2PermissionGrants?$filter=clientId in ('a','b')", "Unsupported or invalid query filter clause specified for property 'clientId' of resource 'oAuth2PermissionGrant'.")]
    [InlineData("/v1.0/applications?$filter=appId in 'a'", "Unsupported Query.")]
    [InlineData("/v1.0/applications?$filter=appId in ()", "Unsupported Query.")]
    [InlineData("/v1.0/applications?$filter=appId in ('a' 'b')", "Unsupported Query.")]
    public async Task In_where_Graph_does_not_take_it_is_an_unsupported_query(string path, string message)
    {
        using var sandbox = new SandboxService();

        var (status, error, _) = await SendAsync(sandbox, HttpMethod.Get, path, ContosoToken(sandbox, Token, "DelegatedPermissionGrant.Read.All"));

        Assert.Equal(400, status);
        Assert.Equal("Request_UnsupportedQuery", (string?)error!["error"]!["code"]);
        Assert.Equal(message, (string?)error["error"]!["message"]);
    }

    [Fact]
    public async Task In_and_eq_combine_with_and()
    {
        using var sandbox = new SandboxService();
        var first = sandbox.State.Read(data => Objects(data, "servicePrincipals").Select(item => (string)item["appId"]!).First());
        var token = ContosoToken(sandbox, Token);

        var (_, matching, _) = await SendAsync(sandbox, HttpMethod.Get, $"/v1.0/servicePrincipals?$filter=appId in ('{first}') and appId eq '{first}'", token);
        var (_, none, _) = await SendAsync(sandbox, HttpMethod.Get, $"/v1.0/servicePrincipals?$filter=appId in ('{first}') and appId eq '{Guid.NewGuid()}'", token);

        Assert.Single((JsonArray)matching!["value"]!);
        Assert.Empty((JsonArray)none!["value"]!);
    }

    [Fact]
    public async Task A_service_principals_grants_relationship_needs_Directory_Read_All_while_the_grant_list_takes_DelegatedPermissionGrant_Read_All()
    {
        using var sandbox = new SandboxService();
        var narrow = ContosoToken(sandbox, "DelegatedPermissionGrant.Read.All");
        var directory = ContosoToken(sandbox, "Directory.Read.All");
        var relationship = $"/v1.0/servicePrincipals(appId='{SandboxIds.GraphAppId}')/oauth2PermissionGrants";

        var (listWithNarrow, _, _) = await SendAsync(sandbox, HttpMethod.Get, "/v1.0/oauth2PermissionGrants?$filter=consentType eq 'AllPrincipals'", narrow);
        var (relationshipWithNarrow, denied, _) = await SendAsync(sandbox, HttpMethod.Get, relationship, narrow);
        var (relationshipWithDirectory, _, _) = await SendAsync(sandbox, HttpMethod.Get, relationship, directory);

        Assert.Equal(200, listWithNarrow);
        Assert.Equal(403, relationshipWithNarrow);
        Assert.Equal("Authorization_RequestDenied", (string?)denied!["error"]!["code"]);
        Assert.Equal(200, relationshipWithDirectory);
    }

    /// <summary>An app-only token of Contoso, the tenant with several app registrations.</summary>
    private static string ContosoToken(SandboxService sandbox, params string[] roles) =>
        sandbox.IssueAccessToken(new AccessTokenRequest { TenantId = SandboxIds.ContosoTenantId, ClientAppId = SandboxIds.ContosoAdminClientId, Roles = roles });

    private static IEnumerable<JsonObject> Objects(SandboxData data, string set)
    {
        var tenant = data.Tenants.Single(tenant => tenant.Id == SandboxIds.ContosoTenantId);
        return set == "applications" ? tenant.Applications : tenant.ServicePrincipals.Where(sp => DirectoryQueries.Str(sp, "appId") is not null);
    }
}
