using AcsTeamsAdmin.Engine.Applications;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.ServicePrincipals;

namespace AcsTeamsAdmin.Engine.Readiness;

/// <summary>What the tenant-level reads found: shared by every app checked in one run.</summary>
/// <param name="TenantId">The connected tenant.</param>
/// <param name="Cloud">The connection's cloud.</param>
/// <param name="AcsPrincipalId">The ACS service principal's object id; null when the tenant has none.</param>
/// <param name="AcsScopes">Every known ACS scope with the id this tenant uses for it.</param>
internal sealed record TenantFacts(string TenantId, CloudEnvironment Cloud, string? AcsPrincipalId, IReadOnlyList<ResolvedAcsScope> AcsScopes);

/// <summary>One oauth2PermissionGrant, as far as the checks need it.</summary>
internal sealed record GrantFact(string? ResourceId, string? ConsentType, string? Scope);

/// <summary>What the per-app reads found.</summary>
/// <param name="AppId">The client app.</param>
/// <param name="Registration">Its app registration when it lives in this tenant; null otherwise.</param>
/// <param name="ClientPrincipalExists">Whether this tenant has the app's service principal.</param>
/// <param name="Grants">The tenant-wide (AllPrincipals) delegated grants whose client is that service principal.</param>
/// <param name="MultiTenant">The caller said customers in other tenants use the app.</param>
internal sealed record AppFacts(AppId AppId, ApplicationSnapshot? Registration, bool ClientPrincipalExists, IReadOnlyList<GrantFact> Grants, bool MultiTenant)
{
    public static IReadOnlyList<AcsScope> Required => AcsScope.Default;
}
