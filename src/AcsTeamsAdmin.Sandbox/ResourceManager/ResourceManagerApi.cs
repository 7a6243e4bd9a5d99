using System.Globalization;
using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox.Internal;

namespace AcsTeamsAdmin.Sandbox.ResourceManager;

/// <summary>
/// The Azure Resource Manager calls the module makes for an ACS resource:
/// GET /subscriptions, GET .../providers/Microsoft.Communication/communicationServices (by subscription, by resource
/// group), GET one by name, POST .../{name}/listKeys. Order of checks, as ARM's: the bearer token (401), the
/// api-version (400), the subscription (404, or 401 for another tenant's), Azure RBAC at the scope asked (403
/// AuthorizationFailed, before anything about what exists there is said), then the group and the resource (404).
/// Lists page at <see cref="SandboxSettings.ResourceManagerPageSize"/> with nextLink. The emulated ACS resource's
/// hostName is the address the client called, so its endpoint always reaches the sandbox's ACS identity API.
/// </summary>
internal static class ResourceManagerApi
{
    public static readonly string[] CommunicationApiVersions =
    [
        "2020-08-20", "2021-10-01-preview", "2023-03-31", "2023-04-01", "2023-06-01-preview", "2025-05-01"
    ];
    public static readonly string[] SubscriptionApiVersions = ["2016-06-01", "2019-11-01", "2020-01-01", "2021-01-01", "2022-12-01"];

    private const string Provider = "Microsoft.Communication";
    private const string ResourceType = "communicationServices";

    public static SandboxResponse Handle(SandboxData data, SandboxRequest request, DateTimeOffset now, RequestInfo info)
    {
        var requestId = Guid.NewGuid().ToString();
        info.RequestId = requestId;
        SandboxResponse response;
        try
        {
            var caller = ArmCaller.FromRequest(data, request, now, info);
            response = Route(data, request, caller);
        }
        catch (ArmException e)
        {
            response = SandboxResponse.Json(e.Status, e.ToBody());
            if (e.Status == 401)
            {
                response.Headers["WWW-Authenticate"] = "Bearer authorization_uri=\"https://login.windows.net/\", error=\"invalid_token\", " +
                    "error_description=\"" + e.Code + "\"";
            }
        }

        response.Headers["x-ms-request-id"] = requestId;
        response.Headers["x-ms-correlation-request-id"] = request.Header("x-ms-correlation-request-id") ?? requestId;
        response.Headers["x-ms-routing-request-id"] =
            "SANDBOX:" + now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + ":" + requestId;
        if (request.Method == "GET")
        {
            response.Headers["x-ms-ratelimit-remaining-subscription-reads"] = "11999";
        }

        return response;
    }

    private static SandboxResponse Route(SandboxData data, SandboxRequest request, ArmCaller caller)
    {
        var segments = request.Path.Trim('/').Split('/');
        var version = request.Query.GetValueOrDefault("api-version");
        if (string.IsNullOrEmpty(version))
        {
            throw ArmErrors.MissingApiVersion();
        }

        if (segments is ["subscriptions"])
        {
            RequireMethod(request, "GET");
            RequireVersion(version, SubscriptionApiVersions, communication: false);
            return Subscriptions(data, request, caller);
        }

        if (segments.Length < 2 || !string.Equals(segments[0], "subscriptions", StringComparison.OrdinalIgnoreCase))
        {
            throw ArmErrors.NoRoute(request.Path);
        }

        var subscription = Subscription(data, segments[1], caller);
        var rest = segments[2..];
        var subscriptionScope = "/subscriptions/" + subscription.Id;
        switch (rest)
        {
            case ["providers", var p, var t] when IsAcs(p, t):
                RequireMethod(request, "GET");
                RequireVersion(version, CommunicationApiVersions, communication: true);
                Authorize(subscription, caller, subscriptionScope, AzureRbac.CommunicationRead);
                return List(
                    data,
                    request,
                    subscription.ResourceGroups.SelectMany(group => group.CommunicationServices.Select(acs => (group, acs))),
                    subscription);
            case ["resourceGroups", var g, "providers", var p, var t] when IsAcs(p, t):
                RequireMethod(request, "GET");
                RequireVersion(version, CommunicationApiVersions, communication: true);
                Authorize(subscription, caller, $"{subscriptionScope}/resourceGroups/{g}", AzureRbac.CommunicationRead);
                var group = Group(subscription, g);
                return List(data, request, group.CommunicationServices.Select(acs => (group, acs)), subscription);
            case ["resourceGroups", var g, "providers", var p, var t, var name] when IsAcs(p, t):
                RequireMethod(request, "GET");
                RequireVersion(version, CommunicationApiVersions, communication: true);
                Authorize(subscription, caller, ResourceId(subscription.Id, g, name), AzureRbac.CommunicationRead);
                var (home, resource) = Resource(subscription, g, name);
                return SandboxResponse.Json(200, Render(data, request, subscription, home, resource));
            case ["resourceGroups", var g, "providers", var p, var t, var name, var action]
                when IsAcs(p, t) && string.Equals(action, "listKeys", StringComparison.OrdinalIgnoreCase):
                RequireMethod(request, "POST");
                RequireVersion(version, CommunicationApiVersions, communication: true);
                Authorize(subscription, caller, ResourceId(subscription.Id, g, name), AzureRbac.CommunicationListKeys);
                var (_, keyed) = Resource(subscription, g, name);
                return SandboxResponse.Json(200, Keys(data, request, keyed));
            default:
                throw ArmErrors.NoRoute(request.Path);
        }
    }

    /// <summary>The caller's tenant's subscriptions in which it holds any role, as ARM lists them.</summary>
    private static SandboxResponse Subscriptions(SandboxData data, SandboxRequest request, ArmCaller caller)
    {
        var visible = data.AzureSubscriptions
            .Where(subscription => string.Equals(subscription.TenantId, caller.TenantId, StringComparison.OrdinalIgnoreCase)
                && AzureRbac.HasAnyRole(subscription, caller.PrincipalId))
            .Select(subscription => (JsonNode)new JsonObject
            {
                ["id"] = "/subscriptions/" + subscription.Id,
                ["authorizationSource"] = "RoleBased",
                ["managedByTenants"] = new JsonArray(),
                ["subscriptionId"] = subscription.Id,
                ["tenantId"] = subscription.TenantId,
                ["displayName"] = subscription.DisplayName,
                ["state"] = subscription.State,
                ["subscriptionPolicies"] = new JsonObject
                {
                    ["locationPlacementId"] = "Public_2014-09-01",
                    ["quotaId"] = "PayAsYouGo_2014-09-01",
                    ["spendingLimit"] = "Off"
                },
            })
            .ToList();
        var page = Page(data, request, visible);
        page["count"] = new JsonObject { ["type"] = "Total", ["value"] = visible.Count };
        return SandboxResponse.Json(200, page);
    }

    private static SandboxResponse List(
        SandboxData data,
        SandboxRequest request,
        IEnumerable<(ResourceGroupData Group, CommunicationServiceData Acs)> resources,
        AzureSubscriptionData subscription) =>
        SandboxResponse.Json(200, Page(data, request, resources.Select(item => (JsonNode)Render(data, request, subscription, item.Group, item.Acs)).ToList()));

    /// <summary>One page of a list; the next one behind nextLink ($skiptoken is an offset), at the address the client called.</summary>
    private static JsonObject Page(SandboxData data, SandboxRequest request, List<JsonNode> items)
    {
        var skip = int.TryParse(request.Query.GetValueOrDefault("$skiptoken"), NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : 0;
        var size = Math.Max(1, data.Settings.ResourceManagerPageSize);
        var page = new JsonObject { ["value"] = new JsonArray(items.Skip(skip).Take(size).Select(item => item.DeepClone()).ToArray()) };
        if (skip + size < items.Count)
        {
            var version = request.Query.GetValueOrDefault("api-version");
            page["nextLink"] = $"{request.BaseAddress}{request.Uri.AbsolutePath}?api-version={version}&$skiptoken={skip + size}";
        }

        return page;
    }

    private static JsonObject Render(
        SandboxData data,
        SandboxRequest request,
        AzureSubscriptionData subscription,
        ResourceGroupData group,
        CommunicationServiceData acs) => new()
    {
        ["id"] = ResourceId(subscription.Id, group.Name, acs.Name),
        ["name"] = acs.Name,
        ["type"] = "Microsoft.Communication/CommunicationServices",
        ["location"] = acs.Location,
        ["tags"] = new JsonObject(),
        ["properties"] = new JsonObject
        {
            ["provisioningState"] = acs.ProvisioningState,
            ["hostName"] = HostName(request, acs),
            ["dataLocation"] = acs.DataLocation,
            ["immutableResourceId"] = acs.ImmutableResourceId,
            ["version"] = "0.2.0",
            ["linkedDomains"] = new JsonArray(),
        },
    };

    private static JsonObject Keys(SandboxData data, SandboxRequest request, CommunicationServiceData acs)
    {
        var primary = acs.PrimaryKey ?? data.AcsAccessKey;
        var secondary = acs.SecondaryKey ?? Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(Convert.FromBase64String(primary)));
        var endpoint = acs.HostName is null ? request.BaseAddress + "/" : $"https://{acs.HostName}/";
        return new JsonObject
        {
            ["primaryKey"] = primary,
            ["secondaryKey"] = secondary,
            ["primaryConnectionString"] = $"endpoint={endpoint};accesskey={primary}",
            ["secondaryConnectionString"] = $"endpoint={endpoint};accesskey={secondary}",
        };
    }

    /// <summary>The emulated resource's host is the sandbox's own address as the client called it (host, and port when not the default).</summary>
    private static string HostName(SandboxRequest request, CommunicationServiceData acs) => acs.HostName ?? request.Uri.Authority;

    private static AzureSubscriptionData Subscription(SandboxData data, string id, ArmCaller caller)
    {
        if (!Guid.TryParse(id, out _))
        {
            throw ArmErrors.InvalidSubscriptionId(id);
        }

        var subscription = data.AzureSubscriptions.FirstOrDefault(candidate => string.Equals(candidate.Id, id, StringComparison.OrdinalIgnoreCase))
            ?? throw ArmErrors.SubscriptionNotFound(id);
        return string.Equals(subscription.TenantId, caller.TenantId, StringComparison.OrdinalIgnoreCase)
            ? subscription
            : throw ArmErrors.WrongTenant(caller.TenantId, subscription.TenantId);
    }

    private static ResourceGroupData Group(AzureSubscriptionData subscription, string name) =>
        subscription.ResourceGroups.FirstOrDefault(group => string.Equals(group.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw ArmErrors.ResourceGroupNotFound(name);

    private static (ResourceGroupData Group, CommunicationServiceData Acs) Resource(AzureSubscriptionData subscription, string group, string name)
    {
        var home = Group(subscription, group);
        var acs = home.CommunicationServices.FirstOrDefault(candidate => string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw ArmErrors.ResourceNotFound(name, home.Name);
        return (home, acs);
    }

    private static void Authorize(AzureSubscriptionData subscription, ArmCaller caller, string scope, string action)
    {
        if (!AzureRbac.Can(subscription, caller.PrincipalId, scope, action))
        {
            throw ArmErrors.AuthorizationFailed(caller.PrincipalId, action, scope);
        }
    }

    private static void RequireMethod(SandboxRequest request, string method)
    {
        if (request.Method != method)
        {
            throw ArmErrors.MethodNotAllowed(request.Method);
        }
    }

    private static void RequireVersion(string version, string[] supported, bool communication)
    {
        if (!supported.Contains(version, StringComparer.OrdinalIgnoreCase))
        {
            throw communication ? ArmErrors.UnsupportedCommunicationVersion(version, supported) : ArmErrors.UnsupportedVersion(version, supported);
        }
    }

    private static bool IsAcs(string provider, string type) =>
        string.Equals(provider, Provider, StringComparison.OrdinalIgnoreCase) && string.Equals(type, ResourceType, StringComparison.OrdinalIgnoreCase);

    private static string ResourceId(string subscription, string group, string name) =>
        $"/subscriptions/{subscription}/resourceGroups/{group}/providers/Microsoft.Communication/CommunicationServices/{name}";
}

/// <summary>Who calls ARM, from the bearer token: ARM accepts its own audiences, from a known tenant, unexpired (5 minutes' skew).</summary>
internal sealed record ArmCaller(string TenantId, string PrincipalId)
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    public static ArmCaller FromRequest(SandboxData data, SandboxRequest request, DateTimeOffset now, RequestInfo info)
    {
        var header = request.Header("Authorization");
        if (string.IsNullOrWhiteSpace(header))
        {
            throw ArmErrors.MissingAuthorization();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || UnsignedJwt.Decode(header[7..].Trim()) is not { } jwt)
        {
            throw ArmErrors.InvalidToken();
        }

        var claims = jwt.Payload;
        var exp = claims["exp"] is JsonValue e && e.TryGetValue<long>(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.MinValue;
        if (exp + Skew <= now)
        {
            throw ArmErrors.ExpiredToken(exp, now);
        }

        var audience = DirectoryQueries.Str(claims, "aud");
        if (!SandboxIds.ResourceManagerAudiences.Any(allowed => string.Equals(
            allowed.TrimEnd('/'),
            audience?.TrimEnd('/'),
            StringComparison.OrdinalIgnoreCase)))
        {
            throw ArmErrors.WrongAudience(audience);
        }

        var tenant = DirectoryQueries.FindTenant(data, DirectoryQueries.Str(claims, "tid") ?? "") ?? throw ArmErrors.InvalidToken();
        info.TenantId = tenant.Id;
        info.ClientAppId = DirectoryQueries.Str(claims, "appid") ?? DirectoryQueries.Str(claims, "azp");
        var principal = DirectoryQueries.Str(claims, "oid") ?? throw ArmErrors.InvalidToken();
        return new ArmCaller(tenant.Id, principal);
    }
}
