using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace AcsTeamsAdmin.Tests.Sandbox;

/// <summary>The same sandbox over real HTTP on 127.0.0.1, with the hook contract other tests rely on.</summary>
public sealed class LoopbackHostTests
{
    [Fact]
    public async Task Client_credentials_then_Graph_over_real_http_and_the_requests_hook_sees_both()
    {
        using var sandbox = new SandboxService();
        await using var host = await LoopbackSandboxHost.StartAsync(sandbox);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var d = host.Description;

        using var tokenResponse = await http.PostAsync($"{d.AuthorityHost}{d.TenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = d.AdminClientId, ["client_secret"] = d.AdminClientSecret, ["scope"] = "https://graph.microsoft.com/.default",
        }));
        var token = (string)(await tokenResponse.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{d.GraphEndpoint}/organization");
        request.Headers.Authorization = new("Bearer", token);
        using var org = await http.SendAsync(request);
        var log = await http.GetFromJsonAsync<JsonArray>("/_sandbox/requests");

        Assert.StartsWith("http://127.0.0.1:", host.BaseAddress.ToString(), StringComparison.Ordinal);
        Assert.Equal(d.TenantId, (string?)(await org.Content.ReadFromJsonAsync<JsonObject>())!["value"]![0]!["id"]);
        Assert.Equal(2, log!.Count);
        Assert.Equal(d.AdminClientId, (string?)log[1]!["clientAppId"]);
        Assert.Equal(200, (int)log[1]!["status"]!);
    }

    [Fact]
    public async Task The_Graph_SDK_works_against_the_loopback_host_with_a_minted_token()
    {
        using var sandbox = new SandboxService();
        await using var host = await LoopbackSandboxHost.StartAsync(sandbox);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var minted = await http.PostAsync("/_sandbox/tokens", JsonContent.Create(new
        {
            tenantId = SandboxIds.FabrikamTenantId, clientAppId = SandboxIds.FabrikamAdminClientId, roles = new[] { "Application.Read.All" },
        }));
        var token = (string)(await minted.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!;
        var graph = new GraphServiceClient(GraphClientFactory.Create(), new BaseBearerTokenAuthenticationProvider(new Fixed(token)), host.Description.GraphEndpoint.ToString());

        var sps = await graph.ServicePrincipals.GetAsync(r => r.QueryParameters.Filter = $"appId eq '{SandboxIds.GraphAppId}'");

        Assert.Single(sps!.Value!);
        Assert.StartsWith(host.Description.GraphEndpoint + "/$metadata#", (string?)sps.AdditionalData["@odata.context"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fault_hooks_configure_and_clear_faults_and_a_loopback_reset_drops_the_connection()
    {
        using var sandbox = new SandboxService();
        await using var host = await LoopbackSandboxHost.StartAsync(sandbox);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var add = await http.PostAsync("/_sandbox/faults", new StringContent(
            """{"rules":[{"kind":"TooManyRequests","onRequests":[1],"retryAfterSeconds":0.5},{"kind":"ConnectionReset","onRequests":[2]}]}""", Encoding.UTF8, "application/json"));
        using var first = await http.GetAsync("/v1.0/organization");
        var reset = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/v1.0/organization"));

        using var clear = await http.DeleteAsync("/_sandbox/faults");
        using var third = await http.GetAsync("/v1.0/organization");

        Assert.Equal(204, (int)add.StatusCode);
        Assert.Equal(429, (int)first.StatusCode);
        Assert.Equal("0.5", first.Headers.GetValues("Retry-After").Single());
        Assert.IsAssignableFrom<IOException>(reset.InnerException);
        Assert.Equal("reset", sandbox.Requests.Entries[1].Fault);
        Assert.Equal(401, (int)third.StatusCode);
        Assert.Empty(sandbox.Faults.Rules);
    }

    [Fact]
    public async Task State_hooks_read_and_replace_the_state_and_the_log_can_be_cleared()
    {
        using var sandbox = new SandboxService();
        await using var host = await LoopbackSandboxHost.StartAsync(sandbox);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var withAcs = SandboxSeed.Create(new SandboxSeedOptions { AcsServicePrincipalInCustomer = true }).ToJson();

        var before = await http.GetFromJsonAsync<JsonObject>("/_sandbox/state");
        using var put = await http.PutAsync("/_sandbox/state", new StringContent(withAcs, Encoding.UTF8, "application/json"));
        var after = await http.GetStringAsync("/_sandbox/state");
        await http.GetAsync("/v1.0/organization");
        using var cleared = await http.DeleteAsync("/_sandbox/requests");
        var log = await http.GetFromJsonAsync<JsonArray>("/_sandbox/requests");

        Assert.Equal(2, before!["tenants"]!.AsArray().Count);
        Assert.Equal(204, (int)put.StatusCode);
        Assert.Equal(withAcs, after);
        Assert.Empty(log!);
    }

    [Fact]
    public async Task Device_code_approval_hook_approves_a_pending_code()
    {
        var state = SandboxSeed.CreateDefault();
        state.Update(d => d.Tenants.First(t => t.Id == SandboxIds.FabrikamTenantId).DeviceCodeAutoApproveUser = null);
        using var sandbox = new SandboxService(state);
        await using var host = await LoopbackSandboxHost.StartAsync(sandbox);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var tokenPath = $"/{SandboxIds.FabrikamTenantId}/oauth2/v2.0/token";

        using var dc = await http.PostAsync($"/{SandboxIds.FabrikamTenantId}/oauth2/v2.0/devicecode", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = SandboxIds.FabrikamAdminClientId, ["scope"] = "User.Read openid profile offline_access",
        }));
        var codes = (await dc.Content.ReadFromJsonAsync<JsonObject>())!;
        var poll = new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:device_code", ["client_id"] = SandboxIds.FabrikamAdminClientId, ["device_code"] = (string)codes["device_code"]!,
        };
        using var pending = await http.PostAsync(tokenPath, new FormUrlEncodedContent(poll));
        using var approve = await http.PostAsync("/_sandbox/devicecode/approve", JsonContent.Create(new { userCode = (string)codes["user_code"]!, userPrincipalName = SandboxIds.FabrikamAdminUpn }));
        using var done = await http.PostAsync(tokenPath, new FormUrlEncodedContent(poll));
        var tokens = (await done.Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(1, (int)codes["interval"]!);
        Assert.Equal("authorization_pending", (string?)(await pending.Content.ReadFromJsonAsync<JsonObject>())!["error"]);
        Assert.Equal(204, (int)approve.StatusCode);
        Assert.NotNull(tokens["refresh_token"]);
        Assert.NotNull(tokens["id_token"]);
    }

    private sealed class Fixed(string token) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(token);
    }
}
