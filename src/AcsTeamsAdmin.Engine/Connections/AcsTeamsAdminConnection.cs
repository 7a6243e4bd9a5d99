using AcsTeamsAdmin.Engine.Graph;
using AcsTeamsAdmin.Engine.Http;
using Azure.Core;
using Microsoft.Graph;

namespace AcsTeamsAdmin.Engine.Connections;

/// <summary>
/// A signed-in session: the credential, the Graph pipeline and clients built on it, and what to show about it.
/// One per PowerShell runspace (or per CLI invocation); disposing it ends the session.
/// </summary>
public sealed class AcsTeamsAdminConnection : IDisposable
{
    private readonly HttpMessageHandler _graphPipeline;
    private readonly bool _ownsGraphPipeline;
    private readonly IReadOnlyList<string> _graphScopes;
    private readonly Uri _graphEndpoint;
    private readonly InProcessSandbox? _ownedSandbox;
    private readonly string? _sandboxStatePath;
    private readonly object _graphLock = new();

    // The Graph SDK client and its HttpClient, built on first use. Typed object so that neither this class nor a session
    // that only reads (readiness: GraphJson) loads Microsoft.Graph or Kiota: that costs a cold process a few hundred ms.
    private object? _graph;
    private HttpClient? _graphHttp;

    internal AcsTeamsAdminConnection(
        ConnectionInfo info,
        TokenCredential credential,
        IReadOnlyList<string> graphScopes,
        Uri graphEndpoint,
        HttpMessageHandler graphPipeline,
        bool ownsGraphPipeline,
        RetryStatistics retries,
        InProcessSandbox? ownedSandbox,
        string? sandboxStatePath)
    {
        Info = info;
        Credential = credential;
        _graphScopes = graphScopes;
        _graphEndpoint = graphEndpoint;
        _graphPipeline = graphPipeline;
        _ownsGraphPipeline = ownsGraphPipeline;
        GraphJson = new GraphJsonClient(graphPipeline, credential, graphScopes, graphEndpoint);
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

    /// <summary>The Graph SDK client on the session's pipeline, built the first time a call needs it.</summary>
    internal GraphServiceClient Graph
    {
        get
        {
            lock (_graphLock)
            {
                if (_graph is null)
                {
                    (_graph, _graphHttp) = GraphClientBuilder.Build(Credential, _graphScopes, _graphEndpoint, _graphPipeline);
                }

                return (GraphServiceClient)_graph;
            }
        }
    }

    /// <summary>Plain JSON requests to Graph on the same pipeline: the readiness batch.</summary>
    internal GraphJsonClient GraphJson { get; }

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
        lock (_graphLock)
        {
            (_graph as IDisposable)?.Dispose();
            _graphHttp?.Dispose();
        }

        GraphJson.Dispose();

        // Our client-secret credential owns an HttpClient; Azure.Identity's credentials own nothing to dispose.
        (Credential as IDisposable)?.Dispose();

        // A transport someone gave (the sandbox's, a test's) may be shared with the credential: only our own is disposed.
        if (_ownsGraphPipeline)
        {
            _graphPipeline.Dispose();
        }

        _ownedSandbox?.Dispose();
    }
}
