using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Sandbox;

namespace AcsTeamsAdmin.Tests.Support;

/// <summary>
/// The default tenant's admin app signed in with its secret to a sandbox served on 127.0.0.1, over real sockets (no
/// transport given), as a user pointing -AuthorityHost and -GraphEndpoint at `acsteams sandbox` would.
/// </summary>
internal static class LoopbackConnections
{
    /// <param name="host">The running loopback sandbox.</param>
    /// <param name="graphEndpoint">Another Graph endpoint than the host's (one that refuses connections, say).</param>
    /// <param name="context">The operation context to connect in; unattended when null.</param>
    public static Task<AcsTeamsAdminConnection> ConnectAsync(LoopbackSandboxHost host, string? graphEndpoint = null, OperationContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        var description = host.Description;
        return Connector.ConnectAsync(new ConnectionRequest
        {
            Mode = SignInMode.ClientSecret,
            TenantId = description.TenantId,
            ClientId = description.AdminClientId,
            ClientSecret = description.AdminClientSecret,
            AuthorityHost = description.AuthorityHost.AbsoluteUri,
            GraphEndpoint = graphEndpoint ?? description.GraphEndpoint.AbsoluteUri,
        }, context ?? OperationContext.Unattended());
    }
}
