using System.Text.Json;
using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Sandbox;
using Azure.Core.Pipeline;

namespace AcsTeamsAdmin.Tests.Communication;

/// <summary>
/// The official ACS JavaScript SDK (@azure/communication-identity, run by node) and our client run the same flows
/// against one loopback sandbox: both succeed where they should, and the service's error codes are the same. Where
/// our client refuses bad input locally (59 minutes, no scopes) the SDK's request proves the service would refuse too.
/// </summary>
public class AcsIdentityJsContractTests
{
    [NodeFact]
    public async Task The_official_JavaScript_SDK_and_our_client_agree_on_every_flow_and_error_code()
    {
        await NodeRunner.EnsureInstalledAsync();
        using var sandbox = new SandboxService();
        await using var host = await LoopbackSandboxHost.StartAsync(sandbox);
        var connectionString = host.Description.AcsConnectionString;
        var wrongConnectionString = $"endpoint={host.BaseAddress};accesskey={Convert.ToBase64String(new byte[32])}";
        var teamsToken = AcsTestKit.TeamsToken(sandbox);
        var expiredToken = AcsTestKit.TeamsToken(sandbox, lifetime: TimeSpan.FromMinutes(-5));

        var (exit, stdout, stderr) = await NodeRunner.RunAsync(NodeRunner.NodePath!, ["acs-identity.mjs"], NodeRunner.ContractFolder, new Dictionary<string, string>
        {
            ["ACS_CONNECTION_STRING"] = connectionString,
            ["ACS_WRONG_CONNECTION_STRING"] = wrongConnectionString,
            ["TEAMS_TOKEN"] = teamsToken,
            ["EXPIRED_TEAMS_TOKEN"] = expiredToken,
            ["TEAMS_APP_ID"] = SandboxIds.ContosoTeamsCallingAppId,
            ["TEAMS_USER_ID"] = SandboxIds.FabrikamTeamsUserId,
            ["OTHER_USER_ID"] = SandboxIds.FabrikamAdminUserId,
        }, TimeSpan.FromMinutes(2));
        Assert.True(exit == 0, $"node exited {exit}: {stderr}");
        var js = JsonDocument.Parse(stdout).RootElement.EnumerateArray()
            .ToDictionary(e => e.GetProperty("step").GetString()!, e => (Ok: e.GetProperty("ok").GetBoolean(), Code: e.GetProperty("code").GetString()));
        var ours = await OurFlowsAsync(sandbox, host, connectionString, wrongConnectionString, teamsToken, expiredToken);

        var expected = new Dictionary<string, (bool Ok, string? Code)>
        {
            ["createWithToken"] = (true, null),
            ["issue"] = (true, null),
            ["revoke"] = (true, null),
            ["issueExpiry59"] = (false, "ValidationError"),
            ["issueNoScopes"] = (false, "ValidationError"),
            ["exchange"] = (true, null),
            ["exchangeOtherUser"] = (false, "ValidationError"),
            ["exchangeExpired"] = (false, "InvalidAccessToken"),
            ["wrongKey"] = (false, "Denied"),
            ["delete"] = (true, null),
            ["issueAfterDelete"] = (false, "IdentityNotFound"),
            ["revokeAfterDelete"] = (false, "IdentityNotFound"),
        };
        Assert.Equal(expected, js);
        Assert.Equal(expected, ours);
        Assert.DoesNotContain(teamsToken, stdout, StringComparison.Ordinal);

        // Both clients' requests reached the sandbox over loopback, signed with the host's port.
        var identities = sandbox.State.Read(d => d.AcsIdentities.Select(i => i.DeletedOn is not null).ToArray());
        Assert.Equal([true, true], identities);
    }

    private static async Task<Dictionary<string, (bool Ok, string? Code)>> OurFlowsAsync(
        SandboxService sandbox, LoopbackSandboxHost host, string connectionString, string wrongConnectionString, string teamsToken, string expiredToken)
    {
        AcsIdentityClient Over(string cs)
        {
            var options = new AcsIdentityClientOptions { Transport = new HttpClientTransport(new HttpClient()) };
            options.Retry.MaxRetries = 0;
            return new AcsIdentityClient(AcsKeyCredential.ParseConnectionString(cs), options);
        }

        var client = Over(connectionString);
        var results = new Dictionary<string, (bool Ok, string? Code)>();
        AcsIdentityId user = default;
        async Task Step(string name, Func<Task> action)
        {
            var before = sandbox.Requests.Entries.Count;
            try
            {
                await action();
                results[name] = (true, null);
            }
            catch (AcsTeamsAdminException error) when (error.ServiceErrorCode is not null)
            {
                results[name] = (false, error.ServiceErrorCode);
            }
            catch (AcsTeamsAdminException error) when (error.Category == FailureCategory.InvalidArgument)
            {
                // Refused locally, before any request: the service's answer to the same input is ValidationError (the JS run proves it).
                Assert.Equal(before, sandbox.Requests.Entries.Count);
                results[name] = (false, "ValidationError");
            }
        }

        var exchange = new TeamsUserTokenExchange(teamsToken, AppId.Parse(SandboxIds.ContosoTeamsCallingAppId), Guid.Parse(SandboxIds.FabrikamTeamsUserId));
        await Step("createWithToken", async () => user = AcsIdentityId.Parse((await client.CreateIdentityAsync(
            new AcsTokenRequest(AcsTokenScopes.Of(AcsTokenScope.Chat, AcsTokenScope.Voip), AcsTokenLifetime.Parse(60)), default)).Id));
        await Step("issue", () => client.IssueTokenAsync(user, new AcsTokenRequest(AcsTokenScopes.Of(AcsTokenScope.ChatJoin, AcsTokenScope.VoipJoin)), default));
        await Step("revoke", () => client.RevokeTokensAsync(user, default));
        await Step("issueExpiry59", () => client.IssueTokenAsync(user, new AcsTokenRequest(AcsTokenScopes.Of(AcsTokenScope.Chat), AcsTokenLifetime.Parse(59)), default));
        await Step("issueNoScopes", () => client.IssueTokenAsync(user, new AcsTokenRequest(AcsTokenScopes.Parse([])), default));
        await Step("exchange", () => client.ExchangeTeamsUserTokenAsync(exchange, default));
        await Step("exchangeOtherUser", () => client.ExchangeTeamsUserTokenAsync(exchange with { UserId = Guid.Parse(SandboxIds.FabrikamAdminUserId) }, default));
        await Step("exchangeExpired", () => client.ExchangeTeamsUserTokenAsync(exchange with { EntraToken = expiredToken }, default));
        await Step("wrongKey", () => Over(wrongConnectionString).CreateIdentityAsync(null, default));
        await Step("delete", () => client.DeleteIdentityAsync(user, default));
        await Step("issueAfterDelete", () => client.IssueTokenAsync(user, new AcsTokenRequest(AcsTokenScopes.Of(AcsTokenScope.Chat)), default));
        await Step("revokeAfterDelete", () => client.RevokeTokensAsync(user, default));
        Assert.Equal(host.BaseAddress, client.Endpoint);
        return results;
    }
}
