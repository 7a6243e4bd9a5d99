using System.Net.Http.Headers;
using System.Text.Json;
using AcsTeamsAdmin.Engine.Failures;
using Azure.Core;

namespace AcsTeamsAdmin.Engine.Graph;

/// <summary>
/// Graph reads as plain HTTP and System.Text.Json through the session's <see cref="GraphPipeline"/>: what the readiness
/// batch needs, without loading and starting the Graph SDK (Microsoft.Graph, Kiota) for one POST. Failures map through
/// <see cref="GraphCall"/> exactly as the SDK's do. The token goes to Graph's own host only: a paging link or redirect
/// pointing elsewhere never receives it.
/// </summary>
internal sealed class GraphJsonClient(HttpMessageHandler pipeline, TokenCredential credential, IReadOnlyList<string> scopes, Uri graphEndpoint) : IDisposable
{
    // HttpClient's timeout would cover every retry of a request: each attempt has its own (RetryLimits.AttemptTimeout).
    private readonly HttpClient _http = new(pipeline, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>Graph's base URL without a trailing slash, e.g. https://graph.microsoft.com/v1.0.</summary>
    public string BaseUrl { get; } = graphEndpoint.AbsoluteUri.TrimEnd('/');

    /// <summary>
    /// Sends <paramref name="request"/> and reads its JSON answer; anything but a 2xx with a JSON body fails as
    /// <see cref="GraphCall"/> maps it.
    /// </summary>
    public async Task<JsonDocument> SendAsync(
        HttpRequestMessage request,
        string whatFailed,
        object? target,
        string requiredPermission,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await GraphCall.TransportAsync(async () =>
        {
            if (request.RequestUri is { } uri && string.Equals(uri.Host, graphEndpoint.Host, StringComparison.OrdinalIgnoreCase))
            {
                var token = await credential.GetTokenAsync(new TokenRequestContext([.. scopes]), cancellationToken).ConfigureAwait(false);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
            }

            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            JsonDocument? document;
            await using (stream.ConfigureAwait(false))
            {
                document = await ParseAsync(stream, cancellationToken).ConfigureAwait(false);
            }

            if (response.IsSuccessStatusCode && document is not null)
            {
                return document;
            }

            using (document)
            {
                throw response.IsSuccessStatusCode
                    ? new AcsTeamsAdminException(ErrorIds.UnexpectedResponse, FailureCategory.InvalidResult,
                        $"{whatFailed}: Microsoft Graph answered {(int)response.StatusCode} with no JSON body.",
                        "Run the command again; re-running is safe (it only reads).",
                        target)
                    : GraphCall.Translate(GraphError.From((int)response.StatusCode, document?.RootElement), whatFailed, target, requiredPermission);
            }
        }, whatFailed, target, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The body as JSON, or null when it is empty or not JSON (NonGraphAnswerHandler has already replaced a failure's non-JSON page).</summary>
    private static async Task<JsonDocument?> ParseAsync(Stream stream, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Dispose() => _http.Dispose();
}
