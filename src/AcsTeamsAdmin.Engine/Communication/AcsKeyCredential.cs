using AcsTeamsAdmin.Engine.Failures;

namespace AcsTeamsAdmin.Engine.Communication;

/// <summary>
/// An ACS resource's endpoint and access key, from a connection string or given apart. The key is kept as bytes,
/// is never returned, and never appears in ToString, errors or logs: every error names the parameter and the part
/// that is wrong, never a value.
/// </summary>
public sealed class AcsKeyCredential
{
    private readonly byte[] _key;

    private AcsKeyCredential(Uri endpoint, byte[] key)
    {
        Endpoint = endpoint;
        _key = key;
    }

    /// <summary>The resource endpoint, e.g. https://contoso-acs.communication.azure.com/.</summary>
    public Uri Endpoint { get; }

    /// <summary>
    /// Parses endpoint=https://...;accesskey=... like the Azure SDK: parts split on ';', each at its FIRST '=' (base64
    /// keys end in '='), names case-insensitive, whitespace trimmed, empty parts skipped; endpoint and accesskey are
    /// required, and a repeated name or an empty value is an error. Unknown names are ignored, as the SDK does.
    /// </summary>
    public static AcsKeyCredential ParseConnectionString(string? connectionString, string parameterName = "ConnectionString")
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw Invalid(parameterName, "is empty.", ErrorIds.MissingParameter);
        }

        // Copied with its quotes (from a .env file, a JSON value, an Azure CLI table): the quotes are not part of it.
        var text = connectionString.Trim();
        if (text.Length >= 2 && (text[0] is '"' or '\'') && text[^1] == text[0])
        {
            text = text[1..^1];
        }

        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in text.Split(';'))
        {
            if (string.IsNullOrWhiteSpace(segment))
            {
                continue;
            }

            var eq = segment.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                throw Invalid(parameterName, "has a part without '=': every part must be name=value.");
            }

            var name = segment[..eq].Trim();
            var value = segment[(eq + 1)..].Trim();
            if (name.Length == 0)
            {
                throw Invalid(parameterName, "has a part with no name before '='.");
            }

            if (value.Length == 0)
            {
                throw Invalid(parameterName, $"has an empty value for '{Known(name)}'.");
            }

            if (!parts.TryAdd(name, value))
            {
                throw Invalid(parameterName, $"names '{Known(name)}' more than once.");
            }
        }

        var endpoint = parts.GetValueOrDefault("endpoint") ?? throw Invalid(parameterName, "has no endpoint part.");
        var key = parts.GetValueOrDefault("accesskey") ?? throw Invalid(parameterName, "has no accesskey part.");
        return new AcsKeyCredential(ParseEndpoint(endpoint, parameterName), ParseKey(key, parameterName, ErrorIds.InvalidConnectionString));
    }

    /// <summary>An endpoint and an access key given separately (-Endpoint and -AccessKey).</summary>
    public static AcsKeyCredential Create(string? endpoint, string? accessKey, string endpointParameter = "Endpoint", string keyParameter = "AccessKey")
    {
        var uri = ParseEndpoint(endpoint, endpointParameter);
        if (string.IsNullOrWhiteSpace(accessKey))
        {
            throw AcsTeamsAdminException.InvalidInput(keyParameter, SensitiveInput.Of("access key"), "is empty.",
                "Pass the resource's primary or secondary key (Azure portal > the Communication Services resource > Keys).", ErrorIds.MissingParameter);
        }

        return new AcsKeyCredential(uri, ParseKey(accessKey.Trim(), keyParameter, ErrorIds.InvalidAccessKey));
    }

    /// <summary>Validates an endpoint URL: absolute, https (http only for loopback, i.e. the sandbox).</summary>
    public static Uri ParseEndpoint(string? value, string parameterName = "Endpoint")
    {
        var trimmed = value?.Trim();
        // The value is not echoed: it may have come out of a connection string.
        if (string.IsNullOrEmpty(trimmed) || !Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw AcsTeamsAdminException.InvalidInput(parameterName, SensitiveInput.Of("endpoint"), "has an endpoint that is not an https URL of the resource.",
                "Use the resource's endpoint, such as https://contoso-acs.communication.azure.com/ (plain http only for 127.0.0.1 / localhost).",
                ErrorIds.InvalidUrl);
        }

        return new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
    }

    /// <summary>base64(HMAC-SHA256(key, data)): the only use of the key.</summary>
    internal string Sign(byte[] data) => Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(_key, data));

    public override string ToString() => $"ACS access key for {Endpoint.Authority} (redacted)";

    private static byte[] ParseKey(string key, string parameterName, string errorId)
    {
        var buffer = new byte[key.Length];
        if (!Convert.TryFromBase64String(key, buffer, out var length) || length == 0)
        {
            throw Invalid(parameterName, "has an access key that is not base64.", errorId);
        }

        return buffer[..length];
    }

    /// <summary>Only the names the format defines are echoed: a typo'd name could be a pasted secret.</summary>
    private static string Known(string name) =>
        name.Equals("endpoint", StringComparison.OrdinalIgnoreCase) || name.Equals("accesskey", StringComparison.OrdinalIgnoreCase)
            ? name.ToLowerInvariant()
            : "(a part)";

    private static AcsTeamsAdminException Invalid(string parameterName, string problem, string errorId = ErrorIds.InvalidConnectionString) =>
        AcsTeamsAdminException.InvalidInput(parameterName, SensitiveInput.Of("connection string"), $"The value {problem}",
            "Copy the connection string from the Azure portal (the Communication Services resource > Keys): " +
            "endpoint=https://<resource>.communication.azure.com/;accesskey=<key>.",
            errorId);
}
