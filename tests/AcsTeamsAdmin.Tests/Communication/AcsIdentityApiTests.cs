using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AcsTeamsAdmin.Sandbox;

namespace AcsTeamsAdmin.Tests.Communication;

/// <summary>The sandbox's ACS identity API on the wire: bodies, headers, and the reference table's error rows.</summary>
public partial class AcsIdentityApiTests
{
    private const string V = "?api-version=2023-10-01";

    [Fact]
    public async Task Create_answers_201_with_an_identity_of_this_resource_and_a_token_whose_expiresOn_has_seven_digits_and_an_offset()
    {
        using var sandbox = new SandboxService();

        var (status, body, response) = await SignedRequests.SendAsync(sandbox, HttpMethod.Post, "/identities" + V, """{"createTokenWithScopes":["chat","voip"],"expiresInMinutes":60}""");

        Assert.Equal(201, status);
        Assert.Matches("^8:acs:" + SandboxIds.AcsResourceId + "_[0-9a-f-]{36}$", (string)body!["identity"]!["id"]!);
        Assert.Matches(ExpiresOnShape(), (string)body["accessToken"]!["expiresOn"]!);
        Assert.Equal(3, ((string)body["accessToken"]!["token"]!).Split('.').Length);
        Assert.Equal("raw-test-request", response.Headers.GetValues("x-ms-client-request-id").Single());
        Assert.False(string.IsNullOrEmpty(response.Headers.GetValues("MS-CV").Single()));
        Assert.Contains("2023-10-01", response.Headers.GetValues("api-supported-versions").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_without_a_body_makes_a_bare_identity_as_the_JavaScript_SDK_expects()
    {
        using var sandbox = new SandboxService();

        var (status, body, _) = await SignedRequests.SendAsync(sandbox, HttpMethod.Post, "/identities" + V, null);

        Assert.Equal(201, status);
        Assert.Null(body!["accessToken"]);
    }

    [Theory]
    [InlineData("""{"scopes":["chat"],"expiresInMinutes":59}""", "ExpiresInMinutes value 59 is invalid. Value must be within the [60, 1440] interval.", "ExpiresInMinutes")]
    [InlineData("""{"scopes":["chat"],"expiresInMinutes":1441}""", "ExpiresInMinutes value 1441 is invalid. Value must be within the [60, 1440] interval.", "ExpiresInMinutes")]
    [InlineData("""{"scopes":[]}""", "Invalid scopes - Scopes field is required.", "scopes")]
    [InlineData("""{"scopes":["chat","video"]}""", "Invalid scopes - 'video' is not a valid scope.", "scopes")]
    public async Task Issue_validation_errors_have_the_services_code_message_and_target(string request, string message, string target)
    {
        using var sandbox = new SandboxService();
        var id = await CreateAsync(sandbox);

        var (status, body, _) = await SignedRequests.SendAsync(sandbox, HttpMethod.Post, $"/identities/{Uri.EscapeDataString(id)}/:issueAccessToken{V}", request);

        Assert.Equal(400, status);
        Assert.Equal("ValidationError", SignedRequests.Code(body));
        Assert.Equal(message, SignedRequests.Message(body));
        Assert.Equal(target, SignedRequests.Target(body));
    }

    [Theory]
    [InlineData("2021-03-07", "/teamsUser/:exchangeAccessToken", "UnsupportedApiVersion")]
    [InlineData("2099-01-01", "/identities", "UnsupportedApiVersion")]
    [InlineData("", "/identities", "ApiVersionUnspecified")]
    public async Task Api_versions_are_required_and_gate_features(string version, string path, string code)
    {
        using var sandbox = new SandboxService();

        var (status, body, _) = await SignedRequests.SendAsync(sandbox, HttpMethod.Post, version.Length == 0 ? path : $"{path}?api-version={version}", "{}");

        Assert.Equal(400, status);
        Assert.Equal(code, SignedRequests.Code(body));
        if (version.Length > 0)
        {
            Assert.Contains(version, SignedRequests.Message(body), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Join_scopes_need_2023_10_01_and_older_versions_ignore_expiresInMinutes()
    {
        using var sandbox = new SandboxService();

        var (joinStatus, joinBody, _) = await SignedRequests.SendAsync(sandbox, HttpMethod.Post, "/identities?api-version=2022-10-01", """{"createTokenWithScopes":["voip.join"]}""");
        var (oldStatus, oldBody, _) = await SignedRequests.SendAsync(sandbox, HttpMethod.Post, "/identities?api-version=2022-06-01", """{"createTokenWithScopes":["chat"],"expiresInMinutes":60}""");

        Assert.Equal((400, "ValidationError", "scopes"), (joinStatus, SignedRequests.Code(joinBody), SignedRequests.Target(joinBody)));
        Assert.Equal(201, oldStatus);
        var expires = DateTimeOffset.Parse((string)oldBody!["accessToken"]!["expiresOn"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24.1));
    }

    [Theory]
    [InlineData("", "app", "user", 400, "ValidationError", "AppId: The AppId field is required.", "AppId")]
    [InlineData("", "app", "", 400, "ValidationError", "AppId: The AppId field is required.", "AppId")]
    [InlineData("", "not-a-guid", "user", 400, "ValidationError", "Provided AppId has invalid format.", "appId")]
    [InlineData("", "other", "user", 400, "ValidationError", "AAD application is not the expected one.", "appId")]
    [InlineData("", "app", "", 400, "ValidationError", "UserId: The UserId field is required.", "UserId")]
    [InlineData("", "app", "not-a-guid", 400, "ValidationError", "Provided UserId has invalid format.", "userId")]
    [InlineData("", "app", "other", 400, "ValidationError", "Provided AAD token issued for unexpected user.", "userId")]
    [InlineData("empty", "app", "user", 401, "InvalidAccessToken", "Provided access token is not valid.", null)]
    [InlineData("malformed", "app", "user", 401, "InvalidAccessToken", "Provided access token is not valid.", null)]
    [InlineData("expired", "app", "user", 401, "InvalidAccessToken", "Provided access token is not valid.", null)]
    [InlineData("graph", "app", "user", 401, "InvalidAccessToken", "Provided access token is not valid.", null)]
    [InlineData("callsOnly", "app", "user", 401, "InvalidAccessToken", "Provided access token is not valid.", null)]
    public async Task The_exchange_answers_each_row_of_the_reference_table(string tokenKind, string appKind, string userKind, int status, string code, string message, string? target)
    {
        using var sandbox = new SandboxService();
        var token = tokenKind switch
        {
            "empty" => "",
            "malformed" => "not-a-jwt",
            "expired" => AcsTestKit.TeamsToken(sandbox, lifetime: TimeSpan.FromMinutes(-5)),
            "graph" => AcsTestKit.TeamsToken(sandbox, audience: SandboxIds.GraphAudience),
            "callsOnly" => AcsTestKit.TeamsToken(sandbox, scopes: ["Teams.ManageCalls"]),
            _ => AcsTestKit.TeamsToken(sandbox),
        };

        // Row 2 ("appId empty" while userId is also empty) proves the order: appId is reported first.
        var appId = appKind switch { "app" when message.StartsWith("AppId:", StringComparison.Ordinal) => "", "app" => SandboxIds.ContosoTeamsCallingAppId, "other" => SandboxIds.ContosoApiAppId, _ => appKind };
        var userId = userKind switch { "user" => SandboxIds.FabrikamTeamsUserId, "other" => SandboxIds.FabrikamAdminUserId, _ => userKind };
        var request = new JsonObject { ["token"] = token, ["appId"] = appId, ["userId"] = userId }.ToJsonString();

        var (actualStatus, body, _) = await SignedRequests.SendAsync(sandbox, HttpMethod.Post, "/teamsUser/:exchangeAccessToken" + V, request);

        Assert.Equal(status, actualStatus);
        Assert.Equal(code, SignedRequests.Code(body));
        Assert.Equal(message, SignedRequests.Message(body));
        Assert.Equal(target, SignedRequests.Target(body));
    }

    [Fact]
    public async Task A_tampered_body_a_wrong_key_and_a_stale_date_are_each_401_Denied_and_change_nothing()
    {
        using var sandbox = new SandboxService();
        var otherKey = Convert.ToBase64String(new byte[32]);

        var tampered = await SignedRequests.SendAsync(sandbox, HttpMethod.Post, "/identities" + V, """{"createTokenWithScopes":["chat"]}""", sentBody: """{"createTokenWithScopes":["voip"]}""");
        var wrongKey = await SignedRequests.SendAsync(sandbox, HttpMethod.Post, "/identities" + V, "{}", key: otherKey);
        var stale = await SignedRequests.SendAsync(sandbox, HttpMethod.Post, "/identities" + V, "{}", date: DateTimeOffset.UtcNow.AddMinutes(-16));
        var fresh = await SignedRequests.SendAsync(sandbox, HttpMethod.Post, "/identities" + V, "{}", date: DateTimeOffset.UtcNow.AddMinutes(-14));

        Assert.Equal((401, "Denied"), (tampered.Status, SignedRequests.Code(tampered.Body)));
        Assert.Equal("Request 'x-ms-content-sha256' differs from generated content hash.", SignedRequests.Message(tampered.Body));
        Assert.Equal((401, "Denied"), (wrongKey.Status, SignedRequests.Code(wrongKey.Body)));
        Assert.Equal((401, "Denied"), (stale.Status, SignedRequests.Code(stale.Body)));
        Assert.Equal(201, fresh.Status);
        Assert.Single(sandbox.State.Read(d => d.AcsIdentities.ToArray()));
    }

    [Fact]
    public async Task Revoked_tokens_and_tokens_of_deleted_identities_fail_the_validation_hook()
    {
        using var sandbox = new SandboxService();
        var (_, created, _) = await SignedRequests.SendAsync(sandbox, HttpMethod.Post, "/identities" + V, """{"createTokenWithScopes":["voip"]}""");
        var id = (string)created!["identity"]!["id"]!;
        var before = (string)created["accessToken"]!["token"]!;
        var path = "/identities/" + Uri.EscapeDataString(id);
        Assert.True(sandbox.ValidateAcsToken(before).Valid);

        Assert.Equal(204, (await SignedRequests.SendAsync(sandbox, HttpMethod.Post, $"{path}/:revokeAccessTokens{V}", null)).Status);
        var (_, reissued, _) = await SignedRequests.SendAsync(sandbox, HttpMethod.Post, $"{path}/:issueAccessToken{V}", """{"scopes":["voip"]}""");
        var after = (string)reissued!["token"]!;
        using var http = new HttpClient(sandbox.CreateHandler());
        var hook = await http.PostAsync(new Uri(SandboxService.InProcessBaseAddress, "/_sandbox/acs/tokens/validate"),
            new StringContent(new JsonObject { ["token"] = before }.ToJsonString()));
        var hookAnswer = JsonNode.Parse(await hook.Content.ReadAsStringAsync())!;

        Assert.Equal(("Revoked", false), (sandbox.ValidateAcsToken(before).Reason, sandbox.ValidateAcsToken(before).Valid));
        Assert.Equal((false, "Revoked"), ((bool)hookAnswer["valid"]!, (string?)hookAnswer["reason"]));
        Assert.True(sandbox.ValidateAcsToken(after).Valid);

        Assert.Equal(204, (await SignedRequests.SendAsync(sandbox, HttpMethod.Delete, path + V, null)).Status);
        Assert.Equal("IdentityDeleted", sandbox.ValidateAcsToken(after).Reason);
        var again = await SignedRequests.SendAsync(sandbox, HttpMethod.Post, $"{path}/:issueAccessToken{V}", """{"scopes":["voip"]}""");
        Assert.Equal((404, "IdentityNotFound"), (again.Status, SignedRequests.Code(again.Body)));
        var foreign = await SignedRequests.SendAsync(sandbox, HttpMethod.Post, $"/identities/{Uri.EscapeDataString("8:acs:00000000-0000-0000-0000-000000000000_" + Guid.NewGuid())}/:revokeAccessTokens{V}", null);
        Assert.Equal((401, "IdentityNotOwned"), (foreign.Status, SignedRequests.Code(foreign.Body)));
    }

    [Fact]
    public async Task ACS_requests_are_logged_with_their_MS_CV_and_faulted_like_Graph()
    {
        using var sandbox = new SandboxService();
        sandbox.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable, OnRequests = [1], PathPrefix = "/identities", RetryAfterSeconds = 0 });

        var faulted = await SignedRequests.SendAsync(sandbox, HttpMethod.Post, "/identities" + V, "{}");
        var served = await SignedRequests.SendAsync(sandbox, HttpMethod.Post, "/identities" + V, "{}");

        Assert.Equal(503, faulted.Status);
        Assert.Equal(201, served.Status);
        var entries = AcsTestKit.AcsCalls(sandbox);
        Assert.Equal(["503", null], entries.Select(e => e.Fault));
        Assert.Equal(served.Response.Headers.GetValues("MS-CV").Single(), entries[1].RequestId);
    }

    private static async Task<string> CreateAsync(SandboxService sandbox) =>
        (string)(await SignedRequests.SendAsync(sandbox, HttpMethod.Post, "/identities" + V, "{}")).Body!["identity"]!["id"]!;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}\+00:00$")]
    private static partial Regex ExpiresOnShape();
}
