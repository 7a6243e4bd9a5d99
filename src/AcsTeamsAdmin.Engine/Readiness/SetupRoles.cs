namespace AcsTeamsAdmin.Engine.Readiness;

/// <summary>Who runs the setup: what each may change differs (see Initialize-AcsTeams).</summary>
[Flags]
public enum SetupRoles
{
    /// <summary>A customer tenant's administrator: the ACS service principal, the client app's service principal, admin consent.</summary>
    TenantAdmin = 1,

    /// <summary>The app registration's owner: ACS permissions, public client flows, a redirect URI, the audience.</summary>
    AppOwner = 2,

    All = TenantAdmin | AppOwner,
}
