namespace AcsTeamsAdmin.Engine.Failures;

/// <summary>
/// Every error id the module can report. Scripts match on these (`$_.FullyQualifiedErrorId`),
/// so they are stable: add new ones, never rename. An area may keep its ids in a part of its own
/// (ErrorIds.Area.cs); a test checks that no two ids have the same value.
/// </summary>
public static partial class ErrorIds
{
    // Input, checked before any network call.
    public const string InvalidInput = "InvalidInput";
    public const string InvalidGuid = "InvalidGuid";
    public const string InvalidUrl = "InvalidUrl";
    public const string InvalidTenant = "InvalidTenant";
    public const string MissingParameter = "MissingParameter";
    public const string ConflictingParameters = "ConflictingParameters";

    // Session state.
    public const string NotConnected = "NotConnected";
    public const string SandboxStateUnreadable = "SandboxStateUnreadable";

    // Sign-in.
    public const string SignInFailed = "SignInFailed";
    public const string SignInCancelled = "SignInCancelled";
    public const string CertificateNotFound = "CertificateNotFound";
    public const string ManagedIdentityUnavailable = "ManagedIdentityUnavailable";
    public const string AccessTokenRejected = "AccessTokenRejected";

    // Service answers (see ServiceErrorMap).
    public const string InsufficientPrivileges = "InsufficientPrivileges";
    public const string ResourceNotFound = "ResourceNotFound";
    public const string ResourceConflict = "ResourceConflict";
    public const string BadRequest = "BadRequest";
    public const string Throttled = "Throttled";
    public const string ServiceUnavailable = "ServiceUnavailable";
    public const string ServiceTimeout = "ServiceTimeout";
    public const string ConnectionFailed = "ConnectionFailed";

    /// <summary>The endpoint could not be reached at all (name not resolved, connection refused): nothing was sent.</summary>
    public const string EndpointUnreachable = "EndpointUnreachable";
    public const string UnexpectedResponse = "UnexpectedResponse";
    public const string ServiceError = "ServiceError";

    public const string Unexpected = "Unexpected";
}
