using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Identity.Client;
using Microsoft.Kiota.Abstractions.Authentication;

namespace AcsTeamsAdmin.Tests.Sandbox;

/// <summary>Wires the real client libraries to a sandbox through its in-process handler: only the transport is swapped.</summary>
internal static class SandboxTestKit
{
    public static readonly string Base = SandboxService.InProcessBaseAddress.GetLeftPart(UriPartial.Authority);

    public static HttpClient Http(SandboxService sandbox) => new(sandbox.CreateHandler()) { BaseAddress = SandboxService.InProcessBaseAddress };

    public static IConfidentialClientApplication Confidential(SandboxService sandbox, string tenant, string clientId, string secret) =>
        ConfidentialClientApplicationBuilder.Create(clientId)
            .WithAuthority($"{Base}/{tenant}")
            .WithClientSecret(secret)
            .WithHttpClientFactory(new MsalHttp(sandbox))
            .Build();

    public static IPublicClientApplication Public(SandboxService sandbox, string tenant, string clientId) =>
        PublicClientApplicationBuilder.Create(clientId)
            .WithAuthority($"{Base}/{tenant}")
            .WithRedirectUri("http://localhost")
            .WithHttpClientFactory(new MsalHttp(sandbox))
            .Build();

    public static T WithSandbox<T>(SandboxService sandbox, T options)
        where T : TokenCredentialOptions
    {
        options.AuthorityHost = SandboxService.InProcessBaseAddress;
        options.Transport = new HttpClientTransport(sandbox.CreateHandler());
        options.Retry.MaxRetries = 0;
        return options;
    }

    public static ClientSecretCredential AdminCredential(SandboxService sandbox, string tenant = SandboxIds.FabrikamTenantId, string clientId = SandboxIds.FabrikamAdminClientId, string secret = SandboxIds.FabrikamAdminClientSecret) =>
        new(tenant, clientId, secret, WithSandbox(sandbox, new ClientSecretCredentialOptions()));

    /// <summary>The Graph SDK exactly as the engine builds it: GraphClientFactory's middleware over the sandbox handler.</summary>
    public static GraphServiceClient Graph(SandboxService sandbox, Azure.Core.TokenCredential credential, string? scope = null)
    {
        var httpClient = GraphClientFactory.Create(finalHandler: sandbox.CreateHandler());
        var scopes = new[] { scope ?? "https://graph.microsoft.com/.default" };
        var auth = new Microsoft.Graph.Authentication.AzureIdentityAuthenticationProvider(credential, ["sandbox.acsteams.invalid"], null, false, scopes);
        return new GraphServiceClient(httpClient, auth, Base + "/v1.0");
    }

    /// <summary>A Graph client that sends a fixed token (minted with IssueAccessToken).</summary>
    public static GraphServiceClient Graph(SandboxService sandbox, string accessToken)
    {
        var httpClient = GraphClientFactory.Create(finalHandler: sandbox.CreateHandler());
        return new GraphServiceClient(httpClient, new BaseBearerTokenAuthenticationProvider(new FixedToken(accessToken)), Base + "/v1.0");
    }

    public static string AppToken(SandboxService sandbox, params string[] roles) =>
        sandbox.IssueAccessToken(new AccessTokenRequest { TenantId = SandboxIds.FabrikamTenantId, ClientAppId = SandboxIds.FabrikamAdminClientId, Roles = roles });

    public static async Task<(int Status, JsonObject? Body, HttpResponseMessage Response)> SendAsync(
        SandboxService sandbox, HttpMethod method, string path, string? token, JsonNode? body = null, IDictionary<string, string>? headers = null)
    {
        using var http = Http(sandbox);
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        }

        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonNode.Parse(text) as JsonObject : null, response);
    }

    public static JsonObject DecodeJwt(string token)
    {
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload += (payload.Length % 4) switch { 2 => "==", 3 => "=", _ => "" };
        return (JsonObject)JsonNode.Parse(Convert.FromBase64String(payload))!;
    }

    private sealed class MsalHttp(SandboxService sandbox) : IMsalHttpClientFactory
    {
        private readonly HttpClient _client = new(sandbox.CreateHandler());

        public HttpClient GetHttpClient() => _client;
    }

    private sealed class FixedToken(string token) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(token);
    }
}

/// <summary>A clock tests move by hand.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
