namespace AcsTeamsAdmin.Sandbox.Graph;

internal enum GraphOperation
{
    ReadApplications,
    WriteServicePrincipals,
    WriteApplications,
    CreateApplications,
    ReadGrants,
    ReadServicePrincipalGrants,
    WriteGrants,
    ReadOrganization,
    ReadSignedInUser,
    ReadUsersBasic,
    ReadUsers,
    CreateOnlineMeetings,
}

/// <summary>One row of the permission table: which application or delegated permissions allow an operation.</summary>
internal sealed record GraphPermissionRule(
    GraphOperation Operation, IReadOnlyList<string> AppRoles, IReadOnlyList<string> DelegatedScopes, bool DelegatedNeedsAdminRole);

/// <summary>
/// Least privilege, as data: the whole point of the sandbox is that a tool asking for too little fails here the
/// way it fails against Graph. Delegated tenant-wide writes also need a directory role that can consent
/// (Global, Application or Cloud Application Administrator); an app's owner may change it without one.
/// Application.ReadWrite.OwnedBy is not modelled: an app-only caller with only that gets 403 everywhere.
/// </summary>
internal static class GraphPermissions
{
    private static readonly string[] ReadApps = ["Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"];
    private static readonly string[] WriteApps = ["Application.ReadWrite.All", "Directory.ReadWrite.All"];
    private static readonly string[] ReadGrants =
    [
        "DelegatedPermissionGrant.Read.All",
        "DelegatedPermissionGrant.ReadWrite.All",
        "Directory.Read.All",
        "Directory.ReadWrite.All"
    ];

    // GET /servicePrincipals/{id | appId}/oauth2PermissionGrants (the relationship) is documented with Directory.Read.All
    // as its least privileged permission, then DelegatedPermissionGrant.ReadWrite.All and Directory.ReadWrite.All:
    // DelegatedPermissionGrant.Read.All, enough for GET /oauth2PermissionGrants, is not enough here.
    private static readonly string[] ReadPrincipalGrants = ["Directory.Read.All", "DelegatedPermissionGrant.ReadWrite.All", "Directory.ReadWrite.All"];
    private static readonly string[] WriteGrants = ["DelegatedPermissionGrant.ReadWrite.All"];

    // A user's full profile (accountEnabled, assignedPlans): User.Read.All is the least privileged; ReadBasic reads names only.
    private static readonly string[] ReadUsers = ["User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"];

    public static IReadOnlyList<GraphPermissionRule> Table { get; } =
    [
        new(GraphOperation.ReadApplications, ReadApps, ReadApps, false),
        new(GraphOperation.WriteServicePrincipals, WriteApps, WriteApps, true),
        new(GraphOperation.WriteApplications, WriteApps, WriteApps, true),
        // Any member may register an application (the default user setting) and becomes its owner.
        new(GraphOperation.CreateApplications, WriteApps, WriteApps, false),
        new(GraphOperation.ReadGrants, ReadGrants, ReadGrants, false),
        new(GraphOperation.ReadServicePrincipalGrants, ReadPrincipalGrants, ReadPrincipalGrants, false),
        new(GraphOperation.WriteGrants, WriteGrants, WriteGrants, true),
        new(
            GraphOperation.ReadOrganization,
            ["Organization.Read.All", "Organization.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"],
            ["User.Read", "Organization.Read.All", "Directory.Read.All"],
            false),
        new(GraphOperation.ReadSignedInUser, [], ["User.Read", "User.Read.All", "Directory.Read.All"], false),
        new(GraphOperation.ReadUsersBasic, [.. ReadUsers, "User.ReadBasic.All"], [.. ReadUsers, "User.ReadBasic.All"], false),
        new(GraphOperation.ReadUsers, ReadUsers, ReadUsers, false),
        new(GraphOperation.CreateOnlineMeetings, ["OnlineMeetings.ReadWrite.All"], ["OnlineMeetings.ReadWrite"], false),
    ];

    /// <summary>Throws 403 Authorization_RequestDenied unless the caller may; <paramref name="isOwner"/> waives the admin role.</summary>
    public static void Demand(GraphCaller caller, GraphOperation operation, bool isOwner = false)
    {
        var rule = Table.First(r => r.Operation == operation);
        if (caller.IsAppOnly)
        {
            if (!caller.Roles.Any(r => rule.AppRoles.Contains(r, StringComparer.OrdinalIgnoreCase)))
            {
                throw GraphErrors.Denied();
            }

            return;
        }

        if (!caller.Scopes.Any(s => rule.DelegatedScopes.Contains(s, StringComparer.OrdinalIgnoreCase)))
        {
            throw GraphErrors.Denied();
        }

        if (rule.DelegatedNeedsAdminRole && !caller.HasAdminRole && !isOwner)
        {
            throw GraphErrors.Denied();
        }
    }
}
