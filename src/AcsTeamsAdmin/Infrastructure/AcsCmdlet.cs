using System.Management.Automation;
using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Operations;

namespace AcsTeamsAdmin.Infrastructure;

/// <summary>
/// A cmdlet that calls an ACS resource's identity API. Which resource, and how, comes from its parameters:
/// -ConnectionString (access key; SecureString or string), or -Endpoint with the Connect-AcsTeamsAdmin
/// session's Entra credential (-Identity in runbooks), or neither after Connect-AcsTeamsAdmin -Sandbox.
/// An explicit -ConnectionString or -Endpoint always wins over the session's sandbox.
/// </summary>
public abstract class AcsCmdlet : AsyncCmdlet
{
    [Parameter]
    [ValidateNotNull]
    public object? ConnectionString { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Endpoint { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(AcsApiVersionCompleter))]
    public string? ApiVersion { get; set; }

    /// <summary>This runspace's Connect-AcsTeamsAdmin session, if any (needed for -Endpoint and the sandbox only).</summary>
    protected AcsTeamsAdminConnection? Session => PipelineRunspace is { } runspace ? ConnectionStore.Get(runspace) : null;

    protected AcsConnectionRequest ConnectionRequest() => new()
    {
        ConnectionString = SecretParameter.Read(ConnectionString, "ConnectionString", "connection string"),
        Endpoint = Endpoint,
        ApiVersion = ApiVersion,
    };

    /// <summary>Checks the connection parameters and builds the client; nothing is sent yet.</summary>
    protected IAcsIdentityClient CreateClient(IOperationLog log) => AcsConnectionFactory.Create(ConnectionRequest(), Session, log);
}
