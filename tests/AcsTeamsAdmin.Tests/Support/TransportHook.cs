namespace AcsTeamsAdmin.Tests.Support;

/// <summary>
/// Sits between a connection and the sandbox: records what was sent (bodies included, which the
/// sandbox's request log does not keep), can answer a request itself, and can run code right after
/// a request was answered (another writer editing the sandbox's state at the worst moment).
/// </summary>
internal sealed class TransportHook(HttpMessageHandler sandbox) : DelegatingHandler(sandbox)
{
    public List<(string Method, string PathAndQuery, string? Body)> Sent { get; } = [];

    /// <summary>Answers instead of the sandbox when it returns a response.</summary>
    public Func<HttpRequestMessage, string?, HttpResponseMessage?>? Answer { get; set; }

    /// <summary>Runs after the sandbox answered (method, path and query, status).</summary>
    public Action<string, string, int>? After { get; set; }

    public IEnumerable<(string Method, string PathAndQuery, string? Body)> Writes(string pathPrefix) =>
        Sent.Where(request => request.Method is "PATCH" or "POST" && request.PathAndQuery.StartsWith(pathPrefix, StringComparison.Ordinal));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var pathAndQuery = Uri.UnescapeDataString(request.RequestUri!.PathAndQuery);
        lock (Sent)
        {
            Sent.Add((request.Method.Method, pathAndQuery, body));
        }

        if (Answer?.Invoke(request, body) is { } answer)
        {
            return answer;
        }

        var response = await base.SendAsync(request, cancellationToken);
        After?.Invoke(request.Method.Method, pathAndQuery, (int)response.StatusCode);
        return response;
    }
}
