using AcsTeamsAdmin.Engine.ServicePrincipals;

namespace AcsTeamsAdmin.Engine.Applications;

/// <summary>
/// What an app registration must have for ACS with Teams, as the user asked: the ACS delegated
/// scopes, and optionally the public client settings of the quickstart and a multi-tenant audience.
/// </summary>
public sealed record AcsApplicationSettings
{
    /// <summary>The ACS delegated permissions to include (default: Teams.ManageCalls and Teams.ManageChats).</summary>
    public IReadOnlyList<AcsScope> Scopes { get; init; } = AcsScope.Default;

    /// <summary>isFallbackPublicClient = true (the portal's "Allow public client flows").</summary>
    public bool AllowPublicClientFlows { get; init; }

    /// <summary>A publicClient redirect URI to include (merged in; others stay); null for none.</summary>
    public PublicClientRedirectUri? RedirectUri { get; init; }

    /// <summary>signInAudience AzureADMultipleOrgs, unless the app already is multi-tenant.</summary>
    public bool MultiTenant { get; init; }

    /// <summary>
    /// Set-AcsVoipPermission's settings from its parameters as typed: the redirect URI defaults to
    /// http://localhost only with -AllowPublicClientFlows. Throws, naming the parameter, on a bad value.
    /// </summary>
    public static AcsApplicationSettings ForChange(
        IReadOnlyList<string>? scope, bool includeLegacyVoip, bool allowPublicClientFlows, string? redirectUri, bool multiTenant) => new()
    {
        Scopes = AcsScope.Parse(scope, includeLegacyVoip),
        AllowPublicClientFlows = allowPublicClientFlows,
        RedirectUri = redirectUri is not null ? PublicClientRedirectUri.Parse(redirectUri)
            : allowPublicClientFlows ? PublicClientRedirectUri.Default : null,
        MultiTenant = multiTenant,
    };

    /// <summary>New-AcsTeamsApplication's settings: a public client with its redirect URI (default http://localhost).</summary>
    public static AcsApplicationSettings ForNewApplication(IReadOnlyList<string>? scope, bool includeLegacyVoip, string? redirectUri, bool multiTenant) => new()
    {
        Scopes = AcsScope.Parse(scope, includeLegacyVoip),
        AllowPublicClientFlows = true,
        RedirectUri = PublicClientRedirectUri.Parse(redirectUri ?? PublicClientRedirectUri.Default.Value),
        MultiTenant = multiTenant,
    };
}
