using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Tokens;

namespace AcsTeamsAdmin.Engine.Communication;

/// <summary>
/// The checks the exchange would fail, made locally first (the token is decoded, not validated: the service
/// validates the signature), so the user gets a precise reason instead of the service's one-size 401.
/// </summary>
public static class TeamsTokenPrecheck
{
    public const string AcsAudienceUri = "https://auth.msft.communication.azure.com";

    private static readonly string[] RequiredScopes = ["Teams.ManageCalls", "Teams.ManageChats"];

    /// <summary>
    /// Throws TeamsTokenUnusable naming the first problem; returns the claims when the token looks usable. Problems are
    /// named after Convert-AadTokenToTeamsToken's parameters: -AadToken, -ClientId, -UserObjectId.
    /// </summary>
    public static TokenClaims Check(TeamsUserTokenExchange exchange, DateTimeOffset now, string parameterName = "AadToken")
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var claims = TokenClaims.Read(parameterName, exchange.EntraToken);
        if (claims.ExpiresOn is { } expires && expires <= now)
        {
            throw Unusable(parameterName, $"the token expired at {expires:u}.", "Get a new token for the Teams user and exchange it right away.");
        }

        var audience = claims.Audience?.TrimEnd('/');
        if (!string.Equals(audience, AcsAudienceUri, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(audience, ServicePrincipals.AcsFirstPartyApp.AppId, StringComparison.OrdinalIgnoreCase))
        {
            throw Unusable(parameterName, $"the token is for '{audience}', not for Azure Communication Services.",
                $"Ask Entra for the scopes {AcsAudienceUri}/Teams.ManageCalls and {AcsAudienceUri}/Teams.ManageChats.");
        }

        var missing = RequiredScopes.Where(s => !claims.Scopes.Contains(s, StringComparer.OrdinalIgnoreCase)).ToArray();
        if (missing.Length > 0)
        {
            throw Unusable(parameterName, $"the token lacks the scope {string.Join(" and ", missing)}.",
                "Add both Teams.ManageCalls and Teams.ManageChats of Azure Communication Services to the app's API " +
                "permissions, grant consent, and get a new token.");
        }

        if (!Guid.TryParse(claims.AppId, out var app) || app != exchange.AppId.Value)
        {
            throw Unusable(
                "ClientId",
                $"the token was issued to app {claims.AppId}, not {exchange.AppId}.",
                "Pass the Application (client) id the token was issued to (its appid claim).");
        }

        if (!Guid.TryParse(claims.ObjectId, out var user) || user != exchange.UserId)
        {
            throw Unusable(
                "UserObjectId",
                $"the token belongs to user {claims.ObjectId}, not {exchange.UserId}.",
                "Pass the object id of the user who signed in (the token's oid claim).");
        }

        return claims;
    }

    private static AcsTeamsAdminException Unusable(string parameterName, string problem, string fix) =>
        new(
            ErrorIds.TeamsTokenUnusable,
            FailureCategory.InvalidArgument,
            $"{AcsTeamsAdminException.Parameter(parameterName)} {problem} {fix}",
            fix,
            SensitiveInput.Of("token"))
        {
            ParameterName = parameterName,
        };
}
