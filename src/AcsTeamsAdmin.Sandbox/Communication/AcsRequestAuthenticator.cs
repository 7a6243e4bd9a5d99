using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox.Internal;

namespace AcsTeamsAdmin.Sandbox.Communication;

/// <summary>
/// Authenticates an ACS data-plane request: HMAC-SHA256 with the resource's access key, or an Entra bearer token
/// for https://communication.azure.com. Checks in this order: the x-ms-date window, the body hash, the signature.
/// </summary>
internal static class AcsRequestAuthenticator
{
    /// <summary>
    /// How far x-ms-date may be from the service's clock, either way. The real service allows about 15 minutes
    /// (the same window as Azure Storage's shared key); the sandbox uses exactly that.
    /// </summary>
    public static readonly TimeSpan DateWindow = TimeSpan.FromMinutes(15);

    private static readonly TimeSpan BearerSkew = TimeSpan.FromMinutes(5);

    public static void Authenticate(SandboxData data, SandboxRequest request, DateTimeOffset now, RequestInfo info)
    {
        var authorization = request.Header("Authorization");
        if (string.IsNullOrWhiteSpace(authorization))
        {
            throw AcsErrors.NoAuthorization();
        }

        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            Bearer(data, authorization[7..].Trim(), now, info);
            return;
        }

        if (authorization.StartsWith("HMAC-SHA256 ", StringComparison.OrdinalIgnoreCase))
        {
            Hmac(data, request, authorization["HMAC-SHA256 ".Length..].Trim(), now);
            return;
        }

        throw AcsErrors.MalformedHmac();
    }

    /// <summary>The string the client signed: METHOD\npathAndQuery\nx-ms-date;host;contentHash, host with its port.</summary>
    public static string StringToSign(string method, string pathAndQuery, string date, string host, string contentHash) =>
        $"{method}\n{pathAndQuery}\n{date};{host};{contentHash}";

    private static void Hmac(SandboxData data, SandboxRequest request, string parameters, DateTimeOffset now)
    {
        string? signedHeaders = null;
        string? signature = null;
        foreach (var part in parameters.Split('&'))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw AcsErrors.MalformedHmac();
            }

            var name = part[..eq].Trim();
            if (string.Equals(name, "SignedHeaders", StringComparison.OrdinalIgnoreCase))
            {
                signedHeaders = part[(eq + 1)..];
            }
            else if (string.Equals(name, "Signature", StringComparison.OrdinalIgnoreCase))
            {
                // Base64 may end in '=': everything after the first '=' is the value.
                signature = part[(eq + 1)..];
            }
        }

        if (signedHeaders is null || signature is null
            || !string.Equals(signedHeaders, "x-ms-date;host;x-ms-content-sha256", StringComparison.OrdinalIgnoreCase))
        {
            throw AcsErrors.MalformedHmac();
        }

        var date = request.Header("x-ms-date") ?? throw AcsErrors.MissingSignedHeader("x-ms-date");
        var contentHash = request.Header("x-ms-content-sha256") ?? throw AcsErrors.MissingSignedHeader("x-ms-content-sha256");
        if (!DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sent)
            || (sent - now).Duration() > DateWindow)
        {
            throw AcsErrors.StaleDate(DateWindow);
        }

        var actualHash = Convert.ToBase64String(SHA256.HashData(request.Body.Span));
        if (!string.Equals(actualHash, contentHash, StringComparison.Ordinal))
        {
            throw AcsErrors.BodyHashMismatch();
        }

        // The client signs the authority it connected to: on a loopback sandbox that includes the port.
        var host = request.Header("Host") ?? request.Uri.Authority;
        var toSign = StringToSign(request.Method, request.PathAndQuery, date, host, contentHash);
        byte[] key;
        try
        {
            key = Convert.FromBase64String(data.AcsAccessKey);
        }
        catch (FormatException)
        {
            throw AcsErrors.SignatureMismatch();
        }

        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign));
        byte[] given;
        try
        {
            given = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            throw AcsErrors.SignatureMismatch();
        }

        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            throw AcsErrors.SignatureMismatch();
        }
    }

    /// <summary>
    /// An Entra token for the ACS data plane. The real resource then checks Azure RBAC on itself; the sandbox has no
    /// Azure resource manager, so any principal of a known tenant with a valid token is allowed (a documented gap).
    /// </summary>
    private static void Bearer(SandboxData data, string token, DateTimeOffset now, RequestInfo info)
    {
        if (token.Length == 0 || UnsignedJwt.Decode(token) is not { } jwt)
        {
            throw AcsErrors.BadBearer("the bearer token is not a JWT.");
        }

        var claims = jwt.Payload;
        var exp = claims["exp"] is JsonValue e && e.TryGetValue<long>(out var seconds) ? seconds : 0;
        if (DateTimeOffset.FromUnixTimeSeconds(exp) + BearerSkew <= now)
        {
            throw AcsErrors.BadBearer("the bearer token has expired.");
        }

        var audience = DirectoryQueries.Str(claims, "aud")?.TrimEnd('/');
        if (!string.Equals(audience, SandboxIds.AcsDataPlaneAudience, StringComparison.OrdinalIgnoreCase))
        {
            throw AcsErrors.BadBearer($"the bearer token is for '{audience}', not {SandboxIds.AcsDataPlaneAudience} " +
                "(ask for the scope https://communication.azure.com//.default).");
        }

        var tenant = DirectoryQueries.FindTenant(data, DirectoryQueries.Str(claims, "tid") ?? "")
            ?? throw AcsErrors.BadBearer("the bearer token's issuer is not a known tenant.");
        info.TenantId = tenant.Id;
        info.ClientAppId = DirectoryQueries.Str(claims, "appid") ?? DirectoryQueries.Str(claims, "azp");
    }
}
