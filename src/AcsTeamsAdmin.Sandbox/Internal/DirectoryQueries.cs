using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox.Graph;

namespace AcsTeamsAdmin.Sandbox.Internal;

/// <summary>Look-ups over the sandbox data that the token endpoint, Graph and the seed all need. Call under the state lock.</summary>
internal static class DirectoryQueries
{
    public static readonly string[] ConsentAdminRoles = ["Global Administrator", "Application Administrator", "Cloud Application Administrator"];

    /// <summary>Directory role template ids, for the <c>wids</c> claim.</summary>
    public static readonly IReadOnlyDictionary<string, string> RoleTemplateIds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Global Administrator"] = "62e90394-69f5-4237-9190-012177145e10",
        ["Application Administrator"] = "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3",
        ["Cloud Application Administrator"] = "158c047a-c907-4556-b7ef-446551a6b5f7",
        ["Global Reader"] = "f2ef992c-3afb-46b9-b7cf-a126ee74c451",
    };

    /// <summary>A tenant by id or by any of its domains (the path segment of an authority).</summary>
    public static TenantData? FindTenant(SandboxData data, string segment) =>
        data.Tenants.FirstOrDefault(t =>
            string.Equals(t.Id, segment, StringComparison.OrdinalIgnoreCase)
            || string.Equals(t.DefaultDomain, segment, StringComparison.OrdinalIgnoreCase)
            || t.Domains.Any(d => string.Equals(d, segment, StringComparison.OrdinalIgnoreCase)));

    public static (TenantData Tenant, UserData User)? FindUser(SandboxData data, string upnOrId)
    {
        foreach (var tenant in data.Tenants)
        {
            var user = tenant.Users.FirstOrDefault(u =>
                string.Equals(u.UserPrincipalName, upnOrId, StringComparison.OrdinalIgnoreCase)
                || string.Equals(u.Id, upnOrId, StringComparison.OrdinalIgnoreCase));
            if (user is not null)
            {
                return (tenant, user);
            }
        }

        return null;
    }

    /// <summary>The application object for an app id, wherever its home tenant is.</summary>
    public static (TenantData Home, JsonObject App)? FindApplication(SandboxData data, string appId)
    {
        foreach (var tenant in data.Tenants)
        {
            var app = tenant.Applications.FirstOrDefault(a => Is(a, "appId", appId));
            if (app is not null)
            {
                return (tenant, app);
            }
        }

        return null;
    }

    public static FirstPartyApp? FindFirstParty(SandboxData data, string appIdOrUri) =>
        data.FirstPartyApps.FirstOrDefault(f =>
            string.Equals(f.AppId, appIdOrUri, StringComparison.OrdinalIgnoreCase)
            || f.IdentifierUris.Any(u => string.Equals(u.TrimEnd('/'), appIdOrUri.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)));

    public static JsonObject? FindServicePrincipal(TenantData tenant, string appId) =>
        tenant.ServicePrincipals.FirstOrDefault(sp => Is(sp, "appId", appId));

    public static JsonObject? FindServicePrincipalById(TenantData tenant, string id) =>
        tenant.ServicePrincipals.FirstOrDefault(sp => Is(sp, "id", id));

    /// <summary>The SP whose servicePrincipalNames include an identifier (an App ID URI or the app id).</summary>
    public static JsonObject? FindServicePrincipalByName(TenantData tenant, string name) =>
        tenant.ServicePrincipals.FirstOrDefault(sp =>
            sp["servicePrincipalNames"] is JsonArray names
            && names.Any(n => string.Equals(n?.GetValue<string>().TrimEnd('/'), name.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)));

    /// <summary>Why an SP for this app may not be created in this tenant, or null when it may (Graph's rules).</summary>
    public static bool CanProvision(SandboxData data, TenantData tenant, string appId)
    {
        if (FindFirstParty(data, appId) is not null)
        {
            return true;
        }

        if (FindApplication(data, appId) is not { } found)
        {
            return false;
        }

        if (ReferenceEquals(found.Home, tenant))
        {
            return true;
        }

        var audience = found.App["signInAudience"]?.GetValue<string>();
        return audience is "AzureADMultipleOrgs" or "AzureADandPersonalMicrosoftAccount";
    }

    /// <summary>Creates the SP for an app in a tenant from its application (or first-party template). The caller checks <see cref="CanProvision"/>.</summary>
    public static JsonObject Provision(SandboxData data, TenantData tenant, string appId, string? objectId, DateTimeOffset now)
    {
        JsonObject sp;
        if (FindFirstParty(data, appId) is { } firstParty)
        {
            sp = GraphObjects.ServicePrincipal(
                objectId ?? DeterministicGuid(tenant.Id, appId), firstParty.AppId, firstParty.DisplayName, SandboxIds.MicrosoftTenantId, "AzureADMultipleOrgs");
            var names = (JsonArray)sp["servicePrincipalNames"]!;
            foreach (var uri in firstParty.IdentifierUris)
            {
                names.Add(uri);
            }

            sp["oauth2PermissionScopes"] = firstParty.OAuth2PermissionScopes.DeepClone();
            sp["appRoles"] = firstParty.AppRoles.DeepClone();
        }
        else
        {
            var (home, app) = FindApplication(data, appId) ?? throw new InvalidOperationException($"No application {appId}.");
            sp = GraphObjects.ServicePrincipal(
                objectId ?? Guid.NewGuid().ToString(),
                appId,
                app["displayName"]?.GetValue<string>() ?? "",
                home.Id,
                app["signInAudience"]?.GetValue<string>() ?? "AzureADMyOrg");
            var names = (JsonArray)sp["servicePrincipalNames"]!;
            foreach (var uri in (app["identifierUris"] as JsonArray ?? []))
            {
                names.Add(uri?.DeepClone());
            }

            sp["oauth2PermissionScopes"] = app["api"]?["oauth2PermissionScopes"]?.DeepClone() ?? new JsonArray();
            sp["appRoles"] = app["appRoles"]?.DeepClone() ?? new JsonArray();
            sp["tags"] = app["tags"]?.DeepClone() ?? new JsonArray();
            sp["verifiedPublisher"] = app["verifiedPublisher"]?.DeepClone();
            sp["info"] = app["info"]?.DeepClone();
        }

        sp["createdDateTime"] = GraphObjects.FormatDate(now);
        tenant.ServicePrincipals.Add(sp);
        return sp;
    }

    /// <summary>Application permission values granted to a client SP on a resource SP.</summary>
    public static List<string> GrantedRoles(TenantData tenant, string clientSpId, JsonObject resourceSp)
    {
        var resourceId = Str(resourceSp, "id");
        var roles = resourceSp["appRoles"] as JsonArray ?? [];
        return tenant.AppRoleAssignments
            .Where(a => Is(a, "principalId", clientSpId) && Is(a, "resourceId", resourceId))
            .Select(a => roles.FirstOrDefault(r => string.Equals(
                r?["id"]?.GetValue<string>(),
                Str(a, "appRoleId"),
                StringComparison.OrdinalIgnoreCase))?["value"]?.GetValue<string>())
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Delegated scopes consented for a client on a resource, for everyone or for this user.</summary>
    public static List<string> ConsentedScopes(TenantData tenant, string clientSpId, string resourceSpId, string userId) =>
        tenant.OAuth2PermissionGrants
            .Where(g => Is(g, "clientId", clientSpId) && Is(g, "resourceId", resourceSpId)
                && (Is(g, "consentType", "AllPrincipals") || Is(g, "principalId", userId)))
            .SelectMany(g => (Str(g, "scope") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    public static bool Is(JsonObject obj, string property, string? value) =>
        value is not null && obj[property] is JsonValue v && v.TryGetValue<string>(out var s)
        && string.Equals(s, value, StringComparison.OrdinalIgnoreCase);

    public static string? Str(JsonObject obj, string property) =>
        obj[property] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>A stable object id for things the seed creates implicitly (first-party SPs), so saved states compare equal.</summary>
    public static string DeterministicGuid(string a, string b)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(a + "|" + b));
        hash[7] = (byte)((hash[7] & 0x0F) | 0x40);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
