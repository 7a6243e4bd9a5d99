using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AcsTeamsAdmin.Sandbox;

/// <summary>What the router answers; a transport turns it into an HTTP response (or a dropped connection).</summary>
public sealed class SandboxResponse
{
    public SandboxResponse(int statusCode, byte[]? body = null, string? contentType = null)
    {
        StatusCode = statusCode;
        Body = body ?? [];
        if (contentType is not null)
        {
            Headers["Content-Type"] = contentType;
        }
    }

    public int StatusCode { get; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ReadOnlyMemory<byte> Body { get; }

    public string BodyText => Encoding.UTF8.GetString(Body.Span);

    /// <summary>The transport must drop the connection instead of answering (an injected reset).</summary>
    public bool AbortConnection { get; init; }

    public static SandboxResponse Json(int status, JsonNode? body) =>
        new(status, Encoding.UTF8.GetBytes(body?.ToJsonString() ?? "null"), "application/json; charset=utf-8");

    public static SandboxResponse Json<T>(int status, T body) =>
        new(status, JsonSerializer.SerializeToUtf8Bytes(body, SandboxJson.Options), "application/json; charset=utf-8");

    public static SandboxResponse Text(int status, string text) =>
        new(status, Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8");

    public static SandboxResponse Empty(int status) => new(status);

    public static SandboxResponse Aborted() => new(0) { AbortConnection = true };
}
