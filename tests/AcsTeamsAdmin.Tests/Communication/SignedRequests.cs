using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox;

namespace AcsTeamsAdmin.Tests.Communication;

/// <summary>
/// Raw HMAC-signed requests to the sandbox's ACS API, signed by an implementation written from the reference
/// (independent of the engine's), so tests can send what our typed client never would (an empty appId, 59 minutes).
/// </summary>
internal static class SignedRequests
{
    public static async Task<(int Status, JsonObject? Body, HttpResponseMessage Response)> SendAsync(
        SandboxService sandbox, HttpMethod method, string pathAndQuery, string? body,
        string? key = null, DateTimeOffset? date = null, string? sentBody = null)
    {
        using var http = new HttpClient(sandbox.CreateHandler());
        var uri = new Uri(SandboxService.InProcessBaseAddress, pathAndQuery);
        var bytes = Encoding.UTF8.GetBytes(body ?? "");
        var hash = Convert.ToBase64String(SHA256.HashData(bytes));
        var when = (date ?? DateTimeOffset.UtcNow).ToString("r", CultureInfo.InvariantCulture);
        var toSign = $"{method.Method}\n{uri.PathAndQuery}\n{when};{uri.Authority};{hash}";
        var secret = Convert.FromBase64String(key ?? sandbox.State.Read(d => d.AcsAccessKey));
        var signature = Convert.ToBase64String(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(toSign)));
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.TryAddWithoutValidation("x-ms-date", when);
        request.Headers.TryAddWithoutValidation("x-ms-content-sha256", hash);
        request.Headers.TryAddWithoutValidation("Authorization", $"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={signature}");
        request.Headers.TryAddWithoutValidation("x-ms-client-request-id", "raw-test-request");

        // sentBody differs from body when a test tampers with the body after signing.
        var wire = sentBody ?? body;
        if (wire is not null)
        {
            request.Content = new StringContent(wire, Encoding.UTF8, "application/json");
        }

        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.StartsWith('{') ? JsonNode.Parse(text) as JsonObject : null, response);
    }

    public static string Code(JsonObject? body) => (string?)body?["error"]?["code"] ?? "";

    public static string Message(JsonObject? body) => (string?)body?["error"]?["message"] ?? "";

    public static string? Target(JsonObject? body) => (string?)body?["error"]?["target"];
}
