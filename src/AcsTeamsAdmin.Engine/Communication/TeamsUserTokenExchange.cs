using AcsTeamsAdmin.Engine.Identifiers;

namespace AcsTeamsAdmin.Engine.Communication;

/// <summary>
/// What the Teams user token exchange sends: the user's Entra token for the ACS first-party app, the Entra app
/// (client) id it was issued to, and the user's object id. ToString redacts the token.
/// </summary>
public sealed record TeamsUserTokenExchange(string EntraToken, AppId AppId, Guid UserId)
{
    public override string ToString() => $"Teams user token exchange for user {UserId} of app {AppId} (token redacted)";
}
