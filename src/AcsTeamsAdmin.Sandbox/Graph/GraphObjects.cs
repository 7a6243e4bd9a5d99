using System.Globalization;
using System.Text.Json.Nodes;

namespace AcsTeamsAdmin.Sandbox.Graph;

/// <summary>
/// Builds Graph resources with every property the v1.0 model declares, so a client that deserialises them sees
/// what it would see from Graph (nulls and empty collections included). The key sets double as the list of
/// properties a PATCH may name.
/// </summary>
internal static class GraphObjects
{
    public static JsonObject Application(
        string id,
        string appId,
        string displayName,
        string signInAudience,
        string publisherDomain,
        DateTimeOffset created) => new()
    {
        ["id"] = id,
        ["deletedDateTime"] = null,
        ["appId"] = appId,
        ["applicationTemplateId"] = null,
        ["disabledByMicrosoftStatus"] = null,
        ["createdDateTime"] = FormatDate(created),
        ["displayName"] = displayName,
        ["description"] = null,
        ["groupMembershipClaims"] = null,
        ["identifierUris"] = new JsonArray(),
        ["isDeviceOnlyAuthSupported"] = null,
        ["isFallbackPublicClient"] = null,
        ["nativeAuthenticationApisEnabled"] = null,
        ["notes"] = null,
        ["publisherDomain"] = publisherDomain,
        ["serviceManagementReference"] = null,
        ["signInAudience"] = signInAudience,
        ["tags"] = new JsonArray(),
        ["tokenEncryptionKeyId"] = null,
        ["uniqueName"] = null,
        ["samlMetadataUrl"] = null,
        ["defaultRedirectUri"] = null,
        ["certification"] = null,
        ["optionalClaims"] = null,
        ["servicePrincipalLockConfiguration"] = null,
        ["requestSignatureVerification"] = null,
        ["addIns"] = new JsonArray(),
        ["api"] = new JsonObject
        {
            ["acceptMappedClaims"] = null,
            ["knownClientApplications"] = new JsonArray(),
            ["requestedAccessTokenVersion"] = null,
            ["oauth2PermissionScopes"] = new JsonArray(),
            ["preAuthorizedApplications"] = new JsonArray(),
        },
        ["appRoles"] = new JsonArray(),
        ["info"] = Info(),
        ["keyCredentials"] = new JsonArray(),
        ["parentalControlSettings"] = new JsonObject { ["countriesBlockedForMinors"] = new JsonArray(), ["legalAgeGroupRule"] = "Allow" },
        ["passwordCredentials"] = new JsonArray(),
        ["publicClient"] = new JsonObject { ["redirectUris"] = new JsonArray() },
        ["requiredResourceAccess"] = new JsonArray(),
        ["verifiedPublisher"] = VerifiedPublisher(),
        ["web"] = new JsonObject
        {
            ["homePageUrl"] = null,
            ["logoutUrl"] = null,
            ["redirectUris"] = new JsonArray(),
            ["implicitGrantSettings"] = new JsonObject { ["enableAccessTokenIssuance"] = false, ["enableIdTokenIssuance"] = false },
            ["redirectUriSettings"] = new JsonArray(),
        },
        ["spa"] = new JsonObject { ["redirectUris"] = new JsonArray() },
    };

    public static JsonObject ServicePrincipal(
        string id, string appId, string displayName, string appOwnerOrganizationId, string signInAudience, string servicePrincipalType = "Application") => new()
    {
        ["id"] = id,
        ["deletedDateTime"] = null,
        ["accountEnabled"] = true,
        ["alternativeNames"] = new JsonArray(),
        ["appDisplayName"] = displayName,
        ["appDescription"] = null,
        ["appId"] = appId,
        ["applicationTemplateId"] = null,
        ["appOwnerOrganizationId"] = appOwnerOrganizationId,
        ["appRoleAssignmentRequired"] = false,
        ["createdDateTime"] = null,
        ["description"] = null,
        ["disabledByMicrosoftStatus"] = null,
        ["displayName"] = displayName,
        ["homepage"] = null,
        ["loginUrl"] = null,
        ["logoutUrl"] = null,
        ["notes"] = null,
        ["notificationEmailAddresses"] = new JsonArray(),
        ["preferredSingleSignOnMode"] = null,
        ["preferredTokenSigningKeyThumbprint"] = null,
        ["replyUrls"] = new JsonArray(),
        ["servicePrincipalNames"] = new JsonArray(appId),
        ["servicePrincipalType"] = servicePrincipalType,
        ["signInAudience"] = signInAudience,
        ["tags"] = new JsonArray(),
        ["tokenEncryptionKeyId"] = null,
        ["info"] = Info(),
        ["samlSingleSignOnSettings"] = null,
        ["addIns"] = new JsonArray(),
        ["appRoles"] = new JsonArray(),
        ["keyCredentials"] = new JsonArray(),
        ["oauth2PermissionScopes"] = new JsonArray(),
        ["passwordCredentials"] = new JsonArray(),
        ["resourceSpecificApplicationPermissions"] = new JsonArray(),
        ["verifiedPublisher"] = VerifiedPublisher(),
    };

    public static JsonObject Grant(string clientId, string resourceId, string consentType, string? principalId, string scope) => new()
    {
        ["id"] = GrantId(clientId, resourceId, principalId),
        ["clientId"] = clientId,
        ["consentType"] = consentType,
        ["principalId"] = principalId,
        ["resourceId"] = resourceId,
        ["scope"] = scope,
    };

    /// <summary>
    /// Graph's grant ids are the client and resource object ids (and the user's for a Principal grant) as
    /// base64url bytes: one grant per such key is exactly why a second POST gets 409.
    /// </summary>
    public static string GrantId(string clientId, string resourceId, string? principalId)
    {
        var bytes = new List<byte>(48);
        bytes.AddRange(Guid.Parse(clientId).ToByteArray());
        bytes.AddRange(Guid.Parse(resourceId).ToByteArray());
        if (principalId is not null)
        {
            bytes.AddRange(Guid.Parse(principalId).ToByteArray());
        }

        return Internal.Base64Url.Encode([.. bytes]);
    }

    public static JsonObject AppRoleAssignment(
        string principalId,
        string principalDisplayName,
        string principalType,
        string resourceId,
        string resourceDisplayName,
        string appRoleId) => new()
    {
        // Stable for the same principal, resource and role, so two seeds of the same world compare equal.
        ["id"] = Internal.Base64Url.Encode(Guid.Parse(Internal.DirectoryQueries.DeterministicGuid(principalId + resourceId, appRoleId)).ToByteArray()),
        ["deletedDateTime"] = null,
        ["appRoleId"] = appRoleId,
        ["createdDateTime"] = FormatDate(DateTimeOffset.UnixEpoch),
        ["principalDisplayName"] = principalDisplayName,
        ["principalId"] = principalId,
        ["principalType"] = principalType,
        ["resourceDisplayName"] = resourceDisplayName,
        ["resourceId"] = resourceId,
    };

    public static JsonObject Scope(string id, string value, string type, string adminConsentDisplayName) => new()
    {
        ["adminConsentDescription"] = adminConsentDisplayName,
        ["adminConsentDisplayName"] = adminConsentDisplayName,
        ["id"] = id,
        ["isEnabled"] = true,
        ["type"] = type,
        ["userConsentDescription"] = type == "User" ? adminConsentDisplayName : null,
        ["userConsentDisplayName"] = type == "User" ? adminConsentDisplayName : null,
        ["value"] = value,
    };

    public static JsonObject Role(string id, string value, string displayName) => new()
    {
        ["allowedMemberTypes"] = new JsonArray("Application"),
        ["description"] = displayName,
        ["displayName"] = displayName,
        ["id"] = id,
        ["isEnabled"] = true,
        ["origin"] = "Application",
        ["value"] = value,
    };

    public static string FormatDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonObject Info() => new()
    {
        ["logoUrl"] = null,
        ["marketingUrl"] = null,
        ["privacyStatementUrl"] = null,
        ["supportUrl"] = null,
        ["termsOfServiceUrl"] = null,
    };

    private static JsonObject VerifiedPublisher() => new()
    {
        ["displayName"] = null,
        ["verifiedPublisherId"] = null,
        ["addedDateTime"] = null,
    };
}
