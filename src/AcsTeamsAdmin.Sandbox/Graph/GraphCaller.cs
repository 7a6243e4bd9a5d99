using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox.Internal;

namespace AcsTeamsAdmin.Sandbox.Graph;

/// <summary>Who is calling Graph, read from the bearer token (no signature: the sandbox issued it unsigned).</summary>
internal sealed record GraphCaller(TenantData Tenant, string ClientAppId, UserData? User, IReadOnlyList<string> Roles, IReadOnlyList<string> Scopes)
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    public bool IsAppOnly => User is null;

    public bool HasAdminRole => User?.DirectoryRoles.Any(r => DirectoryQueries.ConsentAdminRoles.Contains(r, StringComparer.OrdinalIgnoreCase)) == true;

    /// <summary>Validates like Graph: present, a JWT, in its lifetime (5 minutes' skew), for Graph, from a known tenant.</summary>
    public static GraphCaller FromRequest(SandboxData data, SandboxRequest request, DateTimeOffset now)
    {
        var header = request.Header("Authorization");
        if (string.IsNullOrWhiteSpace(header))
        {
            throw GraphErrors.EmptyToken();
        }

        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : header.Trim();
        if (token.Length == 0)
        {
            throw GraphErrors.EmptyToken();
        }

        if (UnsignedJwt.Decode(token) is not { } jwt)
        {
            throw GraphErrors.MalformedToken();
        }

        var claims = jwt.Payload;
        var exp = claims["exp"] is JsonValue e && e.TryGetValue<long>(out var expValue) ? expValue : 0;
        if (DateTimeOffset.FromUnixTimeSeconds(exp) + Skew <= now)
        {
            throw GraphErrors.ExpiredToken();
        }

        var aud = DirectoryQueries.Str(claims, "aud")?.TrimEnd('/');
        if (!string.Equals(aud, SandboxIds.GraphAudience, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(aud, SandboxIds.GraphAppId, StringComparison.OrdinalIgnoreCase))
        {
            throw GraphErrors.WrongAudience();
        }

        var tenant = DirectoryQueries.FindTenant(data, DirectoryQueries.Str(claims, "tid") ?? "") ?? throw GraphErrors.UnknownIssuer();
        var appId = DirectoryQueries.Str(claims, "appid") ?? DirectoryQueries.Str(claims, "azp") ?? "";
        UserData? user = null;
        if (DirectoryQueries.Str(claims, "idtyp") == "user" || claims["scp"] is not null)
        {
            var oid = DirectoryQueries.Str(claims, "oid") ?? "";
            user = tenant.Users.FirstOrDefault(u => string.Equals(u.Id, oid, StringComparison.OrdinalIgnoreCase)) ?? throw GraphErrors.UnknownIssuer();
        }

        var roles = (claims["roles"] as JsonArray ?? []).Select(r => r?.GetValue<string>()).OfType<string>().ToList();
        var scopes = (DirectoryQueries.Str(claims, "scp") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new GraphCaller(tenant, appId, user, roles, scopes);
    }
}
