using AcsTeamsAdmin.Engine.Http;
using Azure.Core;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace AcsTeamsAdmin.Engine.Graph;

/// <summary>
/// Builds the Graph SDK client with the SDK's own middleware, except that its retry handler is
/// replaced by ours (one retry policy for every service, fractional Retry-After, no retried POST
/// after a dropped connection). The transport can be swapped for the sandbox.
/// </summary>
internal static class GraphClientBuilder
{
    public static (GraphServiceClient Client, HttpClient Http) Build(
        TokenCredential credential,
        IReadOnlyList<string> scopes,
        Uri graphEndpoint,
        HttpMessageHandler? transport,
        RetryLimits retry,
        RetryStatistics statistics)
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers(new GraphClientOptions());
        handlers = [.. handlers.Where(handler => handler is not RetryHandler)];
        handlers.Insert(0, new TransientFaultRetryHandler(retry, statistics));
        handlers.Add(new ProductInfo.Handler());
        handlers.Add(new NonGraphAnswerHandler());

        var finalHandler = transport ?? new HttpClientHandler();
        var pipeline = GraphClientFactory.CreatePipeline(handlers, finalHandler);

        // The sandbox's transport is shared by the credential too, so the pipeline must not dispose it.
        var http = new HttpClient(pipeline, disposeHandler: transport is null)
        {
            BaseAddress = graphEndpoint,

            // HttpClient's timeout would cover every retry of a request: each attempt has its own (RetryLimits.AttemptTimeout).
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var authentication = new BaseBearerTokenAuthenticationProvider(new CredentialAccessTokenProvider(credential, scopes, graphEndpoint));
        return (new GraphServiceClient(http, authentication, graphEndpoint.AbsoluteUri.TrimEnd('/')), http);
    }
}
