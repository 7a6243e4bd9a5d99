using System.Globalization;
using System.Text.Json;
using AcsTeamsAdmin.Engine.Http;
using Azure.Core;
using Azure.Identity;
using Microsoft.Identity.Client;

namespace AcsTeamsAdmin.Engine.Connections;

/// <summary>
/// Client-secret sign-in as the one OAuth 2.0 client-credentials request it is (POST {authority}/{tenant}/oauth2/v2.0/token),
/// sent with HttpClient through our retry handler and User-Agent, tokens kept per scope set until 5 minutes before
/// they expire. Starting Azure.Identity and MSAL for this took a cold process 0.36..0.45 s of a 0.45..0.55 s first readiness
/// check (the benchmark's first-call probe); this request takes 0.16 s there.
/// A failure is reported as Azure.Identity reports it (AuthenticationFailedException around an MsalServiceException with
/// Entra's error code and text), so GraphCall.SignInFailure maps it as before; MSAL loads only then.
/// </summary>
internal sealed class ClientSecretTokenCredential : TokenCredential, IDisposable
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly Uri _tokenEndpoint;
    private readonly string _clientId;
    private readonly string _secret;
    private readonly HttpClient _http;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, AccessToken> _tokens = new(StringComparer.Ordinal);

    public ClientSecretTokenCredential(Uri authorityHost, string tenantId, string clientId, string secret, HttpMessageHandler? transport, RetryLimits retry)
    {
        ArgumentNullException.ThrowIfNull(authorityHost);
        _tokenEndpoint = new Uri(authorityHost, $"{Uri.EscapeDataString(tenantId)}/oauth2/v2.0/token");
        _clientId = clientId;
        _secret = secret;

        // A transport someone gave (the sandbox's) is shared with Graph: the chain must not dispose it.
        var chain = TransientFaultRetryHandler.Over(transport ?? new HttpClientHandler(), retry, new RetryStatistics());
        _http = new HttpClient(chain, disposeHandler: transport is null) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        var scope = string.Join(' ', requestContext.Scopes);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_tokens.TryGetValue(scope, out var cached) && cached.ExpiresOn - RefreshMargin > DateTimeOffset.UtcNow)
            {
                return cached;
            }

            var token = await RequestAsync(scope, cancellationToken).ConfigureAwait(false);
            _tokens[scope] = token;
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<AccessToken> RequestAsync(string scope, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _tokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = _clientId,
                ["client_secret"] = _secret,
                ["scope"] = scope,
            }),
        };

        // Asking for a token creates nothing: it may be sent again after a dropped connection.
        ReadOnlyRequestOption.Mark(request);
        JsonDocument? answer;
        int status;
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            answer = Parse(body);
        }
        catch (Exception error) when (error is HttpRequestException || (error is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // As Azure.Identity reports it; NetworkFailure reads the HttpRequestException inside.
            throw new AuthenticationFailedException("ClientSecretCredential authentication failed: the sign-in endpoint could not be reached.", error);
        }

        using (answer)
        {
            var root = answer?.RootElement;
            if (status is >= 200 and < 300 && root is { } ok && Text(ok, "access_token") is { Length: > 0 } accessToken)
            {
                var expiresIn = ok.TryGetProperty("expires_in", out var seconds) && (seconds.TryGetInt64(out var number)
                    || long.TryParse(
                        seconds.ValueKind == JsonValueKind.String ? seconds.GetString() : null,
                        NumberStyles.Integer,
                        CultureInfo.InvariantCulture,
                        out number))
                    ? number : 3600;
                return new AccessToken(accessToken, DateTimeOffset.UtcNow.AddSeconds(expiresIn));
            }

            throw Failure(status, root);
        }
    }

    private static AuthenticationFailedException Failure(int status, JsonElement? answer)
    {
        var code = answer is { } body ? Text(body, "error") : null;
        var description = answer is { } text ? Text(text, "error_description") : null;
        var service = new MsalServiceException(
            code ?? "unknown_error",
            description ?? $"The sign-in endpoint answered {status} without an error description.",
            status)
        {
            CorrelationId = answer is { } ids ? Text(ids, "correlation_id") : null,
        };
        return new AuthenticationFailedException($"ClientSecretCredential authentication failed: {service.Message}", service);
    }

    private static JsonDocument? Parse(string body)
    {
        try
        {
            return body.Length == 0 ? null : JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public void Dispose()
    {
        _http.Dispose();
        _gate.Dispose();
    }
}
