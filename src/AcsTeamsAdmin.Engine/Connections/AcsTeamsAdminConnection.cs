using AcsTeamsAdmin.Engine.Http;
using AcsTeamsAdmin.Sandbox;
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
    private readonly SandboxService? _ownedSandbox;

    internal AcsTeamsAdminConnection(
        ConnectionInfo info,
        TokenCredential credential,
        GraphServiceClient graph,
        HttpClient http,
        RetryStatistics retries,
        SandboxService? ownedSandbox)
    {
        Info = info;
        Credential = credential;
        Graph = graph;
        _http = http;
        Retries = retries;
        _ownedSandbox = ownedSandbox;
    }

    public ConnectionInfo Info { get; }

    /// <summary>What the retry handler did on this connection so far.</summary>
    public RetryStatistics Retries { get; }

    /// <summary>The in-process sandbox this connection runs against, if any (its state and request log).</summary>
    public SandboxService? Sandbox => _ownedSandbox;

    internal TokenCredential Credential { get; }

    internal GraphServiceClient Graph { get; }

    public void Dispose()
    {
        Graph.Dispose();
        _http.Dispose();
        _ownedSandbox?.Dispose();
    }
}
