using AcsTeamsAdmin.Engine.ServicePrincipals;

namespace AcsTeamsAdmin.Engine.Applications;

/// <summary>An ACS scope with the id to write, and whether the tenant's ACS service principal supplied it.</summary>
public sealed record ResolvedAcsScope(AcsScope Scope, Guid Id, bool FromTenant)
{
    public ResourceAccessEntry Permission => new(Id, ResourceAccessEntry.ScopeType);
}
