namespace AcsTeamsAdmin.Sandbox;

/// <summary>
/// Real Microsoft Graph permission ids (appRoles for application permissions, oauth2PermissionScopes for
/// delegated), as published for the Microsoft Graph service principal.
/// </summary>
public static class GraphPermissionIds
{
    public static IReadOnlyList<(string Value, string? ScopeId, string? RoleId)> All { get; } =
    [
        ("User.Read", "e1fe6dd8-ba31-4d61-89e7-88639da4683d", null),
        ("User.Read.All", "a154be20-db9c-4678-8ab7-66f6cc099a59", "df021288-bdef-4463-88db-98f22de89214"),
        ("User.ReadBasic.All", "b340eb25-3456-403f-be2f-af7a0d370277", "97235f07-e226-4f63-ace3-39588e11d3a1"),
        ("User.ReadWrite.All", "204e0828-b5ca-4ad8-b9f3-f32a958e7cc4", "741f803b-c850-494e-b5df-cde7c675a1ca"),
        ("OnlineMeetings.Read", "9be106e1-f4e3-4df5-bdff-e4bc531cbe43", null),
        ("OnlineMeetings.ReadWrite", "a65f2972-a4f8-4f5e-afd7-69ccb046d5dc", null),
        ("OnlineMeetings.Read.All", null, "c1684f21-1984-47fa-9d61-2dc8c296bb70"),
        ("OnlineMeetings.ReadWrite.All", null, "b8bb2037-6e08-44ac-a4ea-4674e010e2a4"),
        ("Application.Read.All", "c79f8feb-a9db-4090-85f9-90d820caa0eb", "9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30"),
        ("Application.ReadWrite.All", "bdfbf15f-ee85-4955-8675-146e8e5296b5", "1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9"),
        ("Application.ReadWrite.OwnedBy", null, "18a4783c-866b-4cc7-a460-3d5e5662c884"),
        ("AppRoleAssignment.ReadWrite.All", "84bccea3-f856-4a8a-967b-dbe0a3d53a64", "06b708a9-e830-4db3-a914-8e69da51d44f"),
        ("DelegatedPermissionGrant.Read.All", "a197cdc4-a8e8-4d49-9d35-4ca7c83887b4", "81b4724a-58aa-41c1-8a55-84ef97466587"),
        ("DelegatedPermissionGrant.ReadWrite.All", "41ce6ca6-6826-4807-84f1-1c82854f7ee5", "8e8e4742-1d95-4f68-9d56-6ee75648c72a"),
        ("Directory.Read.All", "06da0dbc-49e2-44d2-8312-53f166ab848a", "7ab1d382-f21e-4acd-a863-ba3e13f7da61"),
        ("Directory.ReadWrite.All", "c5366453-9fb0-48a5-a156-24f0c49a4b84", "19dbc75e-c2e2-444c-a770-ec69d8559fc7"),
        ("Organization.Read.All", "4908d5b9-3fb2-4b1e-9336-1888b7937185", "498476ce-e0fe-48b0-b801-37ba7e2685c6"),
        ("openid", "37f7f235-527c-4136-accd-4a02d197296e", null),
        ("profile", "14dad69e-099b-42c9-810b-d002981feec1", null),
        ("email", "64a6cdd6-aab1-4aaf-94b8-3cc8405e90d0", null),
        ("offline_access", "7427e0e9-2fba-42fe-b0c0-848c9e6a8182", null),
    ];

    public static string ScopeId(string value) =>
        All.First(p => string.Equals(p.Value, value, StringComparison.Ordinal)).ScopeId
        ?? throw new ArgumentException($"'{value}' has no delegated form.", nameof(value));

    public static string RoleId(string value) =>
        All.First(p => string.Equals(p.Value, value, StringComparison.Ordinal)).RoleId
        ?? throw new ArgumentException($"'{value}' has no application form.", nameof(value));
}
