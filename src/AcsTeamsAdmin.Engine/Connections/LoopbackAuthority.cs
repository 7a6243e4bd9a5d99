namespace AcsTeamsAdmin.Engine.Connections;

/// <summary>
/// Azure.Identity and MSAL accept only https authorities, but a sandbox on 127.0.0.1 speaks plain
/// http. For a loopback authority only, the credential is given the https form of the address, and
/// this handler sends its requests to the http form. Nothing else is ever downgraded.
/// </summary>
internal sealed class LoopbackAuthority : DelegatingHandler
{
    private readonly Uri _httpAuthority;

    private LoopbackAuthority(Uri httpAuthority, HttpMessageHandler inner)
        : base(inner) => _httpAuthority = httpAuthority;

    public static bool Applies(Uri authority) => authority.Scheme == Uri.UriSchemeHttp && authority.IsLoopback;

    /// <summary>The address to hand the credential: the same host and port, over https.</summary>
    public static Uri AsHttps(Uri authority) => new UriBuilder(authority) { Scheme = Uri.UriSchemeHttps, Port = authority.Port }.Uri;

    public static HttpMessageHandler Wrap(Uri httpAuthority, HttpMessageHandler? transport) =>
        new LoopbackAuthority(httpAuthority, transport ?? new HttpClientHandler());

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && uri.Scheme == Uri.UriSchemeHttps
            && string.Equals(uri.Host, _httpAuthority.Host, StringComparison.OrdinalIgnoreCase) && uri.Port == _httpAuthority.Port)
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = Uri.UriSchemeHttp, Port = _httpAuthority.Port }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
