using System.Text.Json.Nodes;

namespace AcsTeamsAdmin.Sandbox;

/// <summary>
/// Everything the sandbox knows, as plain data. Only touch it through <see cref="SandboxState.Read{T}"/> and
/// <see cref="SandboxState.Update(Action{SandboxData})"/>: those hold the lock that keeps concurrent requests consistent.
/// </summary>
public sealed class SandboxData
{
    /// <summary>Format version of the saved JSON.</summary>
    public int Version { get; set; } = 1;

    /// <summary>The tenant the description names first (the customer tenant in the default seed).</summary>
    public string DefaultTenantId { get; set; } = "";

    /// <summary>Base64 of the 32-byte ACS access key that goes into the connection string.</summary>
    public string AcsAccessKey { get; set; } = "";

    /// <summary>The ACS resource's immutable resource id: the middle of every identity id (8:acs:&lt;this&gt;_&lt;guid&gt;).</summary>
    public string AcsResourceId { get; set; } = "";

    /// <summary>ACS identities created through the identity API, deleted ones included (they answer 404, not 401).</summary>
    public IList<AcsIdentityData> AcsIdentities { get; } = new List<AcsIdentityData>();

    public SandboxSettings Settings { get; } = new();

    /// <summary>Which seeded objects the description should point at (the ISV app, the Teams user).</summary>
    public SandboxFacts Facts { get; } = new();

    /// <summary>Applications owned by Microsoft (ACS, Microsoft Graph): they exist in every tenant's view of the world.</summary>
    public IList<FirstPartyApp> FirstPartyApps { get; } = new List<FirstPartyApp>();

    public IList<TenantData> Tenants { get; } = new List<TenantData>();

    /// <summary>Azure subscriptions, read through the sandbox's Azure Resource Manager (the ACS resource lives in one).</summary>
    public IList<AzureSubscriptionData> AzureSubscriptions { get; } = new List<AzureSubscriptionData>();

    /// <summary>Device codes handed out and not yet redeemed.</summary>
    public IList<DeviceCodeData> DeviceCodes { get; } = new List<DeviceCodeData>();

    public IList<AuthorizationCodeData> AuthorizationCodes { get; } = new List<AuthorizationCodeData>();

    public IList<RefreshTokenData> RefreshTokens { get; } = new List<RefreshTokenData>();
}

/// <summary>Knobs that change timing, kept in the state so a saved sandbox behaves the same after loading.</summary>
public sealed class SandboxSettings
{
    public int AccessTokenLifetimeSeconds { get; set; } = 3600;

    public int RefreshTokenLifetimeSeconds { get; set; } = 90 * 24 * 3600;

    /// <summary>
    /// MSAL waits exactly this many seconds between polls (Task.Delay(interval), no minimum): Entra says 5, 1 keeps
    /// tests fast, 0 makes MSAL poll in a tight loop (thousands of requests a second in-process).
    /// </summary>
    public int DeviceCodeIntervalSeconds { get; set; } = 1;

    public int DeviceCodeLifetimeSeconds { get; set; } = 900;

    /// <summary>Graph's page size when no $top is given (servicePrincipals and applications default to 100).</summary>
    public int DefaultPageSize { get; set; } = 100;

    /// <summary>Azure Resource Manager's page size for lists (subscriptions, ACS resources); a later page is behind nextLink.</summary>
    public int ResourceManagerPageSize { get; set; } = 100;
}

/// <summary>Pointers into the seed that the description publishes.</summary>
public sealed class SandboxFacts
{
    public string? IsvTenantId { get; set; }

    public string? IsvAppId { get; set; }

    public string? TeamsUserPrincipalName { get; set; }
}

/// <summary>A Microsoft-owned application: its service principal appears in a tenant only when provisioned there.</summary>
public sealed class FirstPartyApp
{
    public string AppId { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public IList<string> IdentifierUris { get; } = new List<string>();

    /// <summary>Graph <c>permissionScope</c> objects, exactly as the service principal lists them.</summary>
    public JsonArray OAuth2PermissionScopes { get; set; } = [];

    /// <summary>Graph <c>appRole</c> objects.</summary>
    public JsonArray AppRoles { get; set; } = [];

    /// <summary>
    /// When false (the default for real tenants) the service principal is only provisioned by an admin or by
    /// consent; Microsoft Graph is true: every tenant has it from birth.
    /// </summary>
    public bool ProvisionedInEveryTenant { get; set; }
}

public sealed class TenantData
{
    public string Id { get; set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary>The initial domain, e.g. fabrikam.onmicrosoft.com.</summary>
    public string DefaultDomain { get; set; } = "";

    public IList<string> Domains { get; } = new List<string>();

    public IList<UserData> Users { get; } = new List<UserData>();

    /// <summary>The app registration (with a client secret) that administers this tenant in tests.</summary>
    public string? AdminClientId { get; set; }

    /// <summary>Who approves a device code for this tenant without a test having to: null turns auto-approval off.</summary>
    public string? DeviceCodeAutoApproveUser { get; set; }

    /// <summary>Who the authorize endpoint signs in when no login_hint is given.</summary>
    public string? DefaultSignInUser { get; set; }

    public IList<ManagedIdentityData> ManagedIdentities { get; } = new List<ManagedIdentityData>();

    /// <summary>Graph <c>application</c> objects registered in this tenant (their home).</summary>
    public IList<JsonObject> Applications { get; } = new List<JsonObject>();

    /// <summary>Graph <c>servicePrincipal</c> objects in this tenant.</summary>
    public IList<JsonObject> ServicePrincipals { get; } = new List<JsonObject>();

    /// <summary>Graph <c>oAuth2PermissionGrant</c> objects (delegated consent).</summary>
    public IList<JsonObject> OAuth2PermissionGrants { get; } = new List<JsonObject>();

    /// <summary>Graph <c>appRoleAssignment</c> objects: the application permissions that end up in app-only tokens' roles.</summary>
    public IList<JsonObject> AppRoleAssignments { get; } = new List<JsonObject>();

    /// <summary>Credentials of the applications registered here, which Graph never returns.</summary>
    public IList<AppCredentialData> AppCredentials { get; } = new List<AppCredentialData>();

    /// <summary>Owners of application objects: owners may change their app without an admin role.</summary>
    public IList<AppOwnerData> AppOwners { get; } = new List<AppOwnerData>();

    /// <summary>Teams application access policies: which apps may create online meetings for which users, as an app.</summary>
    public IList<ApplicationAccessPolicyData> ApplicationAccessPolicies { get; } = new List<ApplicationAccessPolicyData>();

    /// <summary>Graph <c>onlineMeeting</c> objects created through POST /users/{id}/onlineMeetings (organizer id in "organizerId").</summary>
    public IList<JsonObject> OnlineMeetings { get; } = new List<JsonObject>();
}

public sealed class UserData
{
    public string Id { get; set; } = "";

    public string UserPrincipalName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary>Directory role names, e.g. "Global Administrator".</summary>
    public IList<string> DirectoryRoles { get; } = new List<string>();

    /// <summary>False for a disabled account: it cannot sign in (Graph's accountEnabled).</summary>
    public bool AccountEnabled { get; set; } = true;

    /// <summary>The service plans of the user's licences (Graph's assignedPlans).</summary>
    public IList<AssignedPlanData> AssignedPlans { get; } = new List<AssignedPlanData>();
}

public enum ManagedIdentityKind
{
    SystemAssigned,
    UserAssigned,
}

public sealed class ManagedIdentityData
{
    public ManagedIdentityKind Kind { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The identity's client (app) id.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The object id of its service principal.</summary>
    public string ObjectId { get; set; } = "";

    /// <summary>The Azure resource id (user-assigned identities can be asked for by it).</summary>
    public string? ResourceId { get; set; }
}

public sealed class AppCredentialData
{
    public string AppId { get; set; } = "";

    public IList<string> Secrets { get; } = new List<string>();

    /// <summary>Base64 DER of the registered certificates (public part only).</summary>
    public IList<string> Certificates { get; } = new List<string>();
}

public sealed class AppOwnerData
{
    public string ApplicationObjectId { get; set; } = "";

    public string UserId { get; set; } = "";
}

public sealed class DeviceCodeData
{
    public string DeviceCode { get; set; } = "";

    public string UserCode { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>The tenant segment the client used (an id, a domain, organizations or common).</summary>
    public string TenantSegment { get; set; } = "";

    public string Scope { get; set; } = "";

    public DateTimeOffset ExpiresOn { get; set; }

    /// <summary>Set when a user approved: tenant id and user object id.</summary>
    public string? ApprovedTenantId { get; set; }

    public string? ApprovedUserId { get; set; }
}

public sealed class AuthorizationCodeData
{
    public string Code { get; set; } = "";

    public string ClientId { get; set; } = "";

    public string TenantId { get; set; } = "";

    public string UserId { get; set; } = "";

    public string RedirectUri { get; set; } = "";

    public string Scope { get; set; } = "";

    public string? CodeChallenge { get; set; }

    public string? CodeChallengeMethod { get; set; }

    public DateTimeOffset ExpiresOn { get; set; }
}

public sealed class RefreshTokenData
{
    public string Token { get; set; } = "";

    public string ClientId { get; set; } = "";

    public string TenantId { get; set; } = "";

    public string UserId { get; set; } = "";

    public DateTimeOffset ExpiresOn { get; set; }
}

/// <summary>An ACS identity (a communication user) and what decides whether its tokens still work.</summary>
public sealed class AcsIdentityData
{
    /// <summary>8:acs:&lt;resourceId&gt;_&lt;guid&gt;.</summary>
    public string Id { get; set; } = "";

    public DateTimeOffset CreatedOn { get; set; }

    /// <summary>
    /// Bumped by every revocation. Tokens carry the generation they were issued in, so a token issued before a
    /// revocation fails later checks even when issued in the same second (iat has only second precision).
    /// </summary>
    public int TokenGeneration { get; set; }

    public DateTimeOffset? TokensRevokedOn { get; set; }

    public DateTimeOffset? DeletedOn { get; set; }
}
