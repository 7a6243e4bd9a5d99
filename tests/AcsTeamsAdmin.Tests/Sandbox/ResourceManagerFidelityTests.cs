using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox;
using Azure.Core;
using Azure.Identity;
using static AcsTeamsAdmin.Tests.Sandbox.SandboxTestKit;

namespace AcsTeamsAdmin.Tests.Sandbox;

/// <summary>
/// The sandbox's Azure Resource Manager answers as ARM documents it: the 2023-04-01 shapes of
/// Microsoft.Communication/communicationServices, ARM's error codes and messages (401 before anything, then
/// api-version, then 404 SubscriptionNotFound or 401 InvalidAuthenticationTokenTenant, then 403 AuthorizationFailed,
/// then 404 ResourceGroupNotFound / ResourceNotFound), its request id headers, and tokens from the real credentials.
/// </summary>
public sealed class ResourceManagerFidelityTests
{
    private const string Subscription = SandboxIds.FabrikamSubscriptionId;
    private static readonly string ResourcePath =
        $"/subscriptions/{Subscription}/resourceGroups/{SandboxIds.AcsResourceGroup}/providers/Microsoft.Communication/communicationServices/{SandboxIds.AcsResourceName}";

    [Fact]
    public async Task Azure_Identity_gets_an_ARM_token_for_the_management_scope_and_ARM_accepts_it()
    {
        using var sandbox = new SandboxService();
        var credential = AdminCredential(sandbox);

        var token = await credential.GetTokenAsync(new TokenRequestContext(["https://management.azure.com/.default"]), default);
        var (status, body) = await Send(sandbox, HttpMethod.Get, ResourcePath + "?api-version=2023-04-01", token.Token);

        Assert.Equal("https://management.azure.com/", Claims(token.Token)["aud"]!.GetValue<string>());
        Assert.Null(Claims(token.Token)["roles"]);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(SandboxIds.AcsResourceName, body!["name"]!.GetValue<string>());
        Assert.Equal("Microsoft.Communication/CommunicationServices", body["type"]!.GetValue<string>());
        Assert.Equal("global", body["location"]!.GetValue<string>());
        var properties = body["properties"]!;
        Assert.Equal(SandboxIds.AcsResourceId, properties["immutableResourceId"]!.GetValue<string>());
        Assert.Equal("sandbox.acsteams.invalid", properties["hostName"]!.GetValue<string>());
        Assert.Equal("United States", properties["dataLocation"]!.GetValue<string>());
        Assert.Equal("Succeeded", properties["provisioningState"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_managed_identity_gets_an_ARM_token_from_IMDS_with_the_resource_form_of_the_scope()
    {
        using var sandbox = new SandboxService();
        var credential = new ManagedIdentityCredential(WithSandbox(sandbox, new ManagedIdentityCredentialOptions(ManagedIdentityId.SystemAssigned)));

        var token = await credential.GetTokenAsync(new TokenRequestContext(["https://management.azure.com/.default"]), default);
        var (status, _) = await Send(sandbox, HttpMethod.Post, ResourcePath + "/listKeys?api-version=2023-04-01", token.Token);

        Assert.Equal(SandboxIds.FabrikamSystemIdentityObjectId, Claims(token.Token)["oid"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Lists_and_listKeys_have_the_documented_shapes_and_the_keys_are_the_emulated_resources()
    {
        using var sandbox = new SandboxService();
        var token = ArmToken(sandbox);

        var (_, subscriptions) = await Send(sandbox, HttpMethod.Get, "/subscriptions?api-version=2022-12-01", token);
        var (_, list) = await Send(sandbox, HttpMethod.Get, $"/subscriptions/{Subscription}/providers/Microsoft.Communication/communicationServices?api-version=2023-04-01", token);
        var (_, keys) = await Send(sandbox, HttpMethod.Post, ResourcePath + "/listKeys?api-version=2023-04-01", token);

        var seen = subscriptions!["value"]!.AsArray().Select(item => item!["subscriptionId"]!.GetValue<string>()).ToArray();
        Assert.Equal([SandboxIds.FabrikamSubscriptionId, SandboxIds.FabrikamDevSubscriptionId], seen);
        Assert.Equal("Enabled", subscriptions["value"]![0]!["state"]!.GetValue<string>());
        Assert.Equal(SandboxIds.FabrikamTenantId, subscriptions["value"]![0]!["tenantId"]!.GetValue<string>());
        Assert.Equal(ResourcePath.Replace("communicationServices", "CommunicationServices", StringComparison.Ordinal), list!["value"]![0]!["id"]!.GetValue<string>());
        var description = sandbox.Describe(SandboxService.InProcessBaseAddress);
        Assert.Equal(description.AcsConnectionString, keys!["primaryConnectionString"]!.GetValue<string>());
        Assert.EndsWith(keys["primaryKey"]!.GetValue<string>(), description.AcsConnectionString, StringComparison.Ordinal);
        Assert.NotEqual(keys["primaryKey"]!.GetValue<string>(), keys["secondaryKey"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null, "/subscriptions?api-version=2022-12-01", 401, "AuthenticationFailed", "The 'Authorization' header is missing.")]
    [InlineData("graph", "/subscriptions?api-version=2022-12-01", 401, "InvalidAuthenticationTokenAudience", "wrong audience or resource 'https://graph.microsoft.com'")]
    [InlineData("expired", "/subscriptions?api-version=2022-12-01", 401, "ExpiredAuthenticationToken", "is earlier than current UTC time")]
    [InlineData("arm", "/subscriptions", 400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.")]
    [InlineData("arm", "/subscriptions/" + Subscription + "/providers/Microsoft.Communication/communicationServices?api-version=2099-01-01", 400, "NoRegisteredProviderFound", "The supported api-versions are")]
    [InlineData("arm", "/subscriptions/not-a-guid/providers/Microsoft.Communication/communicationServices?api-version=2023-04-01", 400, "InvalidSubscriptionId", "is malformed or invalid")]
    [InlineData("arm", "/subscriptions/00000000-0000-4000-8000-0000000000aa/providers/Microsoft.Communication/communicationServices?api-version=2023-04-01", 404, "SubscriptionNotFound", "The subscription '00000000-0000-4000-8000-0000000000aa' could not be found.")]
    [InlineData("contoso", "/subscriptions/" + Subscription + "/providers/Microsoft.Communication/communicationServices?api-version=2023-04-01", 401, "InvalidAuthenticationTokenTenant", "It must match the tenant 'https://sts.windows.net/" + SandboxIds.FabrikamTenantId + "/'")]
    [InlineData("arm", "/subscriptions/" + Subscription + "/resourceGroups/rg-missing/providers/Microsoft.Communication/communicationServices?api-version=2023-04-01", 404, "ResourceGroupNotFound", "Resource group 'rg-missing' could not be found.")]
    [InlineData("arm", "/subscriptions/" + Subscription + "/resourceGroups/rg-communication/providers/Microsoft.Communication/communicationServices/nope?api-version=2023-04-01", 404, "ResourceNotFound", "The Resource 'Microsoft.Communication/CommunicationServices/nope' under resource group 'rg-communication' was not found.")]
    [InlineData("reader", "/subscriptions/" + Subscription + "/providers/Microsoft.Communication/communicationServices?api-version=2023-04-01", 403, "AuthorizationFailed", "does not have authorization to perform action 'Microsoft.Communication/CommunicationServices/read' over scope '/subscriptions/" + Subscription + "'")]
    public async Task Errors_come_in_ARMs_order_codes_and_words(string? who, string path, int status, string code, string message)
    {
        using var sandbox = new SandboxService();
        var token = who switch
        {
            null => null,
            "graph" => AppToken(sandbox, "Application.Read.All"),
            "expired" => ArmToken(sandbox, lifetime: TimeSpan.FromMinutes(-10)),
            "contoso" => sandbox.IssueAccessToken(new AccessTokenRequest { TenantId = SandboxIds.ContosoTenantId, ClientAppId = SandboxIds.ContosoAdminClientId, Audience = "https://management.azure.com/" }),
            "reader" => sandbox.IssueAccessToken(new AccessTokenRequest { TenantId = SandboxIds.FabrikamTenantId, ClientAppId = SandboxIds.FabrikamUserIdentityClientId, Audience = "https://management.azure.com/" }),
            _ => ArmToken(sandbox),
        };

        var (actual, body, headers) = await SendWithHeaders(sandbox, HttpMethod.Get, path, token);

        Assert.Equal(status, (int)actual);
        Assert.Equal(code, body!["error"]!["code"]!.GetValue<string>());
        Assert.Contains(message, body["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(headers.Contains("x-ms-request-id"));
        Assert.True(headers.Contains("x-ms-correlation-request-id"));
    }

    [Fact]
    public async Task A_role_on_the_resource_group_reads_the_group_and_its_resource_but_neither_the_subscriptions_list_nor_the_keys()
    {
        using var sandbox = new SandboxService();
        var reader = sandbox.IssueAccessToken(new AccessTokenRequest { TenantId = SandboxIds.FabrikamTenantId, ClientAppId = SandboxIds.FabrikamUserIdentityClientId, Audience = "https://management.azure.com/" });

        var (subscriptionsStatus, subscriptions) = await Send(sandbox, HttpMethod.Get, "/subscriptions?api-version=2022-12-01", reader);
        var (groupStatus, group) = await Send(sandbox, HttpMethod.Get, $"/subscriptions/{Subscription}/resourceGroups/rg-communication/providers/Microsoft.Communication/communicationServices?api-version=2023-04-01", reader);
        var (getStatus, _) = await Send(sandbox, HttpMethod.Get, ResourcePath + "?api-version=2023-04-01", reader);
        var (keysStatus, keys) = await Send(sandbox, HttpMethod.Post, ResourcePath + "/listKeys?api-version=2023-04-01", reader);

        // GET /subscriptions lists a subscription where the caller holds any role, at any scope.
        Assert.Equal(HttpStatusCode.OK, subscriptionsStatus);
        Assert.Single(subscriptions!["value"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, groupStatus);
        Assert.Single(group!["value"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, getStatus);
        Assert.Equal(HttpStatusCode.Forbidden, keysStatus);
        Assert.Contains("'Microsoft.Communication/CommunicationServices/ListKeys/action'", keys!["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_loopback_host_the_resources_hostName_and_connection_string_are_the_address_the_client_called()
    {
        using var sandbox = new SandboxService();
        await using var host = await LoopbackSandboxHost.StartAsync(sandbox);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, ResourcePath + "/listKeys?api-version=2023-04-01");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ArmToken(sandbox));
        using var get = new HttpRequestMessage(HttpMethod.Get, ResourcePath + "?api-version=2023-04-01");
        get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ArmToken(sandbox));

        var keys = JsonNode.Parse(await (await http.SendAsync(request)).Content.ReadAsStringAsync())!;
        var resource = JsonNode.Parse(await (await http.SendAsync(get)).Content.ReadAsStringAsync())!;

        Assert.Equal(host.BaseAddress.Authority, resource["properties"]!["hostName"]!.GetValue<string>());
        Assert.Equal(host.Description.AcsConnectionString, keys["primaryConnectionString"]!.GetValue<string>());
    }

    private static string ArmToken(SandboxService sandbox, TimeSpan? lifetime = null) => sandbox.IssueAccessToken(new AccessTokenRequest
    {
        TenantId = SandboxIds.FabrikamTenantId,
        ClientAppId = SandboxIds.FabrikamAdminClientId,
        Audience = "https://management.azure.com/",
        Lifetime = lifetime,
    });

    private static JsonObject Claims(string token) => (JsonObject)JsonNode.Parse(Convert.FromBase64String(Pad(token.Split('.')[1])))!;

    private static string Pad(string segment)
    {
        var base64 = segment.Replace('-', '+').Replace('_', '/');
        return base64 + new string('=', (4 - (base64.Length % 4)) % 4);
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> Send(SandboxService sandbox, HttpMethod method, string path, string? token)
    {
        var (status, body, _) = await SendWithHeaders(sandbox, method, path, token);
        return (status, body);
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseHeaders Headers)> SendWithHeaders(SandboxService sandbox, HttpMethod method, string path, string? token)
    {
        using var http = Http(sandbox);
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response.Headers);
    }
}
