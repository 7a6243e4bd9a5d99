using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox.Internal;

namespace AcsTeamsAdmin.Sandbox.Communication;

/// <summary>
/// POST /teamsUser/:exchangeAccessToken {token, appId, userId}. The order of checks: the model's required fields
/// (appId, then userId: ASP.NET model validation runs before the action, hence their capitalised targets), the Entra
/// token (JWT, not expired, for the ACS first-party app, with Teams.ManageCalls and Teams.ManageChats), then appId
/// (format, then the token's appid claim), then userId (format, then the token's oid claim).
/// </summary>
internal static class TeamsTokenExchange
{
    private static readonly string[] RequiredScopes = ["Teams.ManageCalls", "Teams.ManageChats"];

    public static SandboxResponse Handle(SandboxData data, JsonObject body, DateTimeOffset now)
    {
        var token = Text(body, "token");
        var appId = Text(body, "appId");
        var userId = Text(body, "userId");
        if (string.IsNullOrWhiteSpace(appId))
        {
            throw AcsErrors.AppIdRequired();
        }

        if (string.IsNullOrWhiteSpace(userId))
        {
            throw AcsErrors.UserIdRequired();
        }

        var claims = ValidEntraToken(token, now);
        if (!Guid.TryParse(appId, out var app))
        {
            throw AcsErrors.AppIdFormat();
        }

        if (!Guid.TryParse(DirectoryQueries.Str(claims, "appid") ?? DirectoryQueries.Str(claims, "azp"), out var tokenApp) || tokenApp != app)
        {
            throw AcsErrors.AppIdMismatch();
        }

        if (!Guid.TryParse(userId, out var user))
        {
            throw AcsErrors.UserIdFormat();
        }

        if (!Guid.TryParse(DirectoryQueries.Str(claims, "oid"), out var tokenUser) || tokenUser != user)
        {
            throw AcsErrors.UserIdMismatch();
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(claims["exp"]!.GetValue<long>());
        var issued = AcsTokens.ForTeamsUser(data, DirectoryQueries.Str(claims, "tid") ?? "", user.ToString(), expires, now);
        return SandboxResponse.Json(200, new JsonObject { ["token"] = issued.Token, ["expiresOn"] = AcsTokens.FormatExpiry(issued.ExpiresOn) });
    }

    /// <summary>Every reason an Entra token is unusable answers the same 401 InvalidAccessToken, as the service does.</summary>
    private static JsonObject ValidEntraToken(string? token, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(token) || UnsignedJwt.Decode(token) is not { } jwt)
        {
            throw AcsErrors.InvalidAccessToken();
        }

        var claims = jwt.Payload;
        var exp = claims["exp"] is JsonValue e && e.TryGetValue<long>(out var seconds) ? seconds : 0;
        if (DateTimeOffset.FromUnixTimeSeconds(exp) <= now)
        {
            throw AcsErrors.InvalidAccessToken();
        }

        var audience = DirectoryQueries.Str(claims, "aud")?.TrimEnd('/');
        if (!string.Equals(audience, SandboxIds.AcsAppIdUri, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(audience, SandboxIds.AcsAppId, StringComparison.OrdinalIgnoreCase))
        {
            throw AcsErrors.InvalidAccessToken();
        }

        var scopes = (DirectoryQueries.Str(claims, "scp") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (RequiredScopes.Any(required => !scopes.Contains(required, StringComparer.OrdinalIgnoreCase)))
        {
            throw AcsErrors.InvalidAccessToken();
        }

        return claims;
    }

    private static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
