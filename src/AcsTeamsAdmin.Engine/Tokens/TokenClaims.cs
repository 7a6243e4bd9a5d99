using System.Globalization;
using System.Text.Json;
using AcsTeamsAdmin.Engine.Failures;

namespace AcsTeamsAdmin.Engine.Tokens;

/// <summary>
/// The claims of an Entra or ACS access token, read WITHOUT validating the signature: for local
/// checks and display only (what tenant, which app, which scopes, when it expires). Never used to
/// make a trust decision: the service validates the signature.
/// </summary>
public sealed record TokenClaims
{
    public string? Audience { get; init; }

    public string? Issuer { get; init; }

    public string? TenantId { get; init; }

    public string? ObjectId { get; init; }

    /// <summary>The client app: `appid` in v1 tokens, `azp` in v2 tokens.</summary>
    public string? AppId { get; init; }

    public string? UserPrincipalName { get; init; }

    public string? Name { get; init; }

    /// <summary>Delegated permissions (`scp`), split on spaces.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>Application permissions (`roles`).</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    public DateTimeOffset? IssuedAt { get; init; }

    public DateTimeOffset? ExpiresOn { get; init; }

    public string? Version { get; init; }

    /// <summary>`idtyp`: "app" or "user" when the token says.</summary>
    public string? IdentityType { get; init; }

    /// <summary>True for app-only tokens: they carry no delegated scopes.</summary>
    public bool IsAppOnly => IdentityType == "app" || Scopes.Count == 0;

    /// <summary>Reads a token a user passed in <paramref name="parameterName"/>; a value that is not a JWT fails with a clear error.</summary>
    public static TokenClaims Read(string parameterName, string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            throw AcsTeamsAdminException.InvalidInput(
                parameterName,
                SensitiveInput.Of("token"),
                "is empty.",
                "Pass the access token itself (a JWT: three base64url parts separated by dots).",
                ErrorIds.MissingParameter);
        }

        // Only base64url and two dots: a token is sent in an Authorization header, and a CR or LF in it would
        // end that header and start one of the caller's choosing (header injection). Checked before any parsing.
        var trimmed = token.Trim();
        if (trimmed.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            throw AcsTeamsAdminException.InvalidInput(
                parameterName,
                SensitiveInput.Of("token"),
                "starts with 'Bearer ', the scheme of an Authorization header.",
                "Pass the token alone, without 'Bearer ' in front of it.");
        }

        JsonElement payload;
        try
        {
            payload = IsCompactJws(trimmed) ? Payload(trimmed) : throw new FormatException("Not a compact JWS.");
        }
        catch (Exception error) when (error is FormatException or JsonException or ArgumentException)
        {
            // The exception is not kept as the inner exception: its message can quote the token.
            throw new AcsTeamsAdminException(ErrorIds.InvalidInput, FailureCategory.InvalidArgument,
                $"{AcsTeamsAdminException.Parameter(parameterName)} the value is not a JWT access token.",
                "Pass the access token itself (three base64url parts separated by dots, starting with 'eyJ'), " +
                "not an id token, refresh token or the whole token response.",
                SensitiveInput.Of("token"))
            {
                ParameterName = parameterName,
            };
        }

        return FromPayload(payload);
    }

    /// <summary>
    /// The payload of a compact JWS whose header and payload are both base64url JSON objects. Read with System.Text.Json:
    /// every sign-in reads its token, and that alone should not load Microsoft.IdentityModel (four assemblies) into a cold process.
    /// </summary>
    private static JsonElement Payload(string token)
    {
        var parts = token.Split('.');
        using var header = JsonDocument.Parse(Base64Url(parts[0]));
        using var payload = JsonDocument.Parse(Base64Url(parts[1]));
        return header.RootElement.ValueKind == JsonValueKind.Object && payload.RootElement.ValueKind == JsonValueKind.Object
            ? payload.RootElement.Clone()
            : throw new FormatException("A JWT's header and payload are JSON objects.");
    }

    private static byte[] Base64Url(string part)
    {
        var text = part.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '='));
    }

    /// <summary>Three base64url parts separated by dots (the signature may be empty), nothing else.</summary>
    public static bool IsCompactJws(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var dots = 0;
        foreach (var c in value)
        {
            if (c == '.')
            {
                dots++;
            }
            else if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        return dots == 2 && value[0] != '.' && value.IndexOf("..", StringComparison.Ordinal) < 0;
    }

    private static TokenClaims FromPayload(JsonElement jwt) => new()
    {
        Audience = jwt.TryGetProperty("aud", out var audience)
            ? audience.ValueKind == JsonValueKind.Array ? audience.EnumerateArray().Select(Claim).FirstOrDefault(value => value is not null) : Claim(audience)
            : null,
        Issuer = Text(jwt, "iss"),
        TenantId = Text(jwt, "tid"),
        ObjectId = Text(jwt, "oid"),
        AppId = Text(jwt, "appid") ?? Text(jwt, "azp"),
        UserPrincipalName = Text(jwt, "upn") ?? Text(jwt, "preferred_username") ?? Text(jwt, "unique_name"),
        Name = Text(jwt, "name"),
        Scopes = (Text(jwt, "scp") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries),
        Roles = jwt.TryGetProperty("roles", out var roles) && roles.ValueKind == JsonValueKind.Array
            ? roles.EnumerateArray()
                .Select(role => role.ValueKind == JsonValueKind.String ? role.GetString() ?? string.Empty : string.Empty)
                .Where(role => role.Length > 0)
                .ToArray()
            : [],
        IssuedAt = Seconds(jwt, "iat"),
        ExpiresOn = Seconds(jwt, "exp"),
        Version = Text(jwt, "ver"),
        IdentityType = Text(jwt, "idtyp"),
    };

    private static string? Text(JsonElement jwt, string claim) => jwt.TryGetProperty(claim, out var value) ? Claim(value) : null;

    /// <summary>A claim's value as text: a string as it is, a number in invariant digits, true/false as True/False; null for null.</summary>
    private static string? Claim(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var whole)
            ? whole.ToString(CultureInfo.InvariantCulture)
            : value.GetDouble().ToString(CultureInfo.InvariantCulture),
        JsonValueKind.True => bool.TrueString,
        JsonValueKind.False => bool.FalseString,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    private static DateTimeOffset? Seconds(JsonElement jwt, string claim) => UnixSeconds(Text(jwt, claim));

    /// <summary>
    /// A time claim: seconds since 1970. One outside what a date can hold, or not a number, is not a time: it reads
    /// as absent, which the checks then treat as they treat a token without it.
    /// </summary>
    internal static DateTimeOffset? UnixSeconds(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            && seconds >= MinUnixSeconds && seconds <= MaxUnixSeconds
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private static readonly long MinUnixSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();

    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();
}
