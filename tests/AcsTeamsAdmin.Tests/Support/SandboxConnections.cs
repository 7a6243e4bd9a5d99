using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Sandbox;

namespace AcsTeamsAdmin.Tests.Support;

/// <summary>Connections to an in-process sandbox, the way the cmdlets and the CLI make them.</summary>
internal static class SandboxConnections
{
    public static Task<AcsTeamsAdminConnection> ConnectAsync(OperationContext? context = null) =>
        Connector.ConnectAsync(ConnectionRequest.ForSandbox(), context ?? OperationContext.Unattended());

    /// <summary>The emulator behind a -Sandbox session (the engine holds it by name only), for tests that inspect or fault it.</summary>
    public static SandboxService Emulator(this AcsTeamsAdminConnection connection) =>
        (SandboxService)(connection.Sandbox ?? throw new InvalidOperationException("Not a sandbox session.")).Service;

    /// <summary>Connects with a token minted to carry exactly <paramref name="roles"/>, to prove least privilege.</summary>
    public static Task<AcsTeamsAdminConnection> ConnectWithRolesAsync(SandboxService sandbox, params string[] roles)
    {
        var description = sandbox.Describe(SandboxService.InProcessBaseAddress);
        var token = sandbox.IssueAccessToken(new AccessTokenRequest
        {
            TenantId = description.TenantId,
            ClientAppId = description.AdminClientId,
            Roles = roles,
        });
        return Connector.ConnectAsync(new ConnectionRequest
        {
            Mode = SignInMode.AccessToken,
            AccessToken = token,
            GraphEndpoint = description.GraphEndpoint.AbsoluteUri,
            Transport = sandbox.CreateHandler(),
        }, OperationContext.Unattended());
    }

    public static int ServicePrincipalCount(SandboxService sandbox, string tenantId, string appId) =>
        sandbox.State.Read(data => data.Tenants.Single(tenant => tenant.Id == tenantId).ServicePrincipals
            .Count(principal => string.Equals((string?)principal["appId"], appId, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Requests that could change something: anything but GET, and not the token endpoint.</summary>
    public static IReadOnlyList<RequestLogEntry> GraphWrites(SandboxService sandbox) =>
        sandbox.Requests.Entries.Where(entry => entry.PathAndQuery.StartsWith("/v1.0/", StringComparison.Ordinal) && entry.Method != "GET").ToArray();
}
