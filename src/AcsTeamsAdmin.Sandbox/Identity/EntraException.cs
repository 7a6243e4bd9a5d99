using System.Globalization;
using System.Text.Json.Nodes;

namespace AcsTeamsAdmin.Sandbox.Identity;

/// <summary>An Entra ID error, thrown inside the token endpoint and turned into Entra's JSON shape at its edge.</summary>
internal sealed class EntraException : Exception
{
    public EntraException()
    {
    }

    public EntraException(string message)
        : base(message)
    {
    }

    public EntraException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EntraException(int status, string error, int code, string description, string? subError = null)
        : base($"AADSTS{code}: {description}")
    {
        Status = status;
        Error = error;
        Code = code;
        SubError = subError;
    }

    public int Status { get; } = 400;

    public string Error { get; } = "invalid_request";

    public int Code { get; }

    public string? SubError { get; }

    /// <summary>
    /// {"error","error_description","error_codes","timestamp","trace_id","correlation_id","error_uri"}: the description
    /// carries the AADSTS code and the trace lines, exactly as MSAL shows them to users.
    /// </summary>
    public SandboxResponse ToResponse(SandboxRequest request, DateTimeOffset now)
    {
        var traceId = Guid.NewGuid().ToString();
        var correlationId = request.Header("client-request-id") ?? Guid.NewGuid().ToString();
        var timestamp = now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var body = new JsonObject
        {
            ["error"] = Error,
            ["error_description"] = $"{Message} Trace ID: {traceId} Correlation ID: {correlationId} Timestamp: {timestamp}",
            ["error_codes"] = new JsonArray(Code),
            ["timestamp"] = timestamp,
            ["trace_id"] = traceId,
            ["correlation_id"] = correlationId,
            ["error_uri"] = $"{request.BaseAddress}/error?code={Code.ToString(CultureInfo.InvariantCulture)}",
        };
        if (SubError is not null)
        {
            body["suberror"] = SubError;
        }

        var response = SandboxResponse.Json(Status, body);
        response.Headers["client-request-id"] = correlationId;
        return response;
    }
}

/// <summary>The AADSTS errors the sandbox gives, worded like Entra's.</summary>
internal static class EntraErrors
{
    public static EntraException TenantNotFound(string tenant) => new(400, "invalid_request", 90002,
        $"Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. " +
        "Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.");

    public static EntraException MissingParameter(string name) => new(400, "invalid_request", 900144,
        $"The request body must contain the following parameter: '{name}'.");

    public static EntraException UnknownClient(string appId, string tenantName) => new(400, "unauthorized_client", 700016,
        $"Application with identifier '{appId}' was not found in the directory '{tenantName}'. This can happen if the application has not been installed by " +
        "the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.");

    public static EntraException InvalidSecret(string appId) => new(401, "invalid_client", 7000215,
        "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, " +
        $"not the client secret ID, for a secret added to app '{appId}'.");

    public static EntraException CredentialRequired() => new(401, "invalid_client", 7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");

    public static EntraException InvalidScope(string scope) => new(400, "invalid_scope", 70011,
        "The provided request must include a 'scope' input parameter. " +
        $"The provided value for the input parameter 'scope' is not valid. The scope {scope} is not valid.");

    public static EntraException NotDefaultScope(string scope) => new(400, "invalid_scope", 1002012,
        $"The provided value for scope {scope} is not valid. " +
        "Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).");

    public static EntraException MultipleResources() => new(400, "invalid_scope", 28000,
        "Provided value for the input parameter scope is not valid because it contains more than one resource. Scope is not valid.");

    public static EntraException ResourceNotFound(string resource, string tenantName) => new(400, "invalid_resource", 500011,
        $"The resource principal named {resource} was not found in the tenant named {tenantName}. This can happen if the application has not been installed " +
        "by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.");

    public static EntraException ServiceLacksPrincipal(string appId, string name, string tenantId) => new(400, "invalid_client", 650052,
        $"The app is trying to access a service '{appId}'({name}) that your organization '{tenantId}' lacks a service principal for. Contact your IT Admin " +
        "to review the configuration of your service subscriptions or consent to the application in order to create the required service principal.");

    public static EntraException ConsentRequired(string appId, string name) => new(400, "invalid_grant", 65001,
        $"The user or administrator has not consented to use the application with ID '{appId}' named '{name}'. " +
        "Send an interactive authorization request for this user and resource.",
        "consent_required");

    public static EntraException UserNotInTenant(string upn, string tenant) => new(400, "invalid_grant", 50034,
        $"The user account {upn} does not exist in the {tenant} directory. To sign into this application, the account must be added to the directory.");

    public static EntraException AuthorizationPending() => new(400, "authorization_pending", 70016,
        "OAuth 2.0 device flow error. Authorization is pending. Continue polling.");

    public static EntraException DeviceCodeExpired() => new(400, "expired_token", 70020,
        "The provided value for the input parameter 'device_code' is not valid. This device code has expired.");

    public static EntraException BadGrant(string what) => new(400, "invalid_grant", 70000,
        "The request was denied because one or more scopes requested are unauthorized or expired. " +
        $"The user must first sign in and grant the client application access to the requested scope. ({what})");

    public static EntraException CodeRedeemed() => new(400, "invalid_grant", 54005,
        "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.");

    public static EntraException PkceMismatch() => new(400, "invalid_grant", 501481,
        "The Code_Verifier does not match the code_challenge supplied in the authorization request.");

    public static EntraException RefreshExpired() => new(400, "invalid_grant", 700082,
        "The refresh token has expired due to inactivity. The token was issued on a date and was inactive for 90 days.");

    public static EntraException RedirectMismatch(string redirectUri, string appId) => new(400, "invalid_request", 50011,
        $"The redirect URI '{redirectUri}' specified in the request does not match the redirect URIs configured for the application '{appId}'. " +
        "Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.");

    public static EntraException UnsupportedGrant(string grantType) => new(400, "unsupported_grant_type", 70003,
        $"The app requested an unsupported grant type '{grantType}'.");

    public static EntraException AssertionMalformed(string why) => new(401, "invalid_client", 50027,
        $"JWT token is invalid or malformed. {why}");

    public static EntraException AssertionSubjectMismatch() => new(401, "invalid_client", 700021,
        "Client assertion application identifier doesn't match 'client_id' parameter.");

    public static EntraException AssertionAudience(string aud) => new(401, "invalid_client", 50013,
        "Assertion audience claim does not match the required value. " +
        $"The audience in the assertion was '{aud}' and the expected audience is the token endpoint.");

    public static EntraException AssertionTime() => new(401, "invalid_client", 700024,
        "Client assertion is not within its valid time range.");

    public static EntraException CertificateNotRegistered() => new(401, "invalid_client", 700027,
        "The certificate with identifier used to sign the client assertion is not registered on application.");

    public static EntraException AssertionSignature() => new(401, "invalid_client", 700027,
        "Client assertion failed signature validation.");
}
