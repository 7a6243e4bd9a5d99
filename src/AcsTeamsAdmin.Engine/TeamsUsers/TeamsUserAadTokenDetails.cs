namespace AcsTeamsAdmin.Engine.TeamsUsers;

/// <summary>
/// What is known about a Teams user's Entra token for ACS, besides the token itself. Its property names
/// bind by name to Convert-AadTokenToTeamsToken (ClientId, UserObjectId); the two kinds of token
/// (<see cref="TeamsUserAadToken"/>, <see cref="TeamsUserAadPlainToken"/>) add the token in their form.
/// </summary>
public abstract record TeamsUserAadTokenDetails
{
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
