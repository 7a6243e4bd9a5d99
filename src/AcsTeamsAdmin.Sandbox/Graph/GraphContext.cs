using System.Text.Json;
using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox.Internal;

namespace AcsTeamsAdmin.Sandbox.Graph;

/// <summary>One Graph call being handled: the data (under the state lock), the request and its caller.</summary>
internal sealed class GraphContext(SandboxData data, SandboxRequest request, DateTimeOffset now, RequestInfo info)
{
    private GraphCaller? _caller;

    public SandboxData Data { get; } = data;

    public SandboxRequest Request { get; } = request;

    public DateTimeOffset Now { get; } = now;

    public RequestInfo Info { get; } = info;

    /// <summary>Links we hand back point where the client called us: {scheme://host}/v1.0.</summary>
    public string GraphBase => Request.BaseAddress + "/v1.0";

    /// <summary>A collection answer: the items the query's $filter keeps, one page of them, as Graph renders it.</summary>
    public SandboxResponse List(ODataQuery query, IEnumerable<JsonObject> items, string entitySet) =>
        SandboxResponse.Json(200, query.Page(query.Apply(items).ToList(), Request, GraphBase, entitySet, Data.Settings.DefaultPageSize));

    public GraphCaller Caller => _caller ??= Authenticate();

    public TenantData Tenant => Caller.Tenant;

    public JsonObject ReadBody()
    {
        try
        {
            return JsonNode.Parse(Request.Body.Span) as JsonObject ?? throw GraphErrors.BadRequest("Empty payload, JSON content expected.");
        }
        catch (JsonException)
        {
            throw GraphErrors.BadRequest("Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.");
        }
    }

    public SandboxResponse Entity(int status, string entitySet, JsonObject entity)
    {
        var body = new JsonObject { ["@odata.context"] = $"{GraphBase}/$metadata#{entitySet}/$entity" };
        foreach (var (name, value) in entity)
        {
            body[name] = value?.DeepClone();
        }

        return SandboxResponse.Json(status, body);
    }

    public SandboxResponse Created(string entitySet, JsonObject entity)
    {
        var response = Entity(201, entitySet, entity);
        response.Headers["Location"] = $"{GraphBase}/{entitySet}/{entity["id"]}";
        return response;
    }

    /// <summary>Graph rejects a malformed GUID before looking anything up.</summary>
    public static string RequireGuid(string id) => Guid.TryParse(id, out _) ? id : throw GraphErrors.InvalidId(id);

    /// <summary>
    /// An entity addressed by id (`/applications/{id}`) or by alternate key (`/applications(appId='{id}')`):
    /// true for appId. Any other key property is a query Graph does not support; either way the key must be a GUID.
    /// </summary>
    public static bool IsAppIdKey(string? keyProperty, string key)
    {
        var byAppId = string.Equals(keyProperty, "appId", StringComparison.OrdinalIgnoreCase);
        if (keyProperty is not null && !byAppId)
        {
            throw GraphErrors.UnsupportedQuery();
        }

        RequireGuid(key);
        return byAppId;
    }

    private GraphCaller Authenticate()
    {
        var caller = GraphCaller.FromRequest(Data, Request, Now);
        Info.TenantId = caller.Tenant.Id;
        Info.ClientAppId = caller.ClientAppId;
        return caller;
    }
}
