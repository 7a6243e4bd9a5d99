using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox.Internal;

namespace AcsTeamsAdmin.Sandbox.Identity;

/// <summary>Checks a confidential client's secret or certificate assertion against the credentials registered on its app.</summary>
internal static class ClientAuthenticator
{
    private const string JwtBearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Returns the <c>appidacr</c> value: "1" for a secret, "2" for a certificate, "0" for a public client (when
    /// <paramref name="publicAllowed"/>); throws the Entra error otherwise.
    /// </summary>
    public static string Authenticate(
        IReadOnlyDictionary<string, string> form,
        AppCredentialData? credentials,
        string appId,
        TenantData requestTenant,
        SandboxData data,
        DateTimeOffset now,
        bool publicAllowed)
    {
        if (form.TryGetValue("client_secret", out var secret))
        {
            if (credentials is null || !credentials.Secrets.Any(s => FixedTimeEquals(s, secret)))
            {
                throw EntraErrors.InvalidSecret(appId);
            }

            return "1";
        }

        if (form.TryGetValue("client_assertion", out var assertion))
        {
            if (!form.TryGetValue("client_assertion_type", out var type) || !string.Equals(type, JwtBearer, StringComparison.Ordinal))
            {
                throw EntraErrors.MissingParameter("client_assertion_type");
            }

            VerifyAssertion(assertion, credentials, appId, requestTenant, data, now);
            return "2";
        }

        return publicAllowed ? "0" : throw EntraErrors.CredentialRequired();
    }

    private static void VerifyAssertion(
        string assertion,
        AppCredentialData? credentials,
        string appId,
        TenantData requestTenant,
        SandboxData data,
        DateTimeOffset now)
    {
        var parts = assertion.Split('.');
        if (parts.Length != 3 || UnsignedJwt.Decode(assertion) is not { } jwt)
        {
            throw EntraErrors.AssertionMalformed("The client assertion is not a compact JWT.");
        }

        var (header, payload) = jwt;
        if (DirectoryQueries.Str(payload, "iss") != appId || DirectoryQueries.Str(payload, "sub") != appId)
        {
            throw EntraErrors.AssertionSubjectMismatch();
        }

        var aud = DirectoryQueries.Str(payload, "aud") ?? "";
        if (!AudienceIsTokenEndpoint(aud, requestTenant, data))
        {
            throw EntraErrors.AssertionAudience(aud);
        }

        var exp = NumericDate(payload["exp"]);
        var nbf = NumericDate(payload["nbf"]);
        if (exp is null || DateTimeOffset.FromUnixTimeSeconds(exp.Value) < now - Skew
            || (nbf is not null && DateTimeOffset.FromUnixTimeSeconds(nbf.Value) > now + Skew))
        {
            throw EntraErrors.AssertionTime();
        }

        var alg = DirectoryQueries.Str(header, "alg");
        var padding = alg switch
        {
            "RS256" => RSASignaturePadding.Pkcs1,
            "PS256" => RSASignaturePadding.Pss,
            _ => throw EntraErrors.AssertionMalformed($"Unsupported signing algorithm '{alg}'."),
        };
        var certificates = (credentials?.Certificates ?? []).Select(c => LoadCertificate(c)).ToList();
        try
        {
            var candidates = certificates.Where(c => ThumbprintMatches(header, c)).ToList();
            if (candidates.Count == 0)
            {
                throw EntraErrors.CertificateNotRegistered();
            }

            var signingInput = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
            var signature = Base64Url.Decode(parts[2]);
            foreach (var certificate in candidates)
            {
                using var rsa = certificate.GetRSAPublicKey();
                if (rsa is not null && rsa.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, padding))
                {
                    return;
                }
            }

            throw EntraErrors.AssertionSignature();
        }
        finally
        {
            foreach (var certificate in certificates)
            {
                certificate.Dispose();
            }
        }
    }

    /// <summary>
    /// MSAL signs for the token endpoint ({authority}/oauth2/v2.0/token) or, in newer versions, for the issuer
    /// ({authority}/v2.0). The host is whatever the client was pointed at; the tenant must be this tenant.
    /// </summary>
    private static bool AudienceIsTokenEndpoint(string aud, TenantData requestTenant, SandboxData data)
    {
        if (!Uri.TryCreate(aud, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var segments = uri.AbsolutePath.Trim('/').Split('/');
        if (segments.Length < 2)
        {
            return false;
        }

        var rest = string.Join('/', segments.Skip(1));
        var tenantMatches = ReferenceEquals(DirectoryQueries.FindTenant(data, segments[0]), requestTenant);
        return tenantMatches && rest is "oauth2/v2.0/token" or "oauth2/token" or "v2.0";
    }

    /// <summary>A JWT NumericDate; some clients write it as a string, which Entra tolerates.</summary>
    private static long? NumericDate(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<long>(out var n) => n,
        JsonValue v when v.TryGetValue<double>(out var d) => (long)d,
        JsonValue v when v.TryGetValue<string>(out var s)
            && long.TryParse(s, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    private static bool ThumbprintMatches(JsonObject header, X509Certificate2 certificate)
    {
        var x5t = DirectoryQueries.Str(header, "x5t");
        var x5tS256 = DirectoryQueries.Str(header, "x5t#S256");
        if (x5t is null && x5tS256 is null)
        {
            // No thumbprint: try every registered key, as Entra does for kid-less assertions.
            return true;
        }

        return (x5t is not null && Base64Url.Encode(certificate.GetCertHash(HashAlgorithmName.SHA1)) == x5t.TrimEnd('='))
            || (x5tS256 is not null && Base64Url.Encode(certificate.GetCertHash(HashAlgorithmName.SHA256)) == x5tS256.TrimEnd('='));
    }

#pragma warning disable SYSLIB0057 // net8.0 has no X509CertificateLoader; the DER bytes come from our own state.
    private static X509Certificate2 LoadCertificate(string base64Der) => new(Convert.FromBase64String(base64Der));
#pragma warning restore SYSLIB0057

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
