using AcsTeamsAdmin.Engine.Http;
using Azure.Core;
using Microsoft.Graph;

namespace AcsTeamsAdmin.Engine.Connections;

/// <summary>
/// A signed-in session: the credential, the Graph client built on it, and what to show about it.
/// One per PowerShell runspace (or per CLI invocation); disposing it ends the session.
/// </summary>
public sealed class AcsTeamsAdminConnection : IDisposable
{
    private readonly HttpClient _http;
    private readonly InProcessSandbox? _ownedSandbox;
    private readonly string? _sandboxStatePath;

    internal AcsTeamsAdminConnection(
        ConnectionInfo info,
        TokenCredential credential,
        GraphServiceClient graph,
        HttpClient http,
        RetryStatistics retries,
        InProcessSandbox? ownedSandbox,
        string? sandboxStatePath)
    {
        Info = info;
        Credential = credential;
        Graph = graph;
        _http = http;
        Retries = retries;
        _ownedSandbox = ownedSandbox;
        _sandboxStatePath = sandboxStatePath;
    }

    public ConnectionInfo Info { get; }

    /// <summary>What the retry handler did on this connection so far.</summary>
    public RetryStatistics Retries { get; }

    /// <summary>How this session retries transient faults, Graph's and ACS's (Connect-AcsTeamsAdmin -MaxRetryWaitSeconds).</summary>
    public RetryLimits RetryLimits { get; init; } = RetryLimits.Default;

    /// <summary>Where Azure Resource Manager is reached for this session (Get-AcsResource).</summary>
    public Uri ResourceManagerEndpoint { get; init; } = CloudEndpoints.For(CloudEnvironment.Global).ResourceManager;

    /// <summary>The token scope for Azure Resource Manager in this session's cloud, e.g. https://management.azure.com/.default.</summary>
    public string ResourceManagerScope { get; init; } = CloudEndpoints.For(CloudEnvironment.Global).ResourceManagerScope;

    /// <summary>The in-process sandbox this connection runs against, if any (its state and request log).</summary>
    public InProcessSandbox? Sandbox => _ownedSandbox;

    internal TokenCredential Credential { get; }

    internal GraphServiceClient Graph { get; }

    /// <summary>The transport that replaced the network for this session (the sandbox, tests); other clients of the session (ACS) use it too.</summary>
    internal HttpMessageHandler? Transport { get; init; }

    /// <summary>
    /// The transport for requests to <paramref name="endpoint"/>: the session's own for the endpoints it serves (an
    /// in-process sandbox serves its own host; a transport a test gave serves everything), otherwise null, the
    /// network. So an endpoint the user names explicitly is reached where it is, never answered by the sandbox.
    /// </summary>
    internal HttpMessageHandler? TransportFor(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (Transport is null || _ownedSandbox is null)
        {
            return Transport;
        }

        return string.Equals(endpoint.Host, _ownedSandbox.BaseAddress.Host, StringComparison.OrdinalIgnoreCase) ? Transport : null;
    }

    /// <summary>
    /// Writes an in-process sandbox's state back to its state file when the session was asked to
    /// (-SaveSandboxState), so the next session (Connect-AcsTeamsAdmin -Sandbox -SandboxStatePath, or
    /// the next acsteams run) continues from it. Does nothing for other connections.
    /// </summary>
    /// <returns>The path written, or null.</returns>
    public string? SaveSandboxState()
    {
        if (_ownedSandbox is null || _sandboxStatePath is null)
        {
            return null;
        }

        _ownedSandbox.SaveState(_sandboxStatePath);
        return _sandboxStatePath;
    }

    public void Dispose()
    {
        Graph.Dispose();
        _http.Dispose();
        _ownedSandbox?.Dispose();
    }
}
