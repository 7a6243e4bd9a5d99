using AcsTeamsAdmin.Engine.Applications;
using AcsTeamsAdmin.Engine.Identifiers;

namespace AcsTeamsAdmin.Engine.Readiness;

/// <summary>What Initialize-AcsTeams should set up, parsed.</summary>
public sealed record SetupRequest
{
    /// <summary>The client apps (their Application (client) ids).</summary>
    public IReadOnlyList<AppId> AppIds { get; init; } = [];

    public SetupRoles Roles { get; init; } = SetupRoles.All;

    /// <summary>Make the app registration multi-tenant (customers in other tenants).</summary>
    public bool MultiTenant { get; init; }

    /// <summary>The public client redirect URI to make sure of; null adds http://localhost only to an app that has none.</summary>
    public PublicClientRedirectUri? RedirectUri { get; init; }
}
