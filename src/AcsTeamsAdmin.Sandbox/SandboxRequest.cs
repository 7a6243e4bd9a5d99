using System.Text;

namespace AcsTeamsAdmin.Sandbox;

/// <summary>One HTTP request as both transports hand it to <see cref="SandboxService.HandleAsync"/>.</summary>
public sealed class SandboxRequest
{
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);

    public SandboxRequest(string method, Uri uri, IEnumerable<KeyValuePair<string, string>>? headers = null, byte[]? body = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);
        Method = method.ToUpperInvariant();
        Uri = uri;
        Body = body ?? [];
        foreach (var (name, value) in headers ?? [])
        {
            // Repeated headers fold into one comma-separated value, as HTTP allows.
            _headers[name] = _headers.TryGetValue(name, out var existing) ? existing + ", " + value : value;
        }
    }

    public string Method { get; }

    public Uri Uri { get; }

    /// <summary>The unescaped path, e.g. /v1.0/servicePrincipals(appId='...').</summary>
    public string Path => Uri.UnescapeDataString(Uri.AbsolutePath);

    public string PathAndQuery => Uri.PathAndQuery;

    /// <summary>scheme://host[:port] the client used: links we hand back (nextLink, discovery) point at it.</summary>
    public string BaseAddress => Uri.GetLeftPart(UriPartial.Authority);

    public IReadOnlyDictionary<string, string> Headers => _headers;

    public ReadOnlyMemory<byte> Body { get; }

    public string BodyText => Encoding.UTF8.GetString(Body.Span);

    public string? Header(string name) => _headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>Query parameters, unescaped (the last wins when repeated).</summary>
    public IReadOnlyDictionary<string, string> Query => Internal.FormEncoding.Parse(Uri.Query.TrimStart('?'));
}
