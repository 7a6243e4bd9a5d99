namespace AcsTeamsAdmin.Engine.Applications;

/// <summary>The tenants that own Microsoft's first-party applications (their service principals' appOwnerOrganizationId).</summary>
internal static class MicrosoftTenants
{
    private static readonly string[] Ids =
    [
        "f8cdef31-a31e-4b4a-93e4-5f571e91255a", // Microsoft Services: ACS, Microsoft Graph and most first-party apps
        "72f988bf-86f1-41af-91ab-2d7cd011db47", // Microsoft's corporate tenant, owner of some older first-party apps
    ];

    public static bool Owns(string tenantId) => Ids.Contains(tenantId, StringComparer.OrdinalIgnoreCase);
}
