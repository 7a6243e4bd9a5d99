using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Sandbox;
using Azure.Core.Pipeline;

namespace AcsTeamsAdmin.Tests.Communication;

/// <summary>Our ACS identity client wired to an in-process sandbox: only the transport is swapped.</summary>
internal static class AcsTestKit
{
    public static readonly string[] TeamsScopes = ["Teams.ManageCalls", "Teams.ManageChats"];

    public static AcsIdentityClientOptions Options(SandboxService sandbox, string? apiVersion = null, TimeProvider? time = null)
    {
        var options = new AcsIdentityClientOptions
        {
            Transport = new HttpClientTransport(sandbox.CreateHandler()),
            ApiVersion = AcsApiVersion.Parse(apiVersion),
            Time = time ?? TimeProvider.System,
        };
        options.Retry.Delay = TimeSpan.FromMilliseconds(5);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        return options;
    }

    public static string ConnectionString(SandboxService sandbox) => sandbox.Describe(SandboxService.InProcessBaseAddress).AcsConnectionString;

    public static AcsIdentityClient Client(SandboxService sandbox, string? apiVersion = null, TimeProvider? time = null) =>
        new(AcsKeyCredential.ParseConnectionString(ConnectionString(sandbox)), Options(sandbox, apiVersion, time));

    /// <summary>A Teams user's Entra token for the ACS first-party app, as MSAL would get it for the ISV's app.</summary>
    public static string TeamsToken(SandboxService sandbox, string[]? scopes = null, string audience = SandboxIds.AcsAppIdUri, TimeSpan? lifetime = null) =>
        sandbox.IssueAccessToken(new AccessTokenRequest
        {
            TenantId = SandboxIds.FabrikamTenantId,
            ClientAppId = SandboxIds.ContosoTeamsCallingAppId,
            User = SandboxIds.FabrikamTeamsUserId,
            Audience = audience,
            Scopes = scopes ?? TeamsScopes,
            Lifetime = lifetime,
        });

    public static IReadOnlyList<RequestLogEntry> AcsCalls(SandboxService sandbox) =>
        sandbox.Requests.Entries.Where(e => e.PathAndQuery.StartsWith("/identities", StringComparison.Ordinal) || e.PathAndQuery.StartsWith("/teamsUser", StringComparison.Ordinal)).ToArray();
}
