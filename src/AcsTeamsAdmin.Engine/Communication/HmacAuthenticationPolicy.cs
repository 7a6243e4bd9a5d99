using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AcsTeamsAdmin.Engine.Communication;

/// <summary>
/// Signs each request with the ACS access key (HMAC-SHA256), as the service and the official SDKs do. Runs per
/// retry so a retried request gets a fresh x-ms-date.
/// </summary>
internal sealed class HmacAuthenticationPolicy(AcsKeyCredential key, TimeProvider time) : HttpPipelinePolicy
{
    /// <summary>SHA-256 of no bytes.</summary>
    internal const string EmptyContentHash = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        Sign(message, ContentHash(message.Request.Content, async: false, message.CancellationToken).AsTask().GetAwaiter().GetResult());
        ProcessNext(message, pipeline);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        Sign(message, await ContentHash(message.Request.Content, async: true, message.CancellationToken).ConfigureAwait(false));
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
    }

    /// <summary>METHOD\npathAndQuery\ndate;host;hash, where host is the URI authority (with :port when not the scheme's default).</summary>
    internal static string StringToSign(string method, Uri uri, string date, string contentHash) =>
        $"{method}\n{uri.PathAndQuery}\n{date};{uri.Authority};{contentHash}";

    private void Sign(HttpMessage message, string contentHash)
    {
        var date = time.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        var uri = message.Request.Uri.ToUri();
        var signature = key.Sign(Encoding.UTF8.GetBytes(StringToSign(message.Request.Method.Method, uri, date, contentHash)));
        message.Request.Headers.SetValue("x-ms-date", date);
        message.Request.Headers.SetValue("x-ms-content-sha256", contentHash);
        message.Request.Headers.SetValue("Authorization", $"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={signature}");
    }

    private static async ValueTask<string> ContentHash(RequestContent? content, bool async, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return EmptyContentHash;
        }

        using var buffer = new MemoryStream();
        if (async)
        {
            await content.WriteToAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            content.WriteTo(buffer, cancellationToken);
        }

        return Convert.ToBase64String(SHA256.HashData(buffer.ToArray()));
    }
}
