using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox.Internal;

namespace AcsTeamsAdmin.Sandbox.Graph;

/// <summary>/applications: registrations live in their home tenant only, so another tenant's app is simply not found.</summary>
internal static class ApplicationsApi
{
    private const string Set = "applications";
    private const int MaxResources = 50;
    private const int MaxPermissions = 400;
    private static readonly string[] Filterable = ["appId", "displayName", "id", "publisherDomain", "signInAudience"];
    // Graph documents 'in' for appId and id of both applications and servicePrincipals.
    private static readonly string[] InFilterable = ["appId", "id"];
    private static readonly string[] ReadOnly = ["id", "appId", "createdDateTime", "deletedDateTime", "publisherDomain", "verifiedPublisher"];
    private static readonly JsonObject Template = GraphObjects.Application(Guid.Empty.ToString(), "", "", "", "", DateTimeOffset.UnixEpoch);

    public static SandboxResponse Collection(GraphContext c)
    {
        switch (c.Request.Method)
        {
            case "GET":
                GraphPermissions.Demand(c.Caller, GraphOperation.ReadApplications);
                var query = ODataQuery.Parse(c.Request, "application", Filterable, Template, InFilterable);
                return c.List(query, c.Tenant.Applications, Set);
            case "POST":
                GraphPermissions.Demand(c.Caller, GraphOperation.CreateApplications);
                var body = c.ReadBody();
                var app = GraphObjects.Application(
                    Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), body["displayName"]?.GetValue<string>() ?? "",
                    "AzureADMyOrg", c.Tenant.DefaultDomain, c.Now);
                body.Remove("displayName");
                JsonMerge.Patch(app, body, ReadOnly);
                Validate(app);
                c.Tenant.Applications.Add(app);
                c.Tenant.AppCredentials.Add(new AppCredentialData { AppId = DirectoryQueries.Str(app, "appId")! });
                if (c.Caller.User is { } user)
                {
                    c.Tenant.AppOwners.Add(new AppOwnerData { ApplicationObjectId = DirectoryQueries.Str(app, "id")!, UserId = user.Id });
                }

                return c.Created(Set, app);
            default:
                throw GraphErrors.MethodNotAllowed();
        }
    }

    public static SandboxResponse Item(GraphContext c, string? keyProperty, string key)
    {
        var byAppId = GraphContext.IsAppIdKey(keyProperty, key);
        var app = c.Tenant.Applications.FirstOrDefault(a => DirectoryQueries.Is(a, byAppId ? "appId" : "id", key));
        switch (c.Request.Method)
        {
            case "GET":
                GraphPermissions.Demand(c.Caller, GraphOperation.ReadApplications);
                var query = ODataQuery.Parse(c.Request, "application", [], Template);
                return c.Entity(200, Set, query.Project(app ?? throw GraphErrors.NotFound(key)));
            case "PATCH":
                GraphPermissions.Demand(c.Caller, GraphOperation.WriteApplications, IsOwner(c, app));
                var target = app ?? throw GraphErrors.NotFound(key);
                // Validate a copy first so a rejected PATCH changes nothing, as on Graph.
                var candidate = (JsonObject)target.DeepClone();
                JsonMerge.Patch(candidate, c.ReadBody(), ReadOnly);
                Validate(candidate);
                c.Tenant.Applications[c.Tenant.Applications.IndexOf(target)] = candidate;
                SyncServicePrincipal(c.Tenant, candidate);
                return SandboxResponse.Empty(204);
            case "DELETE":
                GraphPermissions.Demand(c.Caller, GraphOperation.WriteApplications, IsOwner(c, app));
                c.Tenant.Applications.Remove(app ?? throw GraphErrors.NotFound(key));
                return SandboxResponse.Empty(204);
            default:
                throw GraphErrors.MethodNotAllowed();
        }
    }

    private static bool IsOwner(GraphContext c, JsonObject? app) =>
        app is not null && c.Caller.User is { } user
        && c.Tenant.AppOwners.Any(o => o.UserId == user.Id && string.Equals(
            o.ApplicationObjectId,
            DirectoryQueries.Str(app, "id"),
            StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Entra's documented limits on requiredResourceAccess: 50 resources, 400 permissions in all. The exact wording
    /// of Graph's error is not documented; the code and status are those of any invalid property value.
    /// </summary>
    private static void Validate(JsonObject app)
    {
        if (app["requiredResourceAccess"] is not JsonArray rra)
        {
            throw GraphErrors.BadRequest("Invalid value specified for property 'requiredResourceAccess' of resource 'Application'.");
        }

        var permissions = 0;
        foreach (var resource in rra)
        {
            if (resource?["resourceAppId"]?.GetValue<string>() is not { } resourceAppId || !Guid.TryParse(resourceAppId, out _)
                || resource["resourceAccess"] is not JsonArray access)
            {
                throw GraphErrors.BadRequest("Invalid value specified for property 'requiredResourceAccess' of resource 'Application'.");
            }

            foreach (var entry in access)
            {
                var type = entry?["type"]?.GetValue<string>();
                if (entry?["id"]?.GetValue<string>() is not { } id || !Guid.TryParse(id, out _) || type is not ("Scope" or "Role"))
                {
                    throw GraphErrors.BadRequest("Invalid value specified for property 'resourceAccess' of resource 'RequiredResourceAccess'.");
                }
            }

            permissions += access.Count;
        }

        if (rra.Count > MaxResources)
        {
            throw GraphErrors.BadRequest($"The application requests permissions to {rra.Count} resources. " +
                $"An application can request permissions to at most {MaxResources} resources (requiredResourceAccess).");
        }

        if (permissions > MaxPermissions)
        {
            throw GraphErrors.BadRequest($"The application requests {permissions} permissions. " +
                $"An application can request at most {MaxPermissions} permissions in total (requiredResourceAccess).");
        }
    }

    /// <summary>The home tenant's SP mirrors the app's name, audience, scopes and roles, as Entra keeps them in step.</summary>
    private static void SyncServicePrincipal(TenantData tenant, JsonObject app)
    {
        if (DirectoryQueries.FindServicePrincipal(tenant, DirectoryQueries.Str(app, "appId")!) is not { } sp)
        {
            return;
        }

        sp["displayName"] = app["displayName"]?.DeepClone();
        sp["appDisplayName"] = app["displayName"]?.DeepClone();
        sp["signInAudience"] = app["signInAudience"]?.DeepClone();
        sp["appRoles"] = app["appRoles"]?.DeepClone();
        sp["oauth2PermissionScopes"] = app["api"]?["oauth2PermissionScopes"]?.DeepClone() ?? new JsonArray();
    }
}
