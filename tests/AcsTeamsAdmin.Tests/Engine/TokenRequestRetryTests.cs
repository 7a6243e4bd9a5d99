using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Http;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Sandbox;

namespace AcsTeamsAdmin.Tests.Engine;

/// <summary>
/// The sign-in's token requests are retried like every other request of the session: within -MaxRetryWaitSeconds
/// (Azure.Identity's own policy would wait out any Retry-After, and retry with the budget at 0).
/// </summary>
public sealed class TokenRequestRetryTests
{
    private static readonly string TokenPath = $"/{SandboxIds.ContosoTenantId}/oauth2/v2.0/token";

    [Fact]
    public async Task A_throttled_token_request_is_retried_after_its_Retry_After()
    {
        using var sandbox = new SandboxService();
        sandbox.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, OnRequests = [1], PathPrefix = TokenPath, RetryAfterSeconds = 0.05 });

        using var connection = await ConnectAsync(sandbox, RetryLimits.Default);

        Assert.Equal(2, TokenRequests(sandbox));
    }

    [Fact]
    public async Task With_no_retry_budget_a_throttled_token_request_fails_at_once()
    {
        using var sandbox = new SandboxService();
        sandbox.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, OnRequests = [1], PathPrefix = TokenPath, RetryAfterSeconds = 5 });

        await Assert.ThrowsAsync<AcsTeamsAdminException>(() => ConnectAsync(sandbox, RetryLimits.WithBudget(0)));

        Assert.Equal(1, TokenRequests(sandbox));
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_budget_is_not_waited_for()
    {
        using var sandbox = new SandboxService();
        sandbox.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, OnRequests = [1], PathPrefix = TokenPath, RetryAfterSeconds = 30 });

        await Assert.ThrowsAsync<AcsTeamsAdminException>(() => ConnectAsync(sandbox, RetryLimits.WithBudget(2)));

        Assert.Equal(1, TokenRequests(sandbox));
    }

    private static int TokenRequests(SandboxService sandbox) =>
        sandbox.Requests.Entries.Count(entry => entry.PathAndQuery.StartsWith(TokenPath, StringComparison.Ordinal));

    private static Task<AcsTeamsAdminConnection> ConnectAsync(SandboxService sandbox, RetryLimits limits) =>
        Connector.ConnectAsync(new ConnectionRequest
        {
            Mode = SignInMode.ClientSecret,
            TenantId = SandboxIds.ContosoTenantId,
            ClientId = SandboxIds.ContosoAdminClientId,
            ClientSecret = SandboxIds.ContosoAdminClientSecret,
            AuthorityHost = SandboxService.InProcessBaseAddress.AbsoluteUri,
            GraphEndpoint = SandboxService.InProcessBaseAddress.AbsoluteUri + "v1.0",
            Transport = sandbox.CreateHandler(),
            RetryLimits = limits,
        }, OperationContext.Unattended());
}
