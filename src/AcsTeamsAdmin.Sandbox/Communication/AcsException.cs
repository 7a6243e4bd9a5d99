using System.Text.Json.Nodes;

namespace AcsTeamsAdmin.Sandbox.Communication;

/// <summary>An ACS identity API error, thrown inside a handler and written as {"error":{code,message,target?}} at its edge.</summary>
internal sealed class AcsException : Exception
{
    public AcsException()
    {
    }

    public AcsException(string message)
        : base(message)
    {
    }

    public AcsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AcsException(int status, string code, string message, string? target = null)
        : base(message)
    {
        Status = status;
        Code = code;
        Target = target;
    }

    public int Status { get; } = 400;

    public string Code { get; } = "ValidationError";

    public string? Target { get; }

    public JsonObject ToBody()
    {
        var error = new JsonObject { ["code"] = Code, ["message"] = Message };
        if (Target is not null)
        {
            error["target"] = Target;
        }

        return new JsonObject { ["error"] = error };
    }
}

/// <summary>
/// The errors the service answers with. Codes, messages and targets marked "recorded" are the live service's, from
/// the Azure SDKs' recorded tests; the others are not documented anywhere public and are the sandbox's choice.
/// </summary>
internal static class AcsErrors
{
    // Recorded.
    public static AcsException BodyHashMismatch() =>
        new(401, "Denied", "Request 'x-ms-content-sha256' differs from generated content hash.");

    // The wording the service is reported to use for a wrong key; not in the recordings.
    public static AcsException SignatureMismatch() => new(401, "Denied", "Denied by the resource provider.");

    public static AcsException NoAuthorization() => new(401, "Denied", "Denied by the resource provider: no Authorization header (HMAC-SHA256 or Bearer).");

    public static AcsException MalformedHmac() =>
        new(
            401,
            "Denied",
            "Denied by the resource provider: the Authorization header is not 'HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=...'.");

    public static AcsException MissingSignedHeader(string header) => new(
        401,
        "Denied",
        $"Denied by the resource provider: the signed header '{header}' is missing.");

    public static AcsException StaleDate(TimeSpan window) =>
        new(401, "Denied", $"Denied by the resource provider: 'x-ms-date' is more than {window.TotalMinutes:0} minutes away from the service's clock.");

    public static AcsException BadBearer(string why) => new(401, "Denied", $"Denied by the resource provider: {why}");

    // Recorded.
    public static AcsException IdentityNotOwned() => new(401, "IdentityNotOwned", "Provided identity doesn't belong to the resource.");

    // Not recorded: the sandbox's choice for an identity of this resource that was deleted or never existed.
    public static AcsException IdentityNotFound() => new(404, "IdentityNotFound", "Identity not found.");

    // ASP.NET API Versioning's codes and messages, which the service uses.
    public static AcsException UnsupportedApiVersion(string uri, string version) =>
        new(400, "UnsupportedApiVersion", $"The HTTP resource that matches the request URI '{uri}' does not support the API version '{version}'.");

    public static AcsException ApiVersionUnspecified() => new(400, "ApiVersionUnspecified", "An API version is required, but was not specified.");

    // Recorded.
    public static AcsException ScopesRequired() => new(400, "ValidationError", "Invalid scopes - Scopes field is required.", "scopes");

    public static AcsException UnknownScope(string scope) => new(400, "ValidationError", $"Invalid scopes - '{scope}' is not a valid scope.", "scopes");

    // Recorded.
    public static AcsException ExpiryOutOfRange(long minutes) =>
        new(400, "ValidationError", $"ExpiresInMinutes value {minutes} is invalid. Value must be within the [60, 1440] interval.", "ExpiresInMinutes");

    public static AcsException InvalidBody(string why) => new(400, "ValidationError", $"The request body is not valid: {why}");

    // Recorded (the Teams exchange).
    public static AcsException InvalidAccessToken() => new(401, "InvalidAccessToken", "Provided access token is not valid.");

    public static AcsException AppIdRequired() => new(400, "ValidationError", "AppId: The AppId field is required.", "AppId");

    public static AcsException AppIdFormat() => new(400, "ValidationError", "Provided AppId has invalid format.", "appId");

    public static AcsException AppIdMismatch() => new(400, "ValidationError", "AAD application is not the expected one.", "appId");

    public static AcsException UserIdRequired() => new(400, "ValidationError", "UserId: The UserId field is required.", "UserId");

    public static AcsException UserIdFormat() => new(400, "ValidationError", "Provided UserId has invalid format.", "userId");

    public static AcsException UserIdMismatch() => new(400, "ValidationError", "Provided AAD token issued for unexpected user.", "userId");
}
