using System.Security;
using AcsTeamsAdmin.Engine.Presentation;

namespace AcsTeamsAdmin.Engine.TeamsUsers;

/// <summary>
/// A Teams user's Entra token for ACS, as a SecureString (the default). Its property names bind by name to
/// Convert-AadTokenToTeamsToken: Token (-AadToken's alias), ClientId and UserObjectId.
/// </summary>
[DefaultDisplay("UserPrincipalName", "TenantId", "ClientId", "Scopes", "ExpiresOn")]
public sealed record TeamsUserAadToken
{
    public required SecureString Token { get; init; }

    public required DateTimeOffset ExpiresOn { get; init; }

    public required string TenantId { get; init; }

    /// <summary>The user's object id (the token's oid claim).</summary>
    public required string UserObjectId { get; init; }

    /// <summary>The app the token was issued to (its appid claim).</summary>
    public required string ClientId { get; init; }

    public string? UserPrincipalName { get; init; }

    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>Where the token came from: Cache (silent) or IdentityProvider (a sign-in or refresh).</summary>
    public string? Source { get; init; }
}
