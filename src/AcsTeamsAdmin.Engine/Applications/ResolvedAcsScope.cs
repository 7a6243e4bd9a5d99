using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.ServicePrincipals;

namespace AcsTeamsAdmin.Engine.Applications;

/// <summary>An ACS scope with the id to write, and whether the tenant's ACS service principal supplied it.</summary>
/// <remarks>
/// No Microsoft document lists the ids of the ACS delegated scopes, so the tenant's ACS service principal (its
/// oauth2PermissionScopes) is the authority when the tenant has one; the built-in <see cref="AcsScope"/> table covers
/// tenants without it, and scopes it no longer lists (VoIP).
/// </remarks>
public sealed record ResolvedAcsScope(AcsScope Scope, Guid Id, bool FromTenant)
{
    public ResourceAccessEntry Permission => new(Id, ResourceAccessEntry.ScopeType);

    /// <summary>Every known ACS scope with the id this tenant uses (one read of the ACS service principal).</summary>
    internal static async Task<IReadOnlyList<ResolvedAcsScope>> ResolveKnownAsync(AcsTeamsAdminConnection connection, OperationContext context)
    {
        var principal = await ServicePrincipalOperations.GetAsync(connection, AppId.AcsFirstParty, context).ConfigureAwait(false);
        context.Log.Verbose(principal is null
            ? $"Tenant {connection.Info.TenantId} has no Azure Communication Services service principal: ACS scope ids come from the module's built-in table."
            : $"ACS scope ids come from the tenant's Azure Communication Services service principal {principal.Id} where it lists them.");
        return Resolve(principal?.DelegatedScopes ?? [], AcsScope.Known);
    }

    /// <summary>The asked-for scopes out of the resolved ones, saying in verbose where each id came from.</summary>
    internal static IReadOnlyList<ResolvedAcsScope> Pick(IReadOnlyList<ResolvedAcsScope> known, IReadOnlyList<AcsScope> wanted, IOperationLog log)
    {
        var picked = wanted.Select(scope => known.First(candidate => candidate.Scope == scope)).ToArray();
        foreach (var scope in picked)
        {
            log.Verbose($"ACS scope {scope.Scope.Value} = {scope.Id} " +
                $"({(scope.FromTenant ? "from the tenant's ACS service principal" : "from the built-in table")}).");
        }

        return picked;
    }

    /// <summary>Pure part: the principal's id wins where it lists the scope by name.</summary>
    internal static IReadOnlyList<ResolvedAcsScope> Resolve(IReadOnlyList<DelegatedScope> offered, IReadOnlyList<AcsScope> scopes) =>
        scopes.Select(scope => offered.FirstOrDefault(candidate => string.Equals(
            candidate.Value,
            scope.Value,
            StringComparison.OrdinalIgnoreCase)) is { } fromTenant
                ? new ResolvedAcsScope(scope, fromTenant.Id, FromTenant: true)
                : new ResolvedAcsScope(scope, scope.Id, FromTenant: false))
            .ToArray();
}
