using System.Globalization;
using System.Text.Json.Nodes;

namespace AcsTeamsAdmin.Sandbox.ResourceManager;

/// <summary>An Azure Resource Manager error, rendered as ARM renders it: {"error":{"code","message"}}.</summary>
internal sealed class ArmException : Exception
{
    public ArmException()
    {
    }

    public ArmException(string message)
        : base(message)
    {
    }

    public ArmException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ArmException(int status, string code, string message)
        : base(message)
    {
        Status = status;
        Code = code;
    }

    public int Status { get; } = 400;

    public string Code { get; } = "BadRequest";

    public JsonObject ToBody() => new() { ["error"] = new JsonObject { ["code"] = Code, ["message"] = Message } };
}

/// <summary>The errors the sandbox's ARM gives, with ARM's codes and wording.</summary>
internal static class ArmErrors
{
    public const string AllowedAudiences =
        "'https://management.core.windows.net/','https://management.core.windows.net','https://management.azure.com/','https://management.azure.com'";

    public static ArmException MissingAuthorization() => new(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.");

    public static ArmException InvalidToken() => new(401, "InvalidAuthenticationToken", "The access token is invalid.");

    public static ArmException ExpiredToken(DateTimeOffset expires, DateTimeOffset now) => new(401, "ExpiredAuthenticationToken",
        $"The access token expiry UTC time '{Format(expires)}' is earlier than current UTC time '{Format(now)}'.");

    public static ArmException WrongAudience(string? audience) => new(401, "InvalidAuthenticationTokenAudience",
        $"The access token has been obtained for wrong audience or resource '{audience}'. " +
        $"It should exactly match with one of the allowed audiences {AllowedAudiences}.");

    public static ArmException WrongTenant(string tokenTenant, string subscriptionTenant) => new(401, "InvalidAuthenticationTokenTenant",
        $"The access token is from the wrong issuer 'https://sts.windows.net/{tokenTenant}/'. " +
        $"It must match the tenant 'https://sts.windows.net/{subscriptionTenant}/' " +
        $"associated with this subscription. Please use the authority (URL) 'https://login.windows.net/{subscriptionTenant}' to get the token.");

    public static ArmException MissingApiVersion() => new(
        400,
        "MissingApiVersionParameter",
        "The api-version query parameter (?api-version=) is required for all requests.");

    public static ArmException UnsupportedCommunicationVersion(string version, IEnumerable<string> supported) => new(400, "NoRegisteredProviderFound",
        $"No registered resource provider found for location 'global' and API version '{version}' for type 'communicationServices'. " +
        $"The supported api-versions are '{string.Join(", ", supported)}'. The supported locations are 'global'.");

    public static ArmException UnsupportedVersion(string version, IEnumerable<string> supported) => new(400, "InvalidApiVersionParameter",
        $"The api-version '{version}' is invalid. The supported versions are '{string.Join(",", supported)}'.");

    public static ArmException InvalidSubscriptionId(string id) => new(
        400,
        "InvalidSubscriptionId",
        $"The provided subscription identifier '{id}' is malformed or invalid.");

    public static ArmException SubscriptionNotFound(string id) => new(404, "SubscriptionNotFound", $"The subscription '{id}' could not be found.");

    public static ArmException ResourceGroupNotFound(string group) => new(404, "ResourceGroupNotFound", $"Resource group '{group}' could not be found.");

    public static ArmException ResourceNotFound(string name, string group) => new(404, "ResourceNotFound",
        $"The Resource 'Microsoft.Communication/CommunicationServices/{name}' under resource group '{group}' was not found. " +
        "For more details please go to https://aka.ms/ARMResourceNotFoundFix");

    public static ArmException AuthorizationFailed(string principalId, string action, string scope) => new(403, "AuthorizationFailed",
        $"The client '{principalId}' with object id '{principalId}' does not have authorization to perform action " +
        $"'{action}' over scope '{scope}' or the scope is invalid. " +
        "If access was recently granted, please refresh your credentials.");

    public static ArmException NoRoute(string path) => new(404, "NotFound",
        $"The sandbox's Azure Resource Manager serves subscriptions and Microsoft.Communication/communicationServices only, not '{path}'.");

    public static ArmException MethodNotAllowed(string method) => new(
        405,
        "MethodNotAllowed",
        $"The requested method '{method}' is not allowed for this resource.");

    private static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("MM/dd/yyyy HH:mm:ss", CultureInfo.InvariantCulture);
}
