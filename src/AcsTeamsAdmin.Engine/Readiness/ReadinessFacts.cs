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

/// <summary>One oauth2PermissionGrant, as far as the checks (and the setup that adds to it) need it.</summary>
internal sealed record GrantFact(string? Id, string? ResourceId, string? ConsentType, string? Scope);

/// <summary>What the per-app reads found.</summary>
/// <param name="AppId">The client app.</param>
/// <param name="Registration">Its app registration when it lives in this tenant; null otherwise.</param>
/// <param name="ClientPrincipalId">The object id of the app's service principal in this tenant; null when it has none.</param>
/// <param name="Grants">The tenant-wide (AllPrincipals) delegated grants whose client is that service principal.</param>
/// <param name="MultiTenant">The caller said customers in other tenants use the app.</param>
internal sealed record AppFacts(AppId AppId, ApplicationSnapshot? Registration, string? ClientPrincipalId, IReadOnlyList<GrantFact> Grants, bool MultiTenant)
{
    public static IReadOnlyList<AcsScope> Required => AcsScope.Default;

    public bool ClientPrincipalExists => ClientPrincipalId is not null;

    /// <summary>The app's tenant-wide grant to the ACS service principal <paramref name="acsPrincipalId"/>, if any.</summary>
    public GrantFact? AcsGrant(string? acsPrincipalId) => acsPrincipalId is null ? null : Grants.FirstOrDefault(grant =>
        string.Equals(grant.ResourceId, acsPrincipalId, StringComparison.OrdinalIgnoreCase)
        && string.Equals(grant.ConsentType, Consent.PermissionGrants.AllPrincipals, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One of a user's assignedPlans: a service plan of a licence, and whether it can be used.</summary>
internal sealed record AssignedPlanFact(string? Service, string? CapabilityStatus, string? ServicePlanId, DateTimeOffset? AssignedDateTime)
{
    /// <summary>Enabled, or Warning (a grace period): the service works. Suspended, LockedOut and Deleted do not.</summary>
    public bool Usable => CapabilityStatus is { } status
        && (status.Equals("Enabled", StringComparison.OrdinalIgnoreCase) || status.Equals("Warning", StringComparison.OrdinalIgnoreCase));
}

/// <summary>What the read of the Teams user found (-TeamsUserId).</summary>
/// <param name="Reference">The user as given.</param>
/// <param name="Found">False when Graph answered 404: no such user in the tenant.</param>
/// <param name="Id">The object id.</param>
/// <param name="UserPrincipalName">The UPN.</param>
/// <param name="AccountEnabled">Whether the account can sign in.</param>
/// <param name="Plans">Every assigned plan, of every licence.</param>
internal sealed record TeamsUserFacts(
    UserReference Reference, bool Found, string? Id, string? UserPrincipalName, bool? AccountEnabled, IReadOnlyList<AssignedPlanFact> Plans)
{
    /// <summary>The service name Microsoft Teams' plans (TEAMS1, TEAMS_GOV, ...) carry in assignedPlans.</summary>
    public const string TeamsService = "TeamspaceAPI";

    /// <summary>The service name of the Skype for Business Online / Teams calling plans (MCOSTANDARD, MCOEV).</summary>
    public const string CallingService = "MicrosoftCommunicationsOnline";

    public static TeamsUserFacts NotFound(UserReference reference) => new(reference, false, null, null, null, []);

    public IReadOnlyList<AssignedPlanFact> PlansOf(string service) =>
        [.. Plans.Where(plan => string.Equals(plan.Service, service, StringComparison.OrdinalIgnoreCase))];
}
