using System.Text.Json.Nodes;

namespace AcsTeamsAdmin.Sandbox.Graph;

/// <summary>A Graph error, thrown by a handler and rendered at the router's edge in Graph's shape.</summary>
internal sealed class GraphException : Exception
{
    public GraphException()
    {
    }

    public GraphException(string message)
        : base(message)
    {
    }

    public GraphException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GraphException(int status, string code, string message)
        : base(message)
    {
        Status = status;
        Code = code;
    }

    public int Status { get; } = 400;

    public string Code { get; } = "BadRequest";

    public JsonObject ToBody(string requestId, string clientRequestId, DateTimeOffset now) => new()
    {
        ["error"] = new JsonObject
        {
            ["code"] = Code,
            ["message"] = Message,
            ["innerError"] = new JsonObject
            {
                ["date"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                ["request-id"] = requestId,
                ["client-request-id"] = clientRequestId,
            },
        },
    };
}

/// <summary>The Graph errors the sandbox gives, with Graph's codes and wording.</summary>
internal static class GraphErrors
{
    public const string InsufficientPrivileges = "Insufficient privileges to complete the operation.";

    public static GraphException EmptyToken() => new(401, "InvalidAuthenticationToken", "Access token is empty.");

    public static GraphException MalformedToken() => new(
        401,
        "InvalidAuthenticationToken",
        "IDX14100: JWT is not well formed, there are no dots (.). The token needs to be in JWS or JWE Compact Serialization Format.");

    public static GraphException ExpiredToken() => new(401, "InvalidAuthenticationToken", "Lifetime validation failed, the token is expired.");

    public static GraphException WrongAudience() => new(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience.");

    public static GraphException UnknownIssuer() => new(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid issuer.");

    public static GraphException Denied() => new(403, "Authorization_RequestDenied", InsufficientPrivileges);

    public static GraphException NotFound(string id) => new(
        404,
        "Request_ResourceNotFound",
        $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");

    public static GraphException InvalidId(string id) => new(400, "Request_BadRequest", $"Invalid object identifier '{id}'.");

    public static GraphException BadRequest(string message) => new(400, "Request_BadRequest", message);

    public static GraphException UnsupportedFilter(string property, string resource) =>
        new(400, "Request_UnsupportedQuery", $"Unsupported or invalid query filter clause specified for property '{property}' of resource '{resource}'.");

    public static GraphException UnsupportedQuery() => new(400, "Request_UnsupportedQuery", "Unsupported Query.");

    public static GraphException NoSuchSegment(string segment) => new(400, "BadRequest", $"Resource not found for the segment '{segment}'.");

    public static GraphException MethodNotAllowed() => new(405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target.");
}
