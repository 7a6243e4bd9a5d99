using AcsTeamsAdmin.Engine.Presentation;
using AcsTeamsAdmin.Engine.ServicePrincipals;

namespace AcsTeamsAdmin.Engine.Consent;

/// <summary>
/// The tenant-wide (AllPrincipals) delegated consent a client app has for Azure Communication
/// Services in one tenant: what is granted, what is missing from what was asked, and what else the
/// grant holds. Grant-AcsAdminConsent also says what it changed.
/// </summary>
[DefaultDisplay("Status:10", "Change:9", "ClientDisplayName:26", "MissingScopes", "GrantedScopes")]
public sealed record AdminConsentStatus
{
    public required string TenantId { get; init; }

    public required string ClientAppId { get; init; }

    /// <summary>The client app's name in this tenant; empty when it has no service principal here.</summary>
    public string ClientDisplayName { get; init; } = string.Empty;

    /// <summary>The client app's service principal (object id): the grant's clientId. Null when the tenant has none.</summary>
    public string? ClientServicePrincipalId { get; init; }

    public string ResourceAppId { get; init; } = AcsFirstPartyApp.AppId;

    /// <summary>The ACS service principal (object id): the grant's resourceId. Null when the tenant has none.</summary>
    public string? ResourceServicePrincipalId { get; init; }

    /// <summary>The oauth2PermissionGrant's id; null when there is no tenant-wide grant.</summary>
    public string? GrantId { get; init; }

    /// <summary>Every scope of the tenant-wide grant, in the grant's order, including ones this module does not know.</summary>
    public IReadOnlyList<string> GrantedScopes { get; init; } = [];

    /// <summary>The scopes asked about.</summary>
    public IReadOnlyList<string> RequestedScopes { get; init; } = [];

    /// <summary>Asked about but not granted.</summary>
    public IReadOnlyList<string> MissingScopes { get; init; } = [];

    /// <summary>Granted but not asked about (kept untouched by Grant-AcsAdminConsent).</summary>
    public IReadOnlyList<string> ExtraScopes { get; init; } = [];

    public required AdminConsentState Status { get; init; }

    /// <summary>What Grant-AcsAdminConsent changed; null from Get-AcsAdminConsent, which changes nothing.</summary>
    public AdminConsentChange? Change { get; init; }
}
