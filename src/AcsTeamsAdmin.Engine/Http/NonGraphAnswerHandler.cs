using System.Net.Http.Headers;
using System.Text.Json;

namespace AcsTeamsAdmin.Engine.Http;

/// <summary>
/// A failed answer that is not JSON (a proxy's or firewall's HTML page, an empty gateway error) would
/// make the Graph SDK throw "Content type text/html does not have a factory registered". This turns
/// it into Graph's own error shape with the code <see cref="Code"/>, so it reaches the user as a clear
/// error like any other. The page itself is not quoted: it is not Graph's and may be anything.
/// </summary>
internal sealed class NonGraphAnswerHandler : DelegatingHandler
{
    public const string Code = "NonGraphAnswer";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode || IsJson(response.Content.Headers.ContentType))
        {
            return response;
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "no content";
        var body = JsonSerializer.Serialize(new
        {
            error = new
            {
                code = Code,
                message = $"The answer came as {mediaType}, not from Microsoft Graph: " +
                    "something between this machine and Graph (a proxy, a firewall or a gateway) answered instead.",
            },
        });
        response.Content.Dispose();
        response.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        return response;
    }

    private static bool IsJson(MediaTypeHeaderValue? contentType) =>
        contentType?.MediaType is { } type
            && (type.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}
