using AcsTeamsAdmin.Engine.Http;

namespace AcsTeamsAdmin.Engine.Graph;

/// <summary>
/// The one HTTP pipeline of a session's Graph requests: our retry handler (one retry policy for every service,
/// fractional Retry-After, no retried POST after a dropped connection), the User-Agent product tokens, and the
/// mapping of answers that are not Graph's, over the transport (the network, or the sandbox's). Both senders use it:
/// <see cref="GraphJsonClient"/> for the readiness reads and the Graph SDK client for writes (its own middleware in front).
/// </summary>
internal static class GraphPipeline
{
    public static HttpMessageHandler Create(HttpMessageHandler? transport, RetryLimits retry, RetryStatistics statistics)
    {
        // Graph compresses when asked; the SDK's compression handler asks, and this asks for the plain reads too.
        var network = transport ?? new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.All };
        return TransientFaultRetryHandler.Over(new NonGraphAnswerHandler { InnerHandler = network }, retry, statistics);
    }
}
