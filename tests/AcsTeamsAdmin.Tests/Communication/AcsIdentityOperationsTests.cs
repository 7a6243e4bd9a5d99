using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Communication;

public class AcsIdentityOperationsTests
{
    [Fact]
    public async Task WhatIf_asks_before_each_change_and_sends_nothing()
    {
        using var sandbox = new SandboxService();
        var whatIf = new RecordingHost(approve: false);
        var client = AcsTestKit.Client(sandbox);
        var id = AcsIdentityId.Parse($"8:acs:{SandboxIds.AcsResourceId}_{Guid.NewGuid()}");

        Assert.Null(await AcsIdentityOperations.NewIdentityAsync(client, null, whatIf.Context()));
        Assert.Null(await AcsIdentityOperations.NewAccessTokenAsync(client, id, new AcsTokenRequest(AcsTokenScopes.Of(AcsTokenScope.Chat)), whatIf.Context()));
        Assert.False(await AcsIdentityOperations.RevokeAccessTokensAsync(client, id, whatIf.Context()));
        Assert.False(await AcsIdentityOperations.RemoveIdentityAsync(client, id, whatIf.Context()));

        Assert.Equal(["Create", "Issue a token for chat", "Revoke all access tokens", "Delete the identity and its tokens"], whatIf.Asked.Select(a => a.Action));
        Assert.Empty(sandbox.Requests.Entries);
    }

    [Fact]
    public async Task Removing_twice_succeeds_and_the_second_run_deletes_nothing_new()
    {
        using var sandbox = new SandboxService();
        var client = AcsTestKit.Client(sandbox);
        var host = new RecordingHost();
        var id = AcsIdentityId.Parse((await AcsIdentityOperations.NewIdentityAsync(client, null, host.Context()))!.Id);

        Assert.True(await AcsIdentityOperations.RemoveIdentityAsync(client, id, host.Context()));
        var deletedOn = sandbox.State.Read(d => d.AcsIdentities.Single().DeletedOn);
        Assert.True(await AcsIdentityOperations.RemoveIdentityAsync(client, id, host.Context()));

        Assert.Equal(deletedOn, sandbox.State.Read(d => d.AcsIdentities.Single().DeletedOn));
        Assert.Contains(host.Lines, l => l.Contains("already deleted", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("expired", "AadToken", "expired")]
    [InlineData("graph", "AadToken", "not for Azure Communication Services")]
    [InlineData("callsOnly", "AadToken", "Teams.ManageChats")]
    [InlineData("otherUser", "UserObjectId", "belongs to user")]
    [InlineData("notJwt", "AadToken", "not a JWT")]
    public async Task The_exchange_checks_the_Teams_token_locally_and_precisely_before_any_request(string kind, string parameter, string reason)
    {
        using var sandbox = new SandboxService();
        var exchange = AcsIdentityClientTests.Exchange(sandbox);
        exchange = kind switch
        {
            "expired" => exchange with { EntraToken = AcsTestKit.TeamsToken(sandbox, lifetime: TimeSpan.FromMinutes(-1)) },
            "graph" => exchange with { EntraToken = AcsTestKit.TeamsToken(sandbox, audience: SandboxIds.GraphAudience) },
            "callsOnly" => exchange with { EntraToken = AcsTestKit.TeamsToken(sandbox, scopes: ["Teams.ManageCalls"]) },
            "otherUser" => exchange with { UserId = Guid.NewGuid() },
            _ => exchange with { EntraToken = "not-a-token" },
        };

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() =>
            AcsIdentityOperations.ExchangeTeamsUserTokenAsync(AcsTestKit.Client(sandbox), exchange, new RecordingHost().Context()));

        Assert.Equal(parameter, error.ParameterName);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.IsType<SensitiveInput>(error.Target);
        Assert.Empty(sandbox.Requests.Entries);
    }
}
