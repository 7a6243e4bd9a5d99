using AcsTeamsAdmin.Sandbox;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using static AcsTeamsAdmin.Tests.Sandbox.SandboxTestKit;

namespace AcsTeamsAdmin.Tests.Sandbox;

/// <summary>Azure.Identity's credentials, unmodified, with the sandbox as transport and authority host.</summary>
public sealed class AzureIdentityFidelityTests
{
    private static readonly TokenRequestContext GraphScope = new(["https://graph.microsoft.com/.default"]);

    [Fact]
    public async Task ClientSecretCredential_gets_an_app_token_for_Graph_and_for_the_ACS_data_plane()
    {
        using var sandbox = new SandboxService();
        var credential = AdminCredential(sandbox);

        var graph = await credential.GetTokenAsync(GraphScope, default);
        var acs = await credential.GetTokenAsync(new TokenRequestContext(["https://communication.azure.com//.default"]), default);

        Assert.Equal("https://graph.microsoft.com", (string?)DecodeJwt(graph.Token)["aud"]);
        Assert.Equal("https://communication.azure.com", (string?)DecodeJwt(acs.Token)["aud"]);
        Assert.Null(DecodeJwt(acs.Token)["roles"]);
    }

    [Fact]
    public async Task ClientSecretCredential_accepts_the_sandbox_base_address_and_the_Graph_app_id_as_Graph()
    {
        using var sandbox = new SandboxService();
        var credential = AdminCredential(sandbox);

        var byBase = await credential.GetTokenAsync(new TokenRequestContext([Base + "/.default"]), default);
        var byAppId = await credential.GetTokenAsync(new TokenRequestContext(["00000003-0000-0000-c000-000000000000/.default"]), default);

        Assert.Equal("https://graph.microsoft.com", (string?)DecodeJwt(byBase.Token)["aud"]);
        Assert.Equal(SandboxIds.GraphAppId, (string?)DecodeJwt(byAppId.Token)["aud"]);
    }

    [Fact]
    public async Task DeviceCodeCredential_completes_unattended_with_auto_approval()
    {
        using var sandbox = new SandboxService();
        var prompts = 0;
        var credential = new DeviceCodeCredential(WithSandbox(sandbox, new DeviceCodeCredentialOptions
        {
            TenantId = SandboxIds.FabrikamTenantId,
            ClientId = SandboxIds.FabrikamAdminClientId,
            DeviceCodeCallback = (_, _) => { prompts++; return Task.CompletedTask; },
        }));

        var token = await credential.GetTokenAsync(new TokenRequestContext(["https://graph.microsoft.com/Application.ReadWrite.All"]), default);

        Assert.Equal(1, prompts);
        var claims = DecodeJwt(token.Token);
        Assert.Equal(SandboxIds.FabrikamAdminUpn, (string?)claims["upn"]);
        Assert.Contains("62e90394-69f5-4237-9190-012177145e10", claims["wids"]!.AsArray().Select(w => (string?)w));
    }

    [Fact]
    public async Task ManagedIdentityCredential_gets_system_and_user_assigned_tokens_from_IMDS_with_their_own_roles()
    {
        using var sandbox = new SandboxService();

        var system = new ManagedIdentityCredential(WithSandbox(sandbox, new ManagedIdentityCredentialOptions(ManagedIdentityId.SystemAssigned)));
        var byClientId = new ManagedIdentityCredential(WithSandbox(sandbox, new ManagedIdentityCredentialOptions(ManagedIdentityId.FromUserAssignedClientId(SandboxIds.FabrikamUserIdentityClientId))));
        var byObjectId = new ManagedIdentityCredential(WithSandbox(sandbox, new ManagedIdentityCredentialOptions(ManagedIdentityId.FromUserAssignedObjectId(SandboxIds.FabrikamUserIdentityObjectId))));

        var systemRoles = DecodeJwt((await system.GetTokenAsync(GraphScope, default)).Token)["roles"]!.AsArray().Select(r => (string?)r).ToList();
        var userClaims = DecodeJwt((await byClientId.GetTokenAsync(GraphScope, default)).Token);
        var userByObject = DecodeJwt((await byObjectId.GetTokenAsync(GraphScope, default)).Token);

        Assert.Contains("Application.ReadWrite.All", systemRoles);
        Assert.Equal(SandboxIds.FabrikamUserIdentityClientId, (string?)userClaims["appid"]);
        Assert.Equal(["Application.Read.All"], userClaims["roles"]!.AsArray().Select(r => (string?)r));
        Assert.Equal(SandboxIds.FabrikamUserIdentityObjectId, (string?)userByObject["oid"]);
        Assert.Contains(sandbox.Requests.Entries, e => e.PathAndQuery.StartsWith("/metadata/identity/oauth2/token", StringComparison.Ordinal) && e.Status == 200);
    }

    [Fact]
    public async Task IMDS_without_the_Metadata_header_answers_400_like_the_real_one()
    {
        using var sandbox = new SandboxService();

        var (status, body, _) = await SendAsync(sandbox, HttpMethod.Get, "/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://graph.microsoft.com", null);

        Assert.Equal(400, status);
        Assert.Equal("invalid_request", (string?)body!["error"]);
    }

    [Fact]
    public async Task App_Service_identity_endpoint_needs_the_identity_header()
    {
        using var sandbox = new SandboxService();
        const string path = "/msi/token?api-version=2019-08-01&resource=https://graph.microsoft.com";

        var (without, _, _) = await SendAsync(sandbox, HttpMethod.Get, path, null);
        var (with, body, _) = await SendAsync(sandbox, HttpMethod.Get, path, null, headers: new Dictionary<string, string> { ["X-IDENTITY-HEADER"] = "sandbox-identity-header" });

        Assert.Equal(400, without);
        Assert.Equal(200, with);
        Assert.Equal(SandboxIds.FabrikamSystemIdentityClientId, (string?)DecodeJwt((string)body!["access_token"]!)["appid"]);
    }

    /// <summary>
    /// The fact the engine needs: Azure.Identity refuses a plain-http authority host, so the loopback case must
    /// go through the engine's own transport with the https in-process base address (any host routes by path).
    /// </summary>
    [Fact]
    public void Azure_Identity_refuses_an_http_authority_host()
    {
        using var sandbox = new SandboxService();

        var e = Assert.ThrowsAny<ArgumentException>(() => new ClientSecretCredential(
            SandboxIds.FabrikamTenantId, SandboxIds.FabrikamAdminClientId, SandboxIds.FabrikamAdminClientSecret,
            new ClientSecretCredentialOptions { AuthorityHost = new Uri("http://127.0.0.1:5000"), Transport = new HttpClientTransport(sandbox.CreateHandler()) }));

        Assert.Contains("https", e.Message, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class MsalAuthorityTests
{
    /// <summary>MSAL itself demands https authorities too (so does its ManagedIdentity source only for IMDS, which is http by design).</summary>
    [Fact]
    public void MSAL_refuses_an_http_authority()
    {
        var e = Assert.ThrowsAny<Exception>(() => Microsoft.Identity.Client.ConfidentialClientApplicationBuilder.Create(SandboxIds.FabrikamAdminClientId)
            .WithAuthority($"http://127.0.0.1:5000/{SandboxIds.FabrikamTenantId}")
            .WithClientSecret("x")
            .Build());

        Assert.Contains("https", e.Message, StringComparison.OrdinalIgnoreCase);
    }
}
