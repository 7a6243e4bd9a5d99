namespace AcsTeamsAdmin.Sandbox;

/// <summary>
/// The fixed ids and names of the default seed, so tests and documentation can name them. Real first-party ids
/// (Microsoft's tenant, the ACS and Graph apps and their permission ids) are the real values; the tenants, users
/// and apps of the seed are invented but stable.
/// </summary>
public static class SandboxIds
{
    public const string MicrosoftTenantId = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";

    public const string AcsAppId = "1fd5118e-2576-4263-8130-9503064c837a";
    public const string AcsAppIdUri = "https://auth.msft.communication.azure.com";
    public const string AcsTeamsManageCallsScopeId = "de8ec1df-066a-4817-bc5d-9a985b986262";
    public const string AcsTeamsManageChatsScopeId = "6290af7f-b407-49f9-92d5-bf584fdc4019";
    public const string AcsTeamsExtensionManageCallsScopeId = "9ed60762-c537-4e50-8984-4b1db3d922ce";
    public const string AcsVoipScopeId = "31f1efa3-6f54-4008-ac59-1bf1f0ff9958";

    /// <summary>The ACS data plane audience (tokens for <c>https://communication.azure.com//.default</c>).</summary>
    public const string AcsDataPlaneAudience = "https://communication.azure.com";

    /// <summary>The sandbox ACS resource's immutable resource id (what Teams' AllowedAcsResources lists).</summary>
    public const string AcsResourceId = "5e1f7a2b-9c3d-4e8f-a6b1-2c7d9e0f3a20";

    /// <summary>The audiences Azure Resource Manager accepts (the Global cloud's two names for it).</summary>
    public static readonly IReadOnlyList<string> ResourceManagerAudiences =
        ["https://management.azure.com/", "https://management.core.windows.net/"];

    public const string GraphAppId = "00000003-0000-0000-c000-000000000000";
    public const string GraphAudience = "https://graph.microsoft.com";

    public const string FabrikamTenantId = "2f6b3c1a-6e0d-4a51-9a7e-3f1d5c2b8a01";
    public const string FabrikamDomain = "fabrikam.onmicrosoft.com";
    public const string FabrikamAdminClientId = "5a3c9e71-0b2d-4c8e-9f16-7d4a2b8c1e02";
    public const string FabrikamAdminClientSecret = "Fab8Q~sandbox.admin.secret-0000000000000";
    public const string FabrikamAdminUserId = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e04";
    public const string FabrikamAdminUpn = "admin@fabrikam.onmicrosoft.com";
    public const string FabrikamTeamsUserId = "6e7f8091-a2b3-4c4d-8e5f-607182930a05";
    public const string FabrikamTeamsUserUpn = "adele@fabrikam.onmicrosoft.com";
    /// <summary>A Fabrikam user with a licence but no Microsoft Teams plan (Exchange and SharePoint only).</summary>
    public const string FabrikamUnlicensedUserId = "7f809a1b-b3c4-4d5e-9f60-718293a40b23";
    public const string FabrikamUnlicensedUserUpn = "megan@fabrikam.onmicrosoft.com";

    /// <summary>A Fabrikam user with Microsoft Teams whose account is disabled.</summary>
    public const string FabrikamDisabledUserId = "809a1b2c-c4d5-4e6f-8a71-8293a4b50c24";
    public const string FabrikamDisabledUserUpn = "lee@fabrikam.onmicrosoft.com";

    public const string FabrikamSystemIdentityClientId = "7b8c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d06";
    public const string FabrikamSystemIdentityObjectId = "8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e07";
    public const string FabrikamUserIdentityClientId = "9d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f08";
    public const string FabrikamUserIdentityObjectId = "0e1f2a3b-4c5d-4e6f-9a7b-8c9d0e1f2a09";
    public const string FabrikamUserIdentityResourceId =
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-sandbox" +
        "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/fabrikam-reader";

    /// <summary>Fabrikam's Azure subscription with the ACS resource the sandbox emulates.</summary>
    public const string FabrikamSubscriptionId = "b6e1d2c3-4f5a-4b6c-9d7e-8f9a0b1c2d21";
    public const string FabrikamSubscriptionName = "Fabrikam Production";

    /// <summary>A second Fabrikam subscription with no ACS resource (the admin app may only read it).</summary>
    public const string FabrikamDevSubscriptionId = "c7f2e3d4-5a6b-4c7d-8e9f-0a1b2c3d4e22";
    public const string FabrikamDevSubscriptionName = "Fabrikam Development";

    public const string AcsResourceGroup = "rg-communication";
    public const string AcsResourceName = "fabrikam-acs";

    /// <summary>The Teams application access policy that lets Fabrikam's admin app create meetings for every user.</summary>
    public const string FabrikamMeetingPolicy = "Fabrikam-ACS-Meetings";

    /// <summary>Service plan ids of the licences the seeded users hold (Microsoft's product and service plan list).</summary>
    public const string TeamsServicePlanId = "57ff2da0-773e-42df-b2af-ffb7a2317929";
    public const string TeamsCallingServicePlanId = "0feaeb32-d00e-4d66-bd5a-43b5b83db82c";
    public const string ExchangeServicePlanId = "9aaf7827-d63c-4b61-89c3-182f06f82e5c";
    public const string SharePointServicePlanId = "c7699d2e-19aa-44de-8edf-1736da088ca1";

    public const string ContosoTenantId = "3a7c4d2b-7f1e-4b62-8b8f-4e2d6c3b9b10";
    public const string ContosoDomain = "contoso.onmicrosoft.com";
    public const string ContosoAdminClientId = "4b8d5e3c-8a2f-4c73-9c9a-5f3e7d4c0c11";
    public const string ContosoAdminClientSecret = "Con8Q~sandbox.admin.secret-1111111111111";
    public const string ContosoAdminUserId = "1f2a3b4c-5d6e-4f7a-8b9c-0d1e2f3a4b12";
    public const string ContosoAdminUpn = "admin@contoso.onmicrosoft.com";
    public const string ContosoDeveloperUserId = "2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c13";
    public const string ContosoDeveloperUpn = "dev@contoso.onmicrosoft.com";

    /// <summary>The ISV's multi-tenant app registration that will ask for the ACS Teams permissions.</summary>
    public const string ContosoTeamsCallingAppId = "c0a1b2c3-d4e5-4f60-8a71-b2c3d4e5f614";
    public const string ContosoTeamsCallingObjectId = "d1b2c3d4-e5f6-4a71-9b82-c3d4e5f6a715";
    public const string ContosoTeamsCallingSecret = "Tcl8Q~sandbox.isv.app.secret-22222222222";

    /// <summary>The ISV's own API, which the calling app already has a scope of.</summary>
    public const string ContosoApiAppId = "e2c3d4e5-f6a7-4b82-8c93-d4e5f6a7b816";
    public const string ContosoApiScopeId = "f3d4e5f6-a7b8-4c93-9da4-e5f6a7b8c917";

    public const string EmptyTenantId = "4b8d5e3c-0000-4000-8000-000000000e18";
    public const string EmptyDomain = "empty.onmicrosoft.com";
}
