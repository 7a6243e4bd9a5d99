using System.Net;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Http;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.ServicePrincipals;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Engine;

/// <summary>What users see when Graph keeps failing or answers with something that is not Graph's error shape.</summary>
public class GraphFailureTests
{
    private static readonly RetryLimits Quick = new() { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(1) };

    [Fact]
    public async Task A_Graph_that_stays_unavailable_gives_up_after_the_limit_with_a_specific_error()
    {
        using var sandbox = new SandboxService();
        sandbox.Faults.Add(new FaultRule { Kind = FaultKind.GatewayTimeout, Rate = 1, PathPrefix = "/v1.0" });
        using var limited = await Connect(sandbox.CreateHandler());

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(
            () => ServicePrincipalOperations.GetAsync(limited, AppId.AcsFirstParty, new RecordingHost().Context()));

        Assert.Equal(ErrorIds.ServiceTimeout, error.ErrorId);
        Assert.Equal(504, error.HttpStatus);
        Assert.Equal(3, sandbox.Requests.Calls.Count(call => call.PathAndQuery.StartsWith("/v1.0/", StringComparison.Ordinal)));
        Assert.Equal(1, limited.Retries.GivenUp);
    }

    [Fact]
    public async Task A_proxy_page_instead_of_Graph_is_a_clear_error_not_a_parser_crash()
    {
        using var sandbox = new SandboxService();
        using var connection = await Connect(new ProxyErrorPage(sandbox.CreateHandler()));

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(
            () => ServicePrincipalOperations.GetAsync(connection, AppId.AcsFirstParty, new RecordingHost().Context()));

        Assert.Equal(ErrorIds.UnexpectedResponse, error.ErrorId);
        Assert.Equal(FailureCategory.ConnectionError, error.Category);
        Assert.Equal(403, error.HttpStatus);
        Assert.Contains("text/html", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Blocked by proxy", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("needs the Microsoft Graph permission", error.Message, StringComparison.Ordinal);
    }

    private static Task<AcsTeamsAdminConnection> Connect(HttpMessageHandler transport) =>
        Connector.ConnectAsync(new ConnectionRequest
        {
            Mode = SignInMode.ClientSecret,
            TenantId = SandboxIds.FabrikamTenantId,
            ClientId = SandboxIds.FabrikamAdminClientId,
            ClientSecret = SandboxIds.FabrikamAdminClientSecret,
            AuthorityHost = SandboxService.InProcessBaseAddress.AbsoluteUri,
            GraphEndpoint = new Uri(SandboxService.InProcessBaseAddress, "v1.0").AbsoluteUri,
            Transport = transport,
            RetryLimits = Quick,
        }, new RecordingHost().Context());

    /// <summary>A corporate proxy that answers Graph calls with an HTML page; sign-in still reaches the sandbox.</summary>
    private sealed class ProxyErrorPage(HttpMessageHandler sandbox) : DelegatingHandler(sandbox)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            request.RequestUri!.AbsolutePath.StartsWith("/v1.0/", StringComparison.Ordinal)
                ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent("<html>Blocked by proxy</html>", System.Text.Encoding.UTF8, "text/html") })
                : base.SendAsync(request, cancellationToken);
    }
}
