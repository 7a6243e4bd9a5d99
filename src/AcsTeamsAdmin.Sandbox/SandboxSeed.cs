using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox.Graph;
using AcsTeamsAdmin.Sandbox.Internal;

namespace AcsTeamsAdmin.Sandbox;

/// <summary>
/// The world the sandbox starts with: a customer tenant (Fabrikam) that has not set up ACS yet, and an ISV tenant
/// (Contoso) whose multi-tenant app already asks for several other permissions. See <see cref="SandboxIds"/>.
/// </summary>
public static class SandboxSeed
{
    private static readonly string[] AdminAppRoles =
        ["Application.ReadWrite.All", "DelegatedPermissionGrant.ReadWrite.All", "Organization.Read.All", "User.Read.All", "OnlineMeetings.ReadWrite.All"];

    private const string AdminDelegatedScopes =
        "User.Read Application.ReadWrite.All DelegatedPermissionGrant.ReadWrite.All Organization.Read.All User.Read.All OnlineMeetings.ReadWrite";

    public static SandboxState CreateDefault() => Create(new SandboxSeedOptions());

    public static SandboxState Create(SandboxSeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var data = new SandboxData
        {
            DefaultTenantId = SandboxIds.FabrikamTenantId,
            AcsAccessKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            AcsResourceId = SandboxIds.AcsResourceId,
        };
        data.FirstPartyApps.Add(MicrosoftGraphApp());
        data.FirstPartyApps.Add(AcsApp(options.ListVoipScope));

        data.Facts.IsvTenantId = SandboxIds.ContosoTenantId;
        data.Facts.IsvAppId = SandboxIds.ContosoTeamsCallingAppId;
        data.Facts.TeamsUserPrincipalName = SandboxIds.FabrikamTeamsUserUpn;
        AddFabrikam(data, options);
        AddContoso(data, options);
        if (options.IncludeEmptyTenant)
        {
            var empty = AddTenant(data, SandboxIds.EmptyTenantId, "Empty", SandboxIds.EmptyDomain, options.CreatedAt);
            AddUser(
                empty,
                DirectoryQueries.DeterministicGuid(SandboxIds.EmptyTenantId, "admin"),
                "admin@" + SandboxIds.EmptyDomain,
                "Empty Admin",
                "Global Administrator");
            empty.DeviceCodeAutoApproveUser = "admin@" + SandboxIds.EmptyDomain;
            empty.DefaultSignInUser = empty.DeviceCodeAutoApproveUser;
        }

        return new SandboxState(data);
    }

    private static void AddFabrikam(SandboxData data, SandboxSeedOptions options)
    {
        var t = AddTenant(data, SandboxIds.FabrikamTenantId, "Fabrikam", SandboxIds.FabrikamDomain, options.CreatedAt);
        var admin = AddUser(t, SandboxIds.FabrikamAdminUserId, SandboxIds.FabrikamAdminUpn, "Fabrikam Admin", "Global Administrator");
        var adele = AddUser(t, SandboxIds.FabrikamTeamsUserId, SandboxIds.FabrikamTeamsUserUpn, "Adele Vance");
        var megan = AddUser(t, SandboxIds.FabrikamUnlicensedUserId, SandboxIds.FabrikamUnlicensedUserUpn, "Megan Bowen");
        var lee = AddUser(t, SandboxIds.FabrikamDisabledUserId, SandboxIds.FabrikamDisabledUserUpn, "Lee Gu");
        lee.AccountEnabled = false;
        foreach (var user in (UserData[])[admin, adele, lee])
        {
            License(
                user,
                options.CreatedAt,
                SandboxIds.TeamsServicePlanId,
                SandboxIds.TeamsCallingServicePlanId,
                SandboxIds.ExchangeServicePlanId,
                SandboxIds.SharePointServicePlanId);
        }

        License(megan, options.CreatedAt, SandboxIds.ExchangeServicePlanId, SandboxIds.SharePointServicePlanId);
        t.DeviceCodeAutoApproveUser = SandboxIds.FabrikamAdminUpn;
        t.AdminClientId = SandboxIds.FabrikamAdminClientId;
        t.DefaultSignInUser = SandboxIds.FabrikamAdminUpn;

        var adminSp = AddAppWithServicePrincipal(
            data, t, SandboxIds.FabrikamAdminClientId, DirectoryQueries.DeterministicGuid(SandboxIds.FabrikamAdminClientId, "app"),
            "Fabrikam ACS Admin", "AzureADMyOrg", options.CreatedAt, SandboxIds.FabrikamAdminClientSecret);
        var app = t.Applications[^1];
        app["isFallbackPublicClient"] = true;
        ((JsonArray)app["publicClient"]!["redirectUris"]!).Add("http://localhost");
        var graphSp = DirectoryQueries.FindServicePrincipal(t, SandboxIds.GraphAppId)!;
        foreach (var role in AdminAppRoles)
        {
            AssignGraphRole(t, adminSp, graphSp, role);
        }

        t.OAuth2PermissionGrants.Add(GraphObjects.Grant(Str(adminSp, "id"), Str(graphSp, "id"), "AllPrincipals", null, AdminDelegatedScopes));

        var system = ManagedIdentity(t, ManagedIdentityKind.SystemAssigned, "fabrikam-automation",
            SandboxIds.FabrikamSystemIdentityClientId, SandboxIds.FabrikamSystemIdentityObjectId, null);
        foreach (var role in AdminAppRoles)
        {
            AssignGraphRole(t, system, graphSp, role);
        }

        var reader = ManagedIdentity(t, ManagedIdentityKind.UserAssigned, "fabrikam-reader",
            SandboxIds.FabrikamUserIdentityClientId, SandboxIds.FabrikamUserIdentityObjectId, SandboxIds.FabrikamUserIdentityResourceId);
        AssignGraphRole(t, reader, graphSp, "Application.Read.All");

        if (options.AcsServicePrincipalInCustomer)
        {
            DirectoryQueries.Provision(data, t, SandboxIds.AcsAppId, null, options.CreatedAt);
        }

        if (options.MeetingPolicyForAdminApp)
        {
            var policy = new ApplicationAccessPolicyData { Identity = SandboxIds.FabrikamMeetingPolicy, Global = true };
            policy.AppIds.Add(SandboxIds.FabrikamAdminClientId);
            t.ApplicationAccessPolicies.Add(policy);
        }

        AddFabrikamAzure(data, Str(adminSp, "id"), Str(system, "id"), Str(reader, "id"));
    }

    /// <summary>
    /// Fabrikam's Azure: a production subscription whose ACS resource is the one the sandbox emulates (same immutable
    /// id and endpoint), and a development subscription with none. Roles: the admin app is Contributor on production
    /// (it may read the keys) and Reader on development; the admin user Owner of both; the system-assigned identity
    /// Contributor on production; the user-assigned 'fabrikam-reader' only Reader of the ACS resource group (no keys).
    /// </summary>
    private static void AddFabrikamAzure(SandboxData data, string adminAppPrincipal, string systemIdentity, string readerIdentity)
    {
        var production = new AzureSubscriptionData
        {
            Id = SandboxIds.FabrikamSubscriptionId,
            DisplayName = SandboxIds.FabrikamSubscriptionName,
            TenantId = SandboxIds.FabrikamTenantId
        };
        var group = new ResourceGroupData { Name = SandboxIds.AcsResourceGroup, Location = "westeurope" };
        group.CommunicationServices.Add(new CommunicationServiceData
        {
            Name = SandboxIds.AcsResourceName,
            ImmutableResourceId = SandboxIds.AcsResourceId,
        });
        production.ResourceGroups.Add(group);
        production.ResourceGroups.Add(new ResourceGroupData { Name = "rg-web", Location = "westeurope" });
        var subscriptionScope = "/subscriptions/" + production.Id;
        production.RoleAssignments.Add(new RoleAssignmentData { PrincipalId = adminAppPrincipal, RoleName = "Contributor", Scope = subscriptionScope });
        production.RoleAssignments.Add(new RoleAssignmentData { PrincipalId = SandboxIds.FabrikamAdminUserId, RoleName = "Owner", Scope = subscriptionScope });
        production.RoleAssignments.Add(new RoleAssignmentData { PrincipalId = systemIdentity, RoleName = "Contributor", Scope = subscriptionScope });
        production.RoleAssignments.Add(new RoleAssignmentData
        {
            PrincipalId = readerIdentity,
            RoleName = "Reader",
            Scope = $"{subscriptionScope}/resourceGroups/{SandboxIds.AcsResourceGroup}"
        });
        data.AzureSubscriptions.Add(production);

        var development = new AzureSubscriptionData
        {
            Id = SandboxIds.FabrikamDevSubscriptionId,
            DisplayName = SandboxIds.FabrikamDevSubscriptionName,
            TenantId = SandboxIds.FabrikamTenantId
        };
        development.ResourceGroups.Add(new ResourceGroupData { Name = "rg-dev", Location = "northeurope" });
        development.RoleAssignments.Add(new RoleAssignmentData
        {
            PrincipalId = adminAppPrincipal,
            RoleName = "Reader",
            Scope = "/subscriptions/" + development.Id
        });
        development.RoleAssignments.Add(new RoleAssignmentData
        {
            PrincipalId = SandboxIds.FabrikamAdminUserId,
            RoleName = "Owner",
            Scope = "/subscriptions/" + development.Id
        });
        data.AzureSubscriptions.Add(development);
    }

    private static void License(UserData user, DateTimeOffset at, params string[] servicePlanIds)
    {
        foreach (var plan in servicePlanIds)
        {
            user.AssignedPlans.Add(new AssignedPlanData
            {
                AssignedDateTime = at,
                CapabilityStatus = "Enabled",
                ServicePlanId = plan,
                Service = ServiceOf(plan)
            });
        }
    }

    private static string ServiceOf(string servicePlanId) => servicePlanId switch
    {
        SandboxIds.TeamsServicePlanId => "TeamspaceAPI",
        SandboxIds.TeamsCallingServicePlanId => "MicrosoftCommunicationsOnline",
        SandboxIds.ExchangeServicePlanId => "exchange",
        _ => "SharePoint",
    };

    private static void AddContoso(SandboxData data, SandboxSeedOptions options)
    {
        var t = AddTenant(data, SandboxIds.ContosoTenantId, "Contoso", SandboxIds.ContosoDomain, options.CreatedAt);
        AddUser(t, SandboxIds.ContosoAdminUserId, SandboxIds.ContosoAdminUpn, "Contoso Admin", "Global Administrator");
        AddUser(t, SandboxIds.ContosoDeveloperUserId, SandboxIds.ContosoDeveloperUpn, "Contoso Developer");
        t.DeviceCodeAutoApproveUser = SandboxIds.ContosoAdminUpn;
        t.AdminClientId = SandboxIds.ContosoAdminClientId;
        t.DefaultSignInUser = SandboxIds.ContosoAdminUpn;
        var graphSp = DirectoryQueries.FindServicePrincipal(t, SandboxIds.GraphAppId)!;

        var adminSp = AddAppWithServicePrincipal(
            data, t, SandboxIds.ContosoAdminClientId, DirectoryQueries.DeterministicGuid(SandboxIds.ContosoAdminClientId, "app"),
            "Contoso ACS Admin", "AzureADMyOrg", options.CreatedAt, SandboxIds.ContosoAdminClientSecret);
        var adminApp = t.Applications[^1];
        adminApp["isFallbackPublicClient"] = true;
        ((JsonArray)adminApp["publicClient"]!["redirectUris"]!).Add("http://localhost");
        foreach (var role in AdminAppRoles)
        {
            AssignGraphRole(t, adminSp, graphSp, role);
        }

        t.OAuth2PermissionGrants.Add(GraphObjects.Grant(Str(adminSp, "id"), Str(graphSp, "id"), "AllPrincipals", null, AdminDelegatedScopes));

        // The ISV's own API, so the calling app has a non-Microsoft permission that a careless PATCH would drop.
        AddAppWithServicePrincipal(
            data, t, SandboxIds.ContosoApiAppId, DirectoryQueries.DeterministicGuid(SandboxIds.ContosoApiAppId, "app"),
            "Contoso Calling API", "AzureADMultipleOrgs", options.CreatedAt, secret: null);
        var api = t.Applications[^1];
        ((JsonArray)api["identifierUris"]!).Add("api://" + SandboxIds.ContosoApiAppId);
        ((JsonArray)api["api"]!["oauth2PermissionScopes"]!).Add(GraphObjects.Scope(
            SandboxIds.ContosoApiScopeId,
            "Calls.Manage",
            "User",
            "Manage calls through Contoso"));
        var apiSp = DirectoryQueries.FindServicePrincipal(t, SandboxIds.ContosoApiAppId)!;
        apiSp["oauth2PermissionScopes"] = api["api"]!["oauth2PermissionScopes"]!.DeepClone();
        ((JsonArray)apiSp["servicePrincipalNames"]!).Add("api://" + SandboxIds.ContosoApiAppId);

        var callingSp = AddAppWithServicePrincipal(
            data, t, SandboxIds.ContosoTeamsCallingAppId, SandboxIds.ContosoTeamsCallingObjectId,
            "Contoso Teams Calling", "AzureADMultipleOrgs", options.CreatedAt, SandboxIds.ContosoTeamsCallingSecret);
        var calling = t.Applications[^1];
        calling["isFallbackPublicClient"] = true;
        ((JsonArray)calling["publicClient"]!["redirectUris"]!).Add("http://localhost");
        calling["requiredResourceAccess"] = new JsonArray(
            new JsonObject
            {
                ["resourceAppId"] = SandboxIds.GraphAppId,
                ["resourceAccess"] = new JsonArray(
                    new JsonObject { ["id"] = GraphPermissionIds.ScopeId("User.Read"), ["type"] = "Scope" },
                    new JsonObject { ["id"] = GraphPermissionIds.RoleId("User.Read.All"), ["type"] = "Role" }),
            },
            new JsonObject
            {
                ["resourceAppId"] = SandboxIds.ContosoApiAppId,
                ["resourceAccess"] = new JsonArray(new JsonObject { ["id"] = SandboxIds.ContosoApiScopeId, ["type"] = "Scope" }),
            });
        t.AppOwners.Add(new AppOwnerData { ApplicationObjectId = SandboxIds.ContosoTeamsCallingObjectId, UserId = SandboxIds.ContosoDeveloperUserId });
        t.OAuth2PermissionGrants.Add(GraphObjects.Grant(Str(callingSp, "id"), Str(graphSp, "id"), "AllPrincipals", null, "User.Read"));
        t.OAuth2PermissionGrants.Add(GraphObjects.Grant(Str(callingSp, "id"), Str(apiSp, "id"), "AllPrincipals", null, "Calls.Manage"));
        AssignGraphRole(t, callingSp, graphSp, "User.Read.All");
    }

    private static TenantData AddTenant(SandboxData data, string id, string name, string domain, DateTimeOffset created)
    {
        var tenant = new TenantData { Id = id, DisplayName = name, DefaultDomain = domain };
        tenant.Domains.Add(domain);
        data.Tenants.Add(tenant);
        // Every real tenant has the Microsoft Graph service principal from the start.
        DirectoryQueries.Provision(data, tenant, SandboxIds.GraphAppId, null, created);
        return tenant;
    }

    private static UserData AddUser(TenantData tenant, string id, string upn, string name, params string[] roles)
    {
        var user = new UserData { Id = id, UserPrincipalName = upn, DisplayName = name };
        foreach (var role in roles)
        {
            user.DirectoryRoles.Add(role);
        }

        tenant.Users.Add(user);
        return user;
    }

    private static JsonObject AddAppWithServicePrincipal(
        SandboxData data, TenantData tenant, string appId, string objectId, string name, string audience, DateTimeOffset created, string? secret)
    {
        tenant.Applications.Add(GraphObjects.Application(objectId, appId, name, audience, tenant.DefaultDomain, created));
        var credentials = new AppCredentialData { AppId = appId };
        if (secret is not null)
        {
            credentials.Secrets.Add(secret);
        }

        tenant.AppCredentials.Add(credentials);
        return DirectoryQueries.Provision(data, tenant, appId, DirectoryQueries.DeterministicGuid(appId, tenant.Id), created);
    }

    private static JsonObject ManagedIdentity(TenantData tenant, ManagedIdentityKind kind, string name, string clientId, string objectId, string? resourceId)
    {
        tenant.ManagedIdentities.Add(new ManagedIdentityData { Kind = kind, Name = name, ClientId = clientId, ObjectId = objectId, ResourceId = resourceId });
        var sp = GraphObjects.ServicePrincipal(objectId, clientId, name, tenant.Id, "AzureADMyOrg", "ManagedIdentity");
        tenant.ServicePrincipals.Add(sp);
        return sp;
    }

    private static void AssignGraphRole(TenantData tenant, JsonObject principal, JsonObject graphSp, string role) =>
        tenant.AppRoleAssignments.Add(GraphObjects.AppRoleAssignment(
            Str(principal, "id"), Str(principal, "displayName"), "ServicePrincipal", Str(graphSp, "id"), "Microsoft Graph", GraphPermissionIds.RoleId(role)));

    private static FirstPartyApp MicrosoftGraphApp()
    {
        var app = new FirstPartyApp { AppId = SandboxIds.GraphAppId, DisplayName = "Microsoft Graph", ProvisionedInEveryTenant = true };
        app.IdentifierUris.Add("https://graph.microsoft.com");
        app.IdentifierUris.Add("https://graph.microsoft.com/");
        foreach (var (value, scopeId, roleId) in GraphPermissionIds.All)
        {
            if (scopeId is not null)
            {
                var adminOnly = value.EndsWith(".All", StringComparison.Ordinal);
                app.OAuth2PermissionScopes.Add(GraphObjects.Scope(scopeId, value, adminOnly ? "Admin" : "User", value));
            }

            if (roleId is not null)
            {
                app.AppRoles.Add(GraphObjects.Role(roleId, value, value));
            }
        }

        return app;
    }

    private static FirstPartyApp AcsApp(bool listVoip)
    {
        var app = new FirstPartyApp { AppId = SandboxIds.AcsAppId, DisplayName = "Azure Communication Services" };
        app.IdentifierUris.Add(SandboxIds.AcsAppIdUri);
        app.OAuth2PermissionScopes.Add(GraphObjects.Scope(SandboxIds.AcsTeamsManageCallsScopeId, "Teams.ManageCalls", "User", "Manage calls in Teams"));
        app.OAuth2PermissionScopes.Add(GraphObjects.Scope(SandboxIds.AcsTeamsManageChatsScopeId, "Teams.ManageChats", "User", "Manage chats in Teams"));
        app.OAuth2PermissionScopes.Add(GraphObjects.Scope(
            SandboxIds.AcsTeamsExtensionManageCallsScopeId,
            "TeamsExtension.ManageCalls",
            "User",
            "Manage calls in Teams (extension)"));
        if (listVoip)
        {
            app.OAuth2PermissionScopes.Add(GraphObjects.Scope(SandboxIds.AcsVoipScopeId, "VoIP", "User", "Access VoIP"));
        }

        return app;
    }

    private static string Str(JsonObject obj, string property) => DirectoryQueries.Str(obj, property) ?? "";
}
