using AcsTeamsAdmin.Engine.Presentation;

namespace AcsTeamsAdmin.Engine.Communication;

/// <summary>An ACS identity that was created, with its first token when one was asked for.</summary>
[DefaultDisplay("TokenExpiresOn:27", "Id")]
public sealed record AcsIdentity
{
    /// <summary>8:acs:&lt;resourceId&gt;_&lt;guid&gt;.</summary>
    public required string Id { get; init; }

    /// <summary>The ACS resource the identity belongs to.</summary>
    public required string Endpoint { get; init; }

    /// <summary>The first token, when scopes were given; its ToString redacts the token.</summary>
    public AcsAccessToken? AccessToken { get; init; }

    public DateTimeOffset? TokenExpiresOn => AccessToken?.ExpiresOn;
}

/// <summary>What Revoke-AcsAccessToken and Remove-AcsIdentity did, written with -PassThru.</summary>
[DefaultDisplay("Action:10", "IdentityId")]
public sealed record AcsIdentityChange(string IdentityId, string Action, string Endpoint);
