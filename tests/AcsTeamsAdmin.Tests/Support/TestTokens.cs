using System.Text;
using System.Text.Json;

namespace AcsTeamsAdmin.Tests.Support;

/// <summary>Unsigned JWTs with chosen claims, for tests of code that reads tokens.</summary>
internal static class TestTokens
{
    public static string Create(IReadOnlyDictionary<string, object> claims)
    {
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = "none", ["typ"] = "JWT" }));
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(claims));
        return $"{header}.{payload}.";
    }

    public static string Graph(DateTimeOffset expires, string tenantId = "11111111-1111-1111-1111-111111111111", params string[] roles) => Create(new Dictionary<string, object>
    {
        ["aud"] = "https://graph.microsoft.com",
        ["tid"] = tenantId,
        ["appid"] = "22222222-2222-2222-2222-222222222222",
        ["oid"] = "33333333-3333-3333-3333-333333333333",
        ["idtyp"] = "app",
        ["roles"] = roles,
        ["exp"] = expires.ToUnixTimeSeconds(),
        ["iat"] = expires.AddHours(-1).ToUnixTimeSeconds(),
    });

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Utf8(string text) => Encode(Encoding.UTF8.GetBytes(text));
}
