using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AcsTeamsAdmin.Sandbox.Internal;

/// <summary>
/// Unsigned JWTs ({"alg":"none"}, empty signature): well-formed for any JWT library that decodes without
/// validating, and impossible to mistake for a token a real service would accept.
/// </summary>
internal static class UnsignedJwt
{
    private static readonly string Header = Base64Url.Encode(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"JWT\"}"));

    public static string Encode(JsonObject claims) =>
        Header + "." + Base64Url.Encode(Encoding.UTF8.GetBytes(claims.ToJsonString())) + ".";

    /// <summary>The header and payload of a compact JWT (signature not checked), or null when it is not one.</summary>
    public static (JsonObject Header, JsonObject Payload)? Decode(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var header = JsonNode.Parse(Base64Url.Decode(parts[0])) as JsonObject;
            var payload = JsonNode.Parse(Base64Url.Decode(parts[1])) as JsonObject;
            return header is null || payload is null ? null : (header, payload);
        }
        catch (FormatException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
