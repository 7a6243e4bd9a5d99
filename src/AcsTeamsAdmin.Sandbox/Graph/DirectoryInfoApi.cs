using System.Text.Json.Nodes;

namespace AcsTeamsAdmin.Sandbox.Graph;

/// <summary>/organization (the tenant id is value[0].id) and /me.</summary>
internal static class DirectoryInfoApi
{
    public static SandboxResponse Organization(GraphContext c, string? id)
    {
        if (c.Request.Method != "GET")
        {
            throw GraphErrors.MethodNotAllowed();
        }

        GraphPermissions.Demand(c.Caller, GraphOperation.ReadOrganization);
        var org = Render(c.Tenant);
        if (id is not null)
        {
            GraphContext.RequireGuid(id);
            return string.Equals(id, c.Tenant.Id, StringComparison.OrdinalIgnoreCase) ? c.Entity(200, "organization", org) : throw GraphErrors.NotFound(id);
        }

        return SandboxResponse.Json(200, new JsonObject
        {
            ["@odata.context"] = $"{c.GraphBase}/$metadata#organization",
            ["value"] = new JsonArray(org),
        });
    }

    public static SandboxResponse Me(GraphContext c)
    {
        if (c.Caller.User is not { } user)
        {
            throw GraphErrors.BadRequest("/me request is only valid with delegated authentication flow.");
        }

        GraphPermissions.Demand(c.Caller, GraphOperation.ReadSignedInUser);
        return c.Entity(200, "users", new JsonObject
        {
            ["id"] = user.Id,
            ["displayName"] = user.DisplayName,
            ["userPrincipalName"] = user.UserPrincipalName,
            ["mail"] = user.UserPrincipalName,
            ["givenName"] = null,
            ["surname"] = null,
            ["jobTitle"] = null,
            ["businessPhones"] = new JsonArray(),
            ["mobilePhone"] = null,
            ["officeLocation"] = null,
            ["preferredLanguage"] = "en-US",
        });
    }

    private static JsonObject Render(TenantData tenant)
    {
        var domains = new JsonArray();
        foreach (var domain in tenant.Domains)
        {
            var initial = string.Equals(domain, tenant.DefaultDomain, StringComparison.OrdinalIgnoreCase);
            domains.Add(new JsonObject
            {
                ["capabilities"] = "Email, OfficeCommunicationsOnline",
                ["isDefault"] = initial,
                ["isInitial"] = initial,
                ["name"] = domain,
                ["type"] = "Managed",
            });
        }

        return new JsonObject
        {
            ["id"] = tenant.Id,
            ["deletedDateTime"] = null,
            ["businessPhones"] = new JsonArray(),
            ["city"] = null,
            ["country"] = null,
            ["countryLetterCode"] = "US",
            ["createdDateTime"] = "2020-01-01T00:00:00Z",
            ["displayName"] = tenant.DisplayName,
            ["onPremisesSyncEnabled"] = null,
            ["preferredLanguage"] = "en",
            ["tenantType"] = "AAD",
            ["assignedPlans"] = new JsonArray(),
            ["provisionedPlans"] = new JsonArray(),
            ["technicalNotificationMails"] = new JsonArray(),
            ["verifiedDomains"] = domains,
        };
    }
}
