using System.Text.RegularExpressions;
using AcsTeamsAdmin.Sandbox.Internal;

namespace AcsTeamsAdmin.Sandbox.Graph;

/// <summary>Routes /v1.0/... to the resource handlers and gives every answer Graph's headers and error shape.</summary>
internal static partial class GraphApi
{
    /// <summary>Called for each batch step, so the log shows steps under their batch.</summary>
    public delegate void StepLogger(SandboxRequest step, SandboxResponse response, RequestInfo info, string stepId);

    public static SandboxResponse Handle(SandboxData data, SandboxRequest request, DateTimeOffset now, RequestInfo info, StepLogger logStep)
    {
        var requestId = Guid.NewGuid().ToString();
        info.RequestId = requestId;
        var clientRequestId = request.Header("client-request-id") ?? requestId;
        var context = new GraphContext(data, request, now, info);
        SandboxResponse response;
        try
        {
            response = Route(context, logStep);
        }
        catch (GraphException e)
        {
            response = SandboxResponse.Json(e.Status, e.ToBody(requestId, clientRequestId, now));
            if (e.Status == 401)
            {
                response.Headers["WWW-Authenticate"] =
                    $"Bearer realm=\"\", authorization_uri=\"{request.BaseAddress}/common/oauth2/authorize\", client_id=\"{SandboxIds.GraphAppId}\"";
            }
        }

        response.Headers["request-id"] = requestId;
        response.Headers["client-request-id"] = clientRequestId;
        response.Headers["x-ms-ags-diagnostic"] =
            "{\"ServerInfo\":{\"DataCenter\":\"Sandbox\",\"Slice\":\"E\",\"Ring\":\"0\",\"ScaleUnit\":\"000\",\"RoleInstance\":\"SANDBOX\"}}";
        if (response.Headers.TryGetValue("Content-Type", out var type) && type.StartsWith("application/json", StringComparison.Ordinal))
        {
            response.Headers["Content-Type"] = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
            response.Headers["OData-Version"] = "4.0";
        }

        return response;
    }

    private static SandboxResponse Route(GraphContext c, StepLogger logStep)
    {
        var path = c.Request.Path;
        var rest = path.Length > 5 ? path[5..].Trim('/') : "";
        var segments = rest.Length == 0 ? [] : rest.Split('/');
        if (segments.Length == 0)
        {
            throw GraphErrors.NoSuchSegment("v1.0");
        }

        var match = SegmentPattern().Match(segments[0]);
        if (!match.Success)
        {
            throw GraphErrors.NoSuchSegment(segments[0]);
        }

        var name = match.Groups["name"].Value;
        string? keyProperty = match.Groups["prop"].Success ? match.Groups["prop"].Value : null;
        string? key = match.Groups["key"].Success ? match.Groups["key"].Value : null;
        if (key is null && segments.Length > 1)
        {
            key = segments[1];
        }

        // One navigation is modelled: a service principal's delegated grants, by id or appId key
        // (GET /servicePrincipals(appId='...')/oauth2PermissionGrants), which needs no object id known beforehand.
        var keySegments = match.Groups["key"].Success ? 1 : 2;
        if (name == "servicePrincipals" && key is not null && segments.Length == keySegments + 1 && segments[^1] == "oauth2PermissionGrants")
        {
            return ServicePrincipalsApi.Grants(c, keyProperty, key);
        }

        // And a user's online meetings: POST /users/{id}/onlineMeetings.
        if (name == "users" && key is not null && segments.Length == keySegments + 1 && segments[^1] == "onlineMeetings")
        {
            return UsersApi.OnlineMeetings(c, key);
        }

        var tooDeep = segments.Length > keySegments;
        if (tooDeep)
        {
            throw GraphErrors.NoSuchSegment(segments[^1]);
        }

        return name switch
        {
            "$batch" when key is null => BatchApi.Handle(c, logStep),
            "servicePrincipals" => key is null ? ServicePrincipalsApi.Collection(c) : ServicePrincipalsApi.Item(c, keyProperty, key),
            "applications" => key is null ? ApplicationsApi.Collection(c) : ApplicationsApi.Item(c, keyProperty, key),
            "oauth2PermissionGrants" => key is null ? PermissionGrantsApi.Collection(c) : PermissionGrantsApi.Item(c, key),
            "organization" => DirectoryInfoApi.Organization(c, key),
            "me" when key is null => DirectoryInfoApi.Me(c),
            "users" when key is not null => UsersApi.Item(c, key),
            _ => throw GraphErrors.NoSuchSegment(segments[0]),
        };
    }

    [GeneratedRegex(@"^(?<name>\$?[A-Za-z0-9]+)(\((?:(?<prop>[A-Za-z]+)=)?'?(?<key>[^')]*)'?\))?$")]
    private static partial Regex SegmentPattern();
}
