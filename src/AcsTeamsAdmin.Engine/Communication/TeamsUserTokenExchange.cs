using AcsTeamsAdmin.Engine.Identifiers;

namespace AcsTeamsAdmin.Engine.Communication;

/// <summary>
/// What the Teams user token exchange sends: the user's Entra token for the ACS first-party app, the Entra app
/// (client) id it was issued to, and the user's object id. ToString redacts the token.
/// </summary>
public sealed record TeamsUserTokenExchange(string EntraToken, AppId AppId, Guid UserId)
{
    /// <summary>Convert-AadTokenToTeamsToken's -AadToken, -ClientId and -UserObjectId as typed; throws, naming the parameter.</summary>
    public static TeamsUserTokenExchange Parse(string? entraToken, string? clientId, string? userObjectId) => new(
        entraToken ?? "",
        AppId.Parse(clientId, "ClientId"),
        Validation.InputParser.ParseGuid("UserObjectId", userObjectId,
            "it is the Teams user's object id (the Entra token's oid claim; Get-AcsTeamsUserAadToken returns it)."));

    public override string ToString() => $"Teams user token exchange for user {UserId} of app {AppId} (token redacted)";
}
