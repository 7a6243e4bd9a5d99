using System.Text.Json;

namespace AcsTeamsAdmin.Engine.Graph;

/// <summary>
/// A Graph error answer in our terms: its status and what its body's "error" object says (code, message, and the
/// request id support asks for). Read from JSON for plain requests and batch steps, or from the SDK's ODataError.
/// </summary>
internal sealed record GraphError(int Status, string? Code, string? Message, string? RequestId)
{
    /// <summary>From an answer's body (Graph's {"error": {"code", "message", "innerError": {"request-id"}}}), whatever it holds.</summary>
    public static GraphError From(int status, JsonElement? body)
    {
        if (body is not { ValueKind: JsonValueKind.Object } root || !root.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
        {
            return new GraphError(status, null, null, null);
        }

        var inner = error.TryGetProperty("innerError", out var found) && found.ValueKind == JsonValueKind.Object ? found : (JsonElement?)null;
        return new GraphError(status, Text(error, "code"), Text(error, "message"), inner is { } details ? Text(details, "request-id") : null);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
