using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox.Internal;

namespace AcsTeamsAdmin.Sandbox.Graph;

/// <summary>/oauth2PermissionGrants: delegated consent, one grant per client, resource and (for Principal) user.</summary>
internal static class PermissionGrantsApi
{
    private const string Set = "oauth2PermissionGrants";
    private static readonly string[] Filterable = ["clientId", "resourceId", "consentType", "principalId", "id"];
    private static readonly JsonObject Template = GraphObjects.Grant(Guid.Empty.ToString(), Guid.Empty.ToString(), "AllPrincipals", null, "");

    public static SandboxResponse Collection(GraphContext c)
    {
        switch (c.Request.Method)
        {
            case "GET":
                GraphPermissions.Demand(c.Caller, GraphOperation.ReadGrants);
                var query = ODataQuery.Parse(c.Request, "oAuth2PermissionGrant", Filterable, Template);
                return c.List(query, c.Tenant.OAuth2PermissionGrants, Set);
            case "POST":
                GraphPermissions.Demand(c.Caller, GraphOperation.WriteGrants);
                return c.Created(Set, Create(c, c.ReadBody()));
            default:
                throw GraphErrors.MethodNotAllowed();
        }
    }

    public static SandboxResponse Item(GraphContext c, string id)
    {
        var grant = c.Tenant.OAuth2PermissionGrants.FirstOrDefault(g => DirectoryQueries.Is(g, "id", id));
        switch (c.Request.Method)
        {
            case "GET":
                GraphPermissions.Demand(c.Caller, GraphOperation.ReadGrants);
                return c.Entity(200, Set, ODataQuery.Parse(c.Request, "oAuth2PermissionGrant", [], Template).Project(grant ?? throw GraphErrors.NotFound(id)));
            case "PATCH":
                GraphPermissions.Demand(c.Caller, GraphOperation.WriteGrants);
                var target = grant ?? throw GraphErrors.NotFound(id);
                var body = c.ReadBody();
                foreach (var (name, _) in body)
                {
                    if (name is not ("scope" or "id" or "clientId" or "resourceId" or "consentType" or "principalId") && !name.StartsWith('@'))
                    {
                        throw GraphErrors.BadRequest($"Invalid property '{name}'.");
                    }
                }

                // Only scope may change: the other properties are the grant's identity.
                if (body["scope"] is JsonNode scope)
                {
                    target["scope"] = scope.DeepClone();
                }

                return SandboxResponse.Empty(204);
            case "DELETE":
                GraphPermissions.Demand(c.Caller, GraphOperation.WriteGrants);
                c.Tenant.OAuth2PermissionGrants.Remove(grant ?? throw GraphErrors.NotFound(id));
                return SandboxResponse.Empty(204);
            default:
                throw GraphErrors.MethodNotAllowed();
        }
    }

    private static JsonObject Create(GraphContext c, JsonObject body)
    {
        var clientId = Required(body, "clientId");
        var resourceId = Required(body, "resourceId");
        var consentType = Required(body, "consentType");
        var principalId = body["principalId"]?.GetValue<string>();
        GraphContext.RequireGuid(clientId);
        GraphContext.RequireGuid(resourceId);
        if (DirectoryQueries.FindServicePrincipalById(c.Tenant, clientId) is null)
        {
            throw GraphErrors.BadRequest("Invalid value specified for property 'clientId' of resource 'OAuth2PermissionGrant'.");
        }

        if (DirectoryQueries.FindServicePrincipalById(c.Tenant, resourceId) is null)
        {
            throw GraphErrors.BadRequest("Invalid value specified for property 'resourceId' of resource 'OAuth2PermissionGrant'.");
        }

        switch (consentType)
        {
            case "AllPrincipals" when principalId is not null:
                throw GraphErrors.BadRequest("Invalid value specified for property 'principalId' of resource 'OAuth2PermissionGrant'.");
            case "Principal" when principalId is null || !c.Tenant.Users.Any(u => string.Equals(u.Id, principalId, StringComparison.OrdinalIgnoreCase)):
                throw GraphErrors.BadRequest("Invalid value specified for property 'principalId' of resource 'OAuth2PermissionGrant'.");
            case "AllPrincipals" or "Principal":
                break;
            default:
                throw GraphErrors.BadRequest("Invalid value specified for property 'consentType' of resource 'OAuth2PermissionGrant'.");
        }

        var grant = GraphObjects.Grant(clientId, resourceId, consentType, principalId, body["scope"]?.GetValue<string>() ?? "");
        if (c.Tenant.OAuth2PermissionGrants.Any(g => DirectoryQueries.Is(g, "id", DirectoryQueries.Str(grant, "id"))))
        {
            throw new GraphException(409, "Request_MultipleObjectsWithSameKeyValue", "Permission entry already exists.");
        }

        c.Tenant.OAuth2PermissionGrants.Add(grant);
        return grant;
    }

    private static string Required(JsonObject body, string name) =>
        body[name]?.GetValue<string>() is { Length: > 0 } value
            ? value
            : throw GraphErrors.BadRequest($"Invalid value specified for property '{name}' of resource 'OAuth2PermissionGrant'.");
}
