using AcsTeamsAdmin.Engine.Presentation;

namespace AcsTeamsAdmin.Engine.ServicePrincipals;

/// <summary>A service principal as the module reports it: our type, not the Graph SDK's.</summary>
[DefaultDisplay("Status:8", "DisplayName:30", "AppId:36", "Id")]
public sealed record ServicePrincipalInfo
{
    /// <summary>The object id in this tenant (what oauth2PermissionGrants call clientId / resourceId).</summary>
    public required string Id { get; init; }

    public required string AppId { get; init; }

    public required string DisplayName { get; init; }

    public required string TenantId { get; init; }

    /// <summary>The tenant that owns the application (Microsoft's for first-party apps).</summary>
    public string? AppOwnerOrganizationId { get; init; }

    public bool AccountEnabled { get; init; }

    public IReadOnlyList<DelegatedScope> DelegatedScopes { get; init; } = [];

    public required ServicePrincipalStatus Status { get; init; }
}
