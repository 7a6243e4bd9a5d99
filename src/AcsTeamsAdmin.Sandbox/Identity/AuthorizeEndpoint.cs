using System.Security.Cryptography;
using AcsTeamsAdmin.Sandbox.Internal;

namespace AcsTeamsAdmin.Sandbox.Identity;

/// <summary>
/// GET /{tenant}/oauth2/v2.0/authorize: there is no browser, so the user named by login_hint (or the tenant's
/// default sign-in user) is signed in at once and sent back to the redirect URI with a code.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static SandboxResponse Handle(SandboxData data, SandboxRequest request, string segment, DateTimeOffset now, RequestInfo info)
    {
        var query = request.Query;
        info.ClientAppId = query.GetValueOrDefault("client_id");
        try
        {
            var named = UserTokenIssuer.IsMultiTenantSegment(segment)
                ? null
                : DirectoryQueries.FindTenant(data, segment) ?? throw EntraErrors.TenantNotFound(segment);
            var signInTenant = named ?? DirectoryQueries.FindTenant(data, data.DefaultTenantId) ?? throw EntraErrors.TenantNotFound(segment);
            var client = ClientApp.Find(data, query.GetValueOrDefault("client_id"), signInTenant);
            var redirect = query.GetValueOrDefault("redirect_uri") ?? throw EntraErrors.MissingParameter("redirect_uri");
            if (client.MatchRedirect(redirect, out _) is null)
            {
                // Entra shows an error page here rather than redirecting: the redirect URI is not trusted.
                return SandboxResponse.Text(400, EntraErrors.RedirectMismatch(redirect, client.AppId).Message);
            }

            var userName = query.GetValueOrDefault("login_hint") ?? signInTenant.DefaultSignInUser
                ?? throw EntraErrors.MissingParameter("login_hint");
            var (userTenant, user) = DirectoryQueries.FindUser(data, userName) ?? throw EntraErrors.UserNotInTenant(userName, signInTenant.Id);
            var tenant = UserTokenIssuer.TenantFor(data, segment, userTenant, user);
            info.TenantId = tenant.Id;

            var code = new AuthorizationCodeData
            {
                Code = "0.sandbox." + Base64Url.Encode(RandomNumberGenerator.GetBytes(48)),
                ClientId = client.AppId,
                TenantId = tenant.Id,
                UserId = user.Id,
                RedirectUri = redirect,
                Scope = query.GetValueOrDefault("scope") ?? "",
                CodeChallenge = query.GetValueOrDefault("code_challenge"),
                CodeChallengeMethod = query.GetValueOrDefault("code_challenge_method") ?? "plain",
                ExpiresOn = now.AddMinutes(10),
            };
            data.AuthorizationCodes.Add(code);

            var back = new List<KeyValuePair<string, string>> { new("code", code.Code) };
            if (query.GetValueOrDefault("state") is { } state)
            {
                back.Add(new("state", state));
            }

            back.Add(new("session_state", Guid.NewGuid().ToString()));
            var separator = redirect.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            var response = SandboxResponse.Empty(302);
            response.Headers["Location"] = redirect + separator + FormEncoding.Build(back);
            return response;
        }
        catch (EntraException e)
        {
            return SandboxResponse.Text(400, e.Message);
        }
    }
}
