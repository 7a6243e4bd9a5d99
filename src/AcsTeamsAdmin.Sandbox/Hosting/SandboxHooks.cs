using System.Text.Json;
using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox.Identity;

namespace AcsTeamsAdmin.Sandbox.Hosting;

/// <summary>
/// /_sandbox/...: what tests drive the sandbox with over HTTP. Never faulted, never logged, no authentication
/// (the loopback host only listens on 127.0.0.1).
/// </summary>
internal static class SandboxHooks
{
    public static SandboxResponse Handle(SandboxService service, SandboxRequest request)
    {
        var path = request.Path.TrimEnd('/');
        try
        {
            return (request.Method, path) switch
            {
                ("GET", "/_sandbox/requests") => SandboxResponse.Json(200, service.Requests.Entries),
                ("DELETE", "/_sandbox/requests") => Done(service.Requests.Clear),
                ("GET", "/_sandbox/state") => new SandboxResponse(
                    200,
                    System.Text.Encoding.UTF8.GetBytes(service.State.ToJson()),
                    "application/json; charset=utf-8"),
                ("PUT", "/_sandbox/state") => Done(() => service.State.ReplaceFromJson(request.BodyText)),
                ("GET", "/_sandbox/faults") => SandboxResponse.Json(200, service.Faults.Rules),
                ("POST", "/_sandbox/faults") => Done(() => AddFaults(service.Faults, request.BodyText)),
                ("DELETE", "/_sandbox/faults") => Done(service.Faults.Clear),
                ("POST", "/_sandbox/tokens") => Token(service, request),
                ("POST", "/_sandbox/devicecode/approve") => Approve(service, request),
                ("POST", "/_sandbox/acs/tokens/validate") => ValidateAcsToken(service, request),
                ("GET", "/_sandbox/description") => SandboxResponse.Json(200, service.Describe(new Uri(request.BaseAddress + "/"))),
                _ => SandboxResponse.Text(404, $"No sandbox hook {request.Method} {path}."),
            };
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            return SandboxResponse.Json(400, new JsonObject { ["error"] = e.Message });
        }
    }

    private static SandboxResponse Done(Action action)
    {
        action();
        return SandboxResponse.Empty(204);
    }

    /// <summary>Accepts one rule, an array of rules, or {"rules":[...]}.</summary>
    private static void AddFaults(FaultPlan plan, string body)
    {
        var node = JsonNode.Parse(body);
        var rules = node switch
        {
            JsonArray array => array,
            JsonObject o when o["rules"] is JsonArray array => array,
            JsonObject o => new JsonArray(o.DeepClone()),
            _ => throw new JsonException("Expected a fault rule, an array of them, or {\"rules\":[...]}."),
        };
        foreach (var rule in rules)
        {
            plan.Add(rule.Deserialize<FaultRule>(SandboxJson.Options) ?? throw new JsonException("Null fault rule."));
        }
    }

    private static SandboxResponse Token(SandboxService service, SandboxRequest request)
    {
        var tokenRequest = JsonSerializer.Deserialize<AccessTokenRequest>(request.BodyText, SandboxJson.Options)
            ?? throw new JsonException("Expected an access token request.");
        return SandboxResponse.Json(200, new JsonObject { ["accessToken"] = service.IssueAccessToken(tokenRequest) });
    }

    /// <summary>{"token": "..."} gives {valid, reason, identityId, scopes, expiresOn}.</summary>
    private static SandboxResponse ValidateAcsToken(SandboxService service, SandboxRequest request)
    {
        var body = JsonNode.Parse(request.BodyText) as JsonObject ?? throw new JsonException("Expected {token}.");
        var token = body["token"]?.GetValue<string>() ?? throw new JsonException("token is required.");
        return SandboxResponse.Json(200, service.ValidateAcsToken(token));
    }

    private static SandboxResponse Approve(SandboxService service, SandboxRequest request)
    {
        var body = JsonNode.Parse(request.BodyText) as JsonObject ?? throw new JsonException("Expected {userCode, userPrincipalName}.");
        var userCode = body["userCode"]?.GetValue<string>() ?? throw new JsonException("userCode is required.");
        var upn = body["userPrincipalName"]?.GetValue<string>() ?? throw new JsonException("userPrincipalName is required.");
        return service.State.Update(data => DeviceCodeEndpoint.Approve(data, userCode, upn))
            ? SandboxResponse.Empty(204)
            : SandboxResponse.Json(404, new JsonObject { ["error"] = "No pending device code with that user code, or no such user." });
    }
}
