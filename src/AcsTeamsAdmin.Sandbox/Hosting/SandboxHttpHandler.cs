using System.Net;
using System.Net.Sockets;

namespace AcsTeamsAdmin.Sandbox.Hosting;

/// <summary>The in-process transport: an HttpMessageHandler that hands each request to the sandbox's router.</summary>
internal sealed class SandboxHttpHandler(SandboxService service) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var header in request.Headers)
        {
            headers.Add(new(header.Key, string.Join(", ", header.Value)));
        }

        byte[]? body = null;
        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers)
            {
                headers.Add(new(header.Key, string.Join(", ", header.Value)));
            }

            body = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }

        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var answer = await service.HandleAsync(new SandboxRequest(request.Method.Method, uri, headers, body), cancellationToken).ConfigureAwait(false);
        if (answer.AbortConnection)
        {
            // What SocketsHttpHandler throws when the peer resets the connection.
            throw new HttpRequestException(
                "An error occurred while sending the request.",
                new IOException(
                    "Unable to read data from the transport connection: Connection reset by peer.",
                    new SocketException((int)SocketError.ConnectionReset)));
        }

        var response = new HttpResponseMessage((HttpStatusCode)answer.StatusCode)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(answer.Body.ToArray()),
        };
        foreach (var (name, value) in answer.Headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }
}
