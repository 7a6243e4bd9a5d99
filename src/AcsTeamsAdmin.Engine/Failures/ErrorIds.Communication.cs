namespace AcsTeamsAdmin.Engine.Failures;

/// <summary>Error ids of the ACS identity client and operations.</summary>
public static partial class ErrorIds
{
    // Input, checked before any call to the ACS resource.
    public const string InvalidConnectionString = "InvalidConnectionString";
    public const string InvalidAccessKey = "InvalidAccessKey";
    public const string UnsupportedApiVersion = "UnsupportedApiVersion";
    public const string InvalidTokenScope = "InvalidTokenScope";
    public const string InvalidTokenLifetime = "InvalidTokenLifetime";
    public const string InvalidIdentityId = "InvalidIdentityId";
    public const string TeamsTokenUnusable = "TeamsTokenUnusable";

    // Answers of the ACS identity service (see ServiceErrorMap).
    public const string AcsIdentityNotOwned = "AcsIdentityNotOwned";
    public const string AcsIdentityNotFound = "AcsIdentityNotFound";
    public const string AcsValidationFailed = "AcsValidationFailed";
    public const string TeamsTokenRejected = "TeamsTokenRejected";
}
