using Azure.Core;
using Azure.Core.Pipeline;

namespace AcsTeamsAdmin.Engine.Communication;

/// <summary>
/// The last step before the transport for Entra sign-in to a loopback ACS endpoint: Azure.Core's bearer policy
/// refuses plain http, and a sandbox on 127.0.0.1 speaks nothing else. The client addresses the https form of the
/// loopback address; once the token is on the request, this sends it to the http form. Only loopback hosts are
/// ever rewritten (<see cref="Connections.LoopbackAuthority"/> does the same for the sign-in itself).
/// </summary>
internal sealed class LoopbackHttpPolicy : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var uri = message.Request.Uri;
        if (uri.Scheme == Uri.UriSchemeHttps && uri.ToUri().IsLoopback)
        {
            uri.Scheme = Uri.UriSchemeHttp;
        }
    }
}
