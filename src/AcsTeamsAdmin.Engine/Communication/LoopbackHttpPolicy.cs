using Azure.Core;
using Azure.Core.Pipeline;

namespace AcsTeamsAdmin.Engine.Communication;

/// <summary>
/// The last step before the transport for Entra sign-in to a loopback endpoint (the ACS or Azure Resource Manager of
/// a sandbox on 127.0.0.1): Azure.Core's bearer policy refuses plain http, and a sandbox on 127.0.0.1 speaks nothing
/// else. The client addresses the https form of the loopback address; once the token is on the request, this sends it
/// to the http form, and puts the https form back afterwards, so a retried attempt passes the bearer policy again.
/// Only loopback hosts are ever rewritten (<see cref="Connections.LoopbackAuthority"/> does the same for the sign-in).
/// </summary>
internal sealed class LoopbackHttpPolicy : HttpPipelinePolicy
{
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        var uri = message.Request.Uri;
        var downgraded = uri.Scheme == Uri.UriSchemeHttps && uri.ToUri().IsLoopback;
        if (downgraded)
        {
            uri.Scheme = Uri.UriSchemeHttp;
        }

        try
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        finally
        {
            if (downgraded)
            {
                uri.Scheme = Uri.UriSchemeHttps;
            }
        }
    }
}
