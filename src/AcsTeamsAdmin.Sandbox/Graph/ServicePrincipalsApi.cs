using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox.Internal;

namespace AcsTeamsAdmin.Sandbox.Graph;

/// <summary>/servicePrincipals: list, get (by id or appId key), create, upsert, update, delete.</summary>
internal static class ServicePrincipalsApi
{
    private const string Set = "servicePrincipals";
    private static readonly string[] Filterable = ["appId", "displayName", "id", "servicePrincipalType", "accountEnabled"];
    // Graph documents 'in' for appId and id of both applications and servicePrincipals.
    private static readonly string[] InFilterable = ["appId", "id"];
    private static readonly string[] ReadOnly =
    [
        "id", "appId", "appOwnerOrganizationId", "createdDateTime", "deletedDateTime", "servicePrincipalType",
        "verifiedPublisher"
    ];
    private static readonly JsonObject Template = GraphObjects.ServicePrincipal(Guid.Empty.ToString(), "", "", "", "");

    public static SandboxResponse Collection(GraphContext c)
    {
        switch (c.Request.Method)
        {
            case "GET":
                GraphPermissions.Demand(c.Caller, GraphOperation.ReadApplications);
                var query = ODataQuery.Parse(c.Request, "servicePrincipal", Filterable, Template, InFilterable);
                return c.List(query, c.Tenant.ServicePrincipals, Set);
            case "POST":
                GraphPermissions.Demand(c.Caller, GraphOperation.WriteServicePrincipals);
                var body = c.ReadBody();
                var appId = body["appId"]?.GetValue<string>() ?? throw GraphErrors.BadRequest("One or more properties contains invalid values.");
                if (DirectoryQueries.FindServicePrincipal(c.Tenant, appId) is not null)
                {
                    throw Conflict(appId);
                }

                return c.Created(Set, Create(c, appId, body));
            default:
                throw GraphErrors.MethodNotAllowed();
        }
    }

    public static SandboxResponse Item(GraphContext c, string? keyProperty, string key)
    {
        var byAppId = GraphContext.IsAppIdKey(keyProperty, key);
        var sp = byAppId ? DirectoryQueries.FindServicePrincipal(c.Tenant, key) : DirectoryQueries.FindServicePrincipalById(c.Tenant, key);
        switch (c.Request.Method)
        {
            case "GET":
                GraphPermissions.Demand(c.Caller, GraphOperation.ReadApplications);
                var query = ODataQuery.Parse(c.Request, "servicePrincipal", [], Template);
                return c.Entity(200, Set, query.Project(sp ?? throw GraphErrors.NotFound(key)));
            case "PATCH":
                GraphPermissions.Demand(c.Caller, GraphOperation.WriteServicePrincipals);
                var body = c.ReadBody();
                if (sp is null)
                {
                    // Upsert: PATCH /servicePrincipals(appId='...') with Prefer: create-if-missing creates (201) instead of 404.
                    var prefer = c.Request.Header("Prefer") ?? "";
                    if (!byAppId || !prefer.Contains("create-if-missing", StringComparison.OrdinalIgnoreCase))
                    {
                        throw GraphErrors.NotFound(key);
                    }

                    return c.Created(Set, Create(c, key, body));
                }

                JsonMerge.Patch(sp, body, ReadOnly);
                return SandboxResponse.Empty(204);
            case "DELETE":
                GraphPermissions.Demand(c.Caller, GraphOperation.WriteServicePrincipals);
                var id = DirectoryQueries.Str(sp ?? throw GraphErrors.NotFound(key), "id");
                c.Tenant.ServicePrincipals.Remove(sp);
                RemoveWhere(c.Tenant.OAuth2PermissionGrants, g => DirectoryQueries.Is(g, "clientId", id) || DirectoryQueries.Is(g, "resourceId", id));
                RemoveWhere(c.Tenant.AppRoleAssignments, a => DirectoryQueries.Is(a, "principalId", id) || DirectoryQueries.Is(a, "resourceId", id));
                return SandboxResponse.Empty(204);
            default:
                throw GraphErrors.MethodNotAllowed();
        }
    }

    /// <summary>GET /servicePrincipals/{key}/oauth2PermissionGrants: the grants whose client is this principal; 404 when there is no such principal.</summary>
    public static SandboxResponse Grants(GraphContext c, string? keyProperty, string key)
    {
        if (c.Request.Method != "GET")
        {
            throw GraphErrors.MethodNotAllowed();
        }

        GraphPermissions.Demand(c.Caller, GraphOperation.ReadServicePrincipalGrants);
        var sp = GraphContext.IsAppIdKey(keyProperty, key)
            ? DirectoryQueries.FindServicePrincipal(c.Tenant, key)
            : DirectoryQueries.FindServicePrincipalById(c.Tenant, key);
        var id = DirectoryQueries.Str(sp ?? throw GraphErrors.NotFound(key), "id");
        var grants = c.Tenant.OAuth2PermissionGrants.Where(g => DirectoryQueries.Is(g, "clientId", id));
        var query = ODataQuery.Parse(
            c.Request,
            "oAuth2PermissionGrant",
            [],
            GraphObjects.Grant(Guid.Empty.ToString(), Guid.Empty.ToString(), "AllPrincipals", null, ""));
        return c.List(query, grants, $"servicePrincipals('{id}')/oauth2PermissionGrants");
    }

    private static JsonObject Create(GraphContext c, string appId, JsonObject body)
    {
        GraphContext.RequireGuid(appId);
        if (!DirectoryQueries.CanProvision(c.Data, c.Tenant, appId))
        {
            // What Graph says for an app that does not exist, and for a single-tenant app of another tenant
            // (invisible from here): the SP has no application object to back it.
            throw GraphErrors.BadRequest($"The appId '{appId}' of the service principal does not reference a valid application object.");
        }

        var sp = DirectoryQueries.Provision(c.Data, c.Tenant, appId, null, c.Now);
        body.Remove("appId");
        try
        {
            JsonMerge.Patch(sp, body, ReadOnly);
        }
        catch (GraphException)
        {
            c.Tenant.ServicePrincipals.Remove(sp);
            throw;
        }

        return sp;
    }

    private static GraphException Conflict(string appId) => new(409, "Request_MultipleObjectsWithSameKeyValue",
        $"The service principal cannot be created, updated, or restored because the service principal name {appId} is already in use.");

    private static void RemoveWhere(IList<JsonObject> list, Func<JsonObject, bool> predicate)
    {
        foreach (var item in list.Where(predicate).ToList())
        {
            list.Remove(item);
        }
    }
}
