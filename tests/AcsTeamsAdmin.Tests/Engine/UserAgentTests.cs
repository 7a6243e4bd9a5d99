using AcsTeamsAdmin.Engine.Http;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.ServicePrincipals;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Engine;

/// <summary>Every request names the module and its version first in its User-Agent (tests/EndToEnd.Tests.ps1 checks PowerShell's part).</summary>
public sealed class UserAgentTests
{
    [Fact]
    public async Task Token_and_Graph_requests_name_the_module_and_its_version()
    {
        using var sandbox = new SandboxService();
        using var connection = await ContosoConnections.ConnectAsync(sandbox);
        _ = await ServicePrincipalOperations.GetAsync(connection, AppId.AcsFirstParty, OperationContext.Unattended());

        var calls = sandbox.Requests.Calls;
        Assert.Contains(calls, call => call.PathAndQuery.Contains("/oauth2/v2.0/token", StringComparison.Ordinal));
        Assert.Contains(calls, call => call.PathAndQuery.StartsWith("/v1.0/", StringComparison.Ordinal));
        Assert.All(calls, call => Assert.StartsWith($"AcsTeamsAdmin/{ProductInfo.Version}", call.UserAgent, StringComparison.Ordinal));
        Assert.Matches(@"^\d+\.\d+\.\d+", ProductInfo.Version);
    }
}
