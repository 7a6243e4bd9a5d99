using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Sandbox;
using Azure.Core;

namespace AcsTeamsAdmin.Tests.Engine;

/// <summary>
/// Client-secret sign-in is one client-credentials token request of our own (no MSAL): it must keep what Azure.Identity
/// gave, a token reused until near its expiry, Entra's own reason on a refusal without the secret, and our User-Agent.
/// </summary>
public sealed class ClientSecretSignInTests
{
    private static readonly string TokenPath = $"/{SandboxIds.ContosoTenantId}/oauth2/v2.0/token";

    [Fact]
    public async Task A_token_is_requested_once_per_scope_set_and_then_reused()
    {
        using var sandbox = new SandboxService();
        using var connection = await ConnectAsync(sandbox, SandboxIds.ContosoAdminClientSecret);
        var graph = new TokenRequestContext(["https://graph.microsoft.com/.default"]);

        var first = await connection.Credential.GetTokenAsync(graph, CancellationToken.None);
        var second = await connection.Credential.GetTokenAsync(graph, CancellationToken.None);

        Assert.Equal(first.Token, second.Token);
        Assert.True(first.ExpiresOn > DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.Equal(1, TokenRequests(sandbox));
    }

    [Fact]
    public async Task A_wrong_secret_fails_with_Entras_reason_and_never_the_secret()
    {
        using var sandbox = new SandboxService();
        const string Wrong = "not-the-secret-3f9a1c";

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => ConnectAsync(sandbox, Wrong));

        Assert.Equal(ErrorIds.SignInFailed, error.ErrorId);
        Assert.StartsWith("Sign-in failed: AADSTS", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Wrong, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(401, error.HttpStatus);
    }

    [Fact]
    public async Task The_token_request_names_its_sender()
    {
        using var sandbox = new SandboxService();
        using var connection = await ConnectAsync(sandbox, SandboxIds.ContosoAdminClientSecret);

        var request = Assert.Single(sandbox.Requests.Entries, entry => entry.PathAndQuery.StartsWith(TokenPath, StringComparison.Ordinal));
        Assert.StartsWith("AcsTeamsAdmin/", request.UserAgent, StringComparison.Ordinal);
    }

    private static int TokenRequests(SandboxService sandbox) =>
        sandbox.Requests.Entries.Count(entry => entry.PathAndQuery.StartsWith(TokenPath, StringComparison.Ordinal));

    private static Task<AcsTeamsAdminConnection> ConnectAsync(SandboxService sandbox, string secret) =>
        Connector.ConnectAsync(new ConnectionRequest
        {
            Mode = SignInMode.ClientSecret,
            TenantId = SandboxIds.ContosoTenantId,
            ClientId = SandboxIds.ContosoAdminClientId,
            ClientSecret = secret,
            AuthorityHost = SandboxService.InProcessBaseAddress.AbsoluteUri,
            GraphEndpoint = SandboxService.InProcessBaseAddress.AbsoluteUri + "v1.0",
            Transport = sandbox.CreateHandler(),
        }, OperationContext.Unattended());
}
