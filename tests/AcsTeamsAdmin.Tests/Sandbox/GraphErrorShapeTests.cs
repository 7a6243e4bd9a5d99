using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox;
using static AcsTeamsAdmin.Tests.Sandbox.SandboxTestKit;

namespace AcsTeamsAdmin.Tests.Sandbox;

/// <summary>Status codes, error codes, messages and headers exactly as Graph gives them.</summary>
public sealed class GraphErrorShapeTests
{
    [Fact]
    public async Task An_error_has_Graphs_shape_and_echoes_the_client_request_id()
    {
        using var sandbox = new SandboxService();
        var clientRequestId = Guid.NewGuid().ToString();

        var (status, body, response) = await SendAsync(sandbox, HttpMethod.Get, "/v1.0/servicePrincipals/not-a-guid", AppToken(sandbox, "Application.Read.All"),
            headers: new Dictionary<string, string> { ["client-request-id"] = clientRequestId });

        Assert.Equal(400, status);
        var error = body!["error"]!.AsObject();
        Assert.Equal("Request_BadRequest", (string?)error["code"]);
        Assert.Equal("Invalid object identifier 'not-a-guid'.", (string?)error["message"]);
        var inner = error["innerError"]!.AsObject();
        Assert.Equal(clientRequestId, (string?)inner["client-request-id"]);
        Assert.Equal(response.Headers.GetValues("request-id").Single(), (string?)inner["request-id"]);
        Assert.True(DateTime.TryParse((string?)inner["date"], System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.Equal(clientRequestId, response.Headers.GetValues("client-request-id").Single());
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("malformed")]
    [InlineData("expired")]
    [InlineData("audience")]
    public async Task Bad_tokens_get_401_InvalidAuthenticationToken(string kind)
    {
        using var sandbox = new SandboxService();
        var token = kind switch
        {
            "missing" => null,
            "malformed" => "not-a-jwt",
            "expired" => sandbox.IssueAccessToken(new AccessTokenRequest
            {
                TenantId = SandboxIds.FabrikamTenantId, ClientAppId = SandboxIds.FabrikamAdminClientId, Roles = ["Application.Read.All"], Lifetime = TimeSpan.FromMinutes(-10),
            }),
            _ => sandbox.IssueAccessToken(new AccessTokenRequest
            {
                TenantId = SandboxIds.FabrikamTenantId, ClientAppId = SandboxIds.FabrikamAdminClientId, Roles = ["Application.Read.All"], Audience = "https://communication.azure.com",
            }),
        };

        var (status, body, response) = await SendAsync(sandbox, HttpMethod.Get, "/v1.0/servicePrincipals", token);

        Assert.Equal(401, status);
        Assert.Equal("InvalidAuthenticationToken", (string?)body!["error"]!["code"]);
        Assert.NotNull(response.Headers.WwwAuthenticate.SingleOrDefault());
    }

    [Fact]
    public async Task A_token_within_five_minutes_of_expiry_is_still_accepted_but_not_after()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        using var sandbox = new SandboxService(time: clock);
        var token = AppToken(sandbox, "Application.Read.All");

        clock.Now += TimeSpan.FromMinutes(63);
        var (withinSkew, _, _) = await SendAsync(sandbox, HttpMethod.Get, "/v1.0/servicePrincipals", token);
        clock.Now += TimeSpan.FromMinutes(3);
        var (afterSkew, _, _) = await SendAsync(sandbox, HttpMethod.Get, "/v1.0/servicePrincipals", token);

        Assert.Equal(200, withinSkew);
        Assert.Equal(401, afterSkew);
    }

    [Fact]
    public async Task Unsupported_filters_and_query_options_get_Request_UnsupportedQuery()
    {
        using var sandbox = new SandboxService();
        var token = AppToken(sandbox, "Application.Read.All");

        var (notEq, body1, _) = await SendAsync(sandbox, HttpMethod.Get, "/v1.0/servicePrincipals?$filter=displayName ne 'x'", token);
        var (otherProperty, body2, _) = await SendAsync(sandbox, HttpMethod.Get, "/v1.0/servicePrincipals?$filter=homepage eq 'x'", token);
        var (count, body3, _) = await SendAsync(sandbox, HttpMethod.Get, "/v1.0/servicePrincipals?$count=true", token);
        var (countOk, body4, _) = await SendAsync(sandbox, HttpMethod.Get, "/v1.0/servicePrincipals?$count=true", token, headers: new Dictionary<string, string> { ["ConsistencyLevel"] = "eventual" });

        Assert.Equal((400, "Request_UnsupportedQuery"), (notEq, (string?)body1!["error"]!["code"]));
        Assert.Equal("Unsupported or invalid query filter clause specified for property 'homepage' of resource 'servicePrincipal'.", (string?)body2!["error"]!["message"]);
        Assert.Equal(400, otherProperty);
        Assert.Equal((400, "$count is not currently supported."), (count, (string?)body3!["error"]!["message"]));
        Assert.Equal(200, countOk);
        Assert.Equal(body4!["value"]!.AsArray().Count, (int)body4["@odata.count"]!);
    }

    [Fact]
    public async Task Collections_carry_an_odata_context_like_Graphs()
    {
        using var sandbox = new SandboxService();

        var (_, body, response) = await SendAsync(sandbox, HttpMethod.Get, "/v1.0/servicePrincipals?$select=id,appId", AppToken(sandbox, "Application.Read.All"));

        Assert.Equal(Base + "/v1.0/$metadata#servicePrincipals(id,appId)", (string?)body!["@odata.context"]);
        Assert.All(body["value"]!.AsArray(), v => Assert.Equal(["id", "appId"], v!.AsObject().Select(p => p.Key)));
        Assert.StartsWith("application/json", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_permissions_in_requiredResourceAccess_are_refused_and_nothing_changes()
    {
        using var sandbox = new SandboxService();
        var token = sandbox.IssueAccessToken(new AccessTokenRequest { TenantId = SandboxIds.ContosoTenantId, ClientAppId = SandboxIds.ContosoAdminClientId, Roles = ["Application.ReadWrite.All"] });
        var resources = new JsonArray(Enumerable.Range(0, 51).Select(_ => (JsonNode)new JsonObject
        {
            ["resourceAppId"] = Guid.NewGuid().ToString(),
            ["resourceAccess"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["type"] = "Scope" }),
        }).ToArray());
        var tooMany = new JsonArray(new JsonObject
        {
            ["resourceAppId"] = SandboxIds.GraphAppId,
            ["resourceAccess"] = new JsonArray(Enumerable.Range(0, 401).Select(_ => (JsonNode)new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["type"] = "Scope" }).ToArray()),
        });
        var path = $"/v1.0/applications/{SandboxIds.ContosoTeamsCallingObjectId}";

        var (fiftyOne, body, _) = await SendAsync(sandbox, HttpMethod.Patch, path, token, new JsonObject { ["requiredResourceAccess"] = resources });
        var (fourHundredOne, _, _) = await SendAsync(sandbox, HttpMethod.Patch, path, token, new JsonObject { ["requiredResourceAccess"] = tooMany });
        var (_, app, _) = await SendAsync(sandbox, HttpMethod.Get, path, token);

        Assert.Equal(400, fiftyOne);
        Assert.Equal("Request_BadRequest", (string?)body!["error"]!["code"]);
        Assert.Equal(400, fourHundredOne);
        Assert.Equal(2, app!["requiredResourceAccess"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_batch_of_21_or_a_step_with_a_body_but_no_content_type_is_refused_whole()
    {
        using var sandbox = new SandboxService();
        var token = AppToken(sandbox, "Organization.Read.All");
        var twentyOne = new JsonObject
        {
            ["requests"] = new JsonArray(Enumerable.Range(1, 21).Select(i => (JsonNode)new JsonObject { ["id"] = $"{i}", ["method"] = "GET", ["url"] = "/organization" }).ToArray()),
        };
        var noContentType = new JsonObject
        {
            ["requests"] = new JsonArray(new JsonObject { ["id"] = "1", ["method"] = "POST", ["url"] = "/servicePrincipals", ["body"] = new JsonObject { ["appId"] = SandboxIds.AcsAppId } }),
        };

        var (s1, _, _) = await SendAsync(sandbox, HttpMethod.Post, "/v1.0/$batch", token, twentyOne);
        var (s2, b2, _) = await SendAsync(sandbox, HttpMethod.Post, "/v1.0/$batch", token, noContentType);

        Assert.Equal(400, s1);
        Assert.Equal(400, s2);
        Assert.Equal("Write request id : 1 does not contain Content-Type header or body.", (string?)b2!["error"]!["message"]);
        Assert.DoesNotContain(sandbox.Requests.Entries, e => e.ParentSequence is not null);
    }

    [Fact]
    public async Task Batch_replies_do_not_come_back_in_request_order()
    {
        using var sandbox = new SandboxService();
        var batch = new JsonObject
        {
            ["requests"] = new JsonArray(Enumerable.Range(1, 3).Select(i => (JsonNode)new JsonObject { ["id"] = $"{i}", ["method"] = "GET", ["url"] = "/organization" }).ToArray()),
        };

        var (_, body, _) = await SendAsync(sandbox, HttpMethod.Post, "/v1.0/$batch", AppToken(sandbox, "Organization.Read.All"), batch);

        Assert.Equal(["3", "2", "1"], body!["responses"]!.AsArray().Select(r => (string?)r!["id"]));
    }
}
