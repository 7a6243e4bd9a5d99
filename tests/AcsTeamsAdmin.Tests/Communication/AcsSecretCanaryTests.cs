using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Communication;

/// <summary>
/// Plants a canary access key (so also a canary connection string) and collects every token the run handles, runs
/// every operation, successes and failures, at verbose and debug, and scans all that was captured for them.
/// </summary>
public class AcsSecretCanaryTests
{
    private static readonly string CanaryKey = Convert.ToBase64String("CANARY-ACS-ACCESS-KEY-0123456789"u8.ToArray());

    [Fact]
    public async Task No_key_connection_string_or_token_reaches_logs_errors_targets_or_ToString()
    {
        using var sandbox = new SandboxService();
        sandbox.State.Update(d => d.AcsAccessKey = CanaryKey);
        var connectionString = AcsTestKit.ConnectionString(sandbox);
        var host = new RecordingHost();
        var context = host.Context();
        using var scope = context.Enter();
        var client = new AcsIdentityClient(AcsKeyCredential.ParseConnectionString(connectionString), AcsTestKit.Options(sandbox));
        var captured = new List<string>();
        var secrets = new List<string> { CanaryKey, connectionString };
        var teamsToken = AcsTestKit.TeamsToken(sandbox);
        secrets.Add(teamsToken);
        var exchange = new TeamsUserTokenExchange(teamsToken, AppId.Parse(SandboxIds.ContosoTeamsCallingAppId), Guid.Parse(SandboxIds.FabrikamTeamsUserId));

        var identity = (await AcsIdentityOperations.NewIdentityAsync(client, new AcsTokenRequest(AcsTokenScopes.Of(AcsTokenScope.Chat)), context))!;
        var id = AcsIdentityId.Parse(identity.Id);
        var token = (await AcsIdentityOperations.NewAccessTokenAsync(client, id, new AcsTokenRequest(AcsTokenScopes.Of(AcsTokenScope.Voip), AcsTokenLifetime.Parse(90)), context))!;
        await AcsIdentityOperations.RevokeAccessTokensAsync(client, id, context);
        var teams = await AcsIdentityOperations.ExchangeTeamsUserTokenAsync(client, exchange, context);
        await AcsIdentityOperations.RemoveIdentityAsync(client, id, context);
        await AcsIdentityOperations.RemoveIdentityAsync(client, id, context);
        secrets.AddRange([identity.AccessToken!.Token, token.Token, teams.Token]);
        captured.AddRange([identity.ToString(), identity.AccessToken.ToString(), token.ToString(), teams.ToString(), exchange.ToString(), client.Endpoint.ToString()]);

        // Failures: service errors, sign-in style errors, local checks, parse errors of a whole connection string.
        sandbox.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable, Rate = 1, PathPrefix = "/identities/", RetryAfterSeconds = 0 });
        var failures = new List<AcsTeamsAdminException>
        {
            await Assert.ThrowsAsync<AcsTeamsAdminException>(() => AcsIdentityOperations.NewAccessTokenAsync(client, id, new AcsTokenRequest(AcsTokenScopes.Of(AcsTokenScope.Chat)), context)),
            await Assert.ThrowsAsync<AcsTeamsAdminException>(() => client.ExchangeTeamsUserTokenAsync(exchange with { UserId = Guid.Parse(SandboxIds.FabrikamAdminUserId) }, default)),
            await Assert.ThrowsAsync<AcsTeamsAdminException>(() => AcsIdentityOperations.ExchangeTeamsUserTokenAsync(client, exchange with { EntraToken = AcsTestKit.TeamsToken(sandbox, lifetime: TimeSpan.FromMinutes(-2)) }, context)),
            await Assert.ThrowsAsync<AcsTeamsAdminException>(() => AcsIdentityOperations.ExchangeTeamsUserTokenAsync(client, exchange with { UserId = Guid.NewGuid() }, context)),
            await Assert.ThrowsAsync<AcsTeamsAdminException>(() => new AcsIdentityClient(
                AcsKeyCredential.Create(client.Endpoint.AbsoluteUri, Convert.ToBase64String(new byte[32])), AcsTestKit.Options(sandbox)).CreateIdentityAsync(null, default)),
            Assert.Throws<AcsTeamsAdminException>(() => AcsKeyCredential.ParseConnectionString(connectionString + ";accesskey=" + CanaryKey)),
            Assert.Throws<AcsTeamsAdminException>(() => AcsKeyCredential.ParseConnectionString(connectionString.Replace("accesskey=", "accesskey=!", StringComparison.Ordinal))),
        };
        foreach (var failure in failures)
        {
            captured.AddRange([failure.Message, failure.MessageWithFix, failure.RecommendedAction ?? "", failure.Target?.ToString() ?? "", failure.ServiceErrorTarget ?? "", failure.ToString()]);
        }

        captured.AddRange(host.Lines);
        captured.AddRange(host.Asked.Select(a => a.Target + " " + a.Action));

        Assert.Contains(host.Lines, l => l.StartsWith("DEBUG: ACS POST", StringComparison.Ordinal));
        Assert.Contains(host.Lines, l => l.StartsWith("VERBOSE: ", StringComparison.Ordinal));
        Assert.True(captured.Count > 40);
        foreach (var secret in secrets)
        {
            Assert.All(captured, text => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));

            // A JWT's signature-less body is the part that matters: check its payload segment alone too.
            if (secret.StartsWith("eyJ", StringComparison.Ordinal) && secret.Split('.') is [_, var payload, _])
            {
                Assert.All(captured, text => Assert.False(text.Contains(payload, StringComparison.Ordinal), "LEAK: " + text + " PAYLOAD " + payload));
            }
        }
    }
}
