using System.Text;
using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox.Internal;

namespace AcsTeamsAdmin.Sandbox.Graph;

/// <summary>
/// POST /$batch (JSON batching): at most 20 steps, dependsOn honoured (a failed dependency gives 424), each step
/// authorised with the batch's token and logged as a sub-entry. Replies come back in reverse order: Graph promises
/// no order, and a client that assumes one should fail here rather than in production.
/// </summary>
internal static class BatchApi
{
    private const int MaxSteps = 20;

    public static SandboxResponse Handle(GraphContext c, GraphApi.StepLogger logStep)
    {
        if (c.Request.Method != "POST")
        {
            throw GraphErrors.MethodNotAllowed();
        }

        _ = c.Caller; // The batch itself needs a valid token; each step is then authorised on its own.
        var steps = c.ReadBody()["requests"] as JsonArray ?? throw new GraphException(400, "BadRequest", "Invalid batch payload format.");
        if (steps.Count > MaxSteps)
        {
            throw new GraphException(400, "BadRequest", $"Limit of {MaxSteps} requests per batch exceeded: the batch has {steps.Count}.");
        }

        var byId = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var step in steps.OfType<JsonObject>())
        {
            var id = step["id"]?.ToString() ?? throw new GraphException(400, "BadRequest", "Batch request is missing the required 'id' property.");
            if (!byId.TryAdd(id, step))
            {
                throw new GraphException(400, "BadRequest", $"Batch request contains duplicate request id '{id}'.");
            }

            var headers = step["headers"] as JsonObject;
            var hasContentType = headers?.Any(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)) == true;
            if (step["body"] is not null && !hasContentType)
            {
                throw new GraphException(400, "BadRequest", $"Write request id : {id} does not contain Content-Type header or body.");
            }

            foreach (var dependency in (step["dependsOn"] as JsonArray ?? []).Select(d => d?.ToString()))
            {
                if (dependency is null || !steps.OfType<JsonObject>().Any(s => s["id"]?.ToString() == dependency))
                {
                    throw new GraphException(400, "BadRequest", $"Request id '{id}' depends on '{dependency}', which is not in the batch.");
                }
            }
        }

        var results = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var id in byId.Keys)
        {
            Run(c, id, byId, results, logStep, []);
        }

        var responses = new JsonArray(byId.Keys.Reverse().Select(id => (JsonNode)results[id]).ToArray());
        return SandboxResponse.Json(200, new JsonObject { ["responses"] = responses });
    }

    private static JsonObject Run(
        GraphContext c,
        string id,
        Dictionary<string, JsonObject> steps,
        Dictionary<string, JsonObject> results,
        GraphApi.StepLogger logStep,
        HashSet<string> visiting)
    {
        if (results.TryGetValue(id, out var done))
        {
            return done;
        }

        var step = steps[id];
        if (!visiting.Add(id))
        {
            return results[id] = Reply(id, 400, null, Error("BadRequest", "Circular dependency in batch requests."));
        }

        foreach (var dependency in (step["dependsOn"] as JsonArray ?? []).Select(d => d!.ToString()))
        {
            var result = Run(c, dependency, steps, results, logStep, visiting);
            if (result["status"]!.GetValue<int>() >= 400)
            {
                return results[id] = Reply(id, 424, null, Error("FailedDependency", "Failed dependency."));
            }
        }

        var request = StepRequest(c, step);
        var info = new RequestInfo();
        var response = GraphApi.Handle(c.Data, request, c.Now, info, logStep);
        logStep(request, response, info, id);
        var headers = new JsonObject();
        foreach (var name in new[] { "Location", "Content-Type", "Retry-After" })
        {
            if (response.Headers.TryGetValue(name, out var value))
            {
                headers[name] = value;
            }
        }

        var body = response.Body.Length > 0 ? JsonNode.Parse(response.Body.Span) : null;
        return results[id] = Reply(id, response.StatusCode, headers, body);
    }

    private static SandboxRequest StepRequest(GraphContext c, JsonObject step)
    {
        var url = step["url"]?.GetValue<string>() ?? "";
        var method = step["method"]?.GetValue<string>() ?? "GET";
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in step["headers"] as JsonObject ?? [])
        {
            // Steps run as the batch's caller: an Authorization header inside a step is ignored, as on Graph.
            if (!string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                headers.Add(new(name, value?.ToString() ?? ""));
            }
        }

        if (c.Request.Header("Authorization") is { } authorization)
        {
            headers.Add(new("Authorization", authorization));
        }

        var body = step["body"] is JsonNode node ? Encoding.UTF8.GetBytes(node.ToJsonString()) : null;
        var uri = new Uri(c.GraphBase + "/" + url.TrimStart('/'));
        return new SandboxRequest(method, uri, headers, body);
    }

    private static JsonObject Reply(string id, int status, JsonObject? headers, JsonNode? body)
    {
        var reply = new JsonObject { ["id"] = id, ["status"] = status, ["headers"] = headers ?? new JsonObject() };
        if (body is not null)
        {
            reply["body"] = body;
        }

        return reply;
    }

    private static JsonObject Error(string code, string message) =>
        new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };
}
