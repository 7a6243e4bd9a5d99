using Azure.Core;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace AcsTeamsAdmin.Engine.Graph;

/// <summary>
/// Builds the Graph SDK client (for writes and the reads readiness does not batch) with the SDK's own middleware in front
/// of the session's <see cref="GraphPipeline"/>, whose retry handler replaces the SDK's (one retry policy for every service).
/// </summary>
internal static class GraphClientBuilder
{
    public static (GraphServiceClient Client, HttpClient Http) Build(
        TokenCredential credential,
        IReadOnlyList<string> scopes,
        Uri graphEndpoint,
        HttpMessageHandler pipeline)
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers(new GraphClientOptions());
        handlers = [.. handlers.Where(handler => handler is not RetryHandler)];

        // The session owns the pipeline (and, through it, a transport it may share with the credential): never disposed here.
        var http = new HttpClient(GraphClientFactory.CreatePipeline(handlers, pipeline), disposeHandler: false)
        {
            BaseAddress = graphEndpoint,

            // HttpClient's timeout would cover every retry of a request: each attempt has its own (RetryLimits.AttemptTimeout).
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var authentication = new BaseBearerTokenAuthenticationProvider(new CredentialAccessTokenProvider(credential, scopes, graphEndpoint));
        return (new GraphServiceClient(http, authentication, graphEndpoint.AbsoluteUri.TrimEnd('/')), http);
    }
}
