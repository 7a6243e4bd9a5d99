namespace AcsTeamsAdmin.Engine.Communication;

/// <summary>
/// The ACS identity API's five operations. Ours (<see cref="AcsIdentityClient"/>) is built on Azure.Core; an adapter
/// over the official Azure.Communication.Identity package can replace it without touching its callers. Inputs are
/// parsed types, so implementations can assume them valid; failures are AcsTeamsAdminException.
/// </summary>
public interface IAcsIdentityClient
{
    /// <summary>The ACS resource's endpoint.</summary>
    Uri Endpoint { get; }

    AcsApiVersion ApiVersion { get; }

    /// <summary>POST /identities: a new identity, with a first token when <paramref name="token"/> is given.</summary>
    Task<AcsIdentity> CreateIdentityAsync(AcsTokenRequest? token, CancellationToken cancellationToken);

    /// <summary>POST /identities/{id}/:issueAccessToken.</summary>
    Task<AcsAccessToken> IssueTokenAsync(AcsIdentityId identity, AcsTokenRequest token, CancellationToken cancellationToken);

    /// <summary>POST /identities/{id}/:revokeAccessTokens: every token issued so far stops working.</summary>
    Task RevokeTokensAsync(AcsIdentityId identity, CancellationToken cancellationToken);

    /// <summary>DELETE /identities/{id}: the identity and its tokens are gone.</summary>
    Task DeleteIdentityAsync(AcsIdentityId identity, CancellationToken cancellationToken);

    /// <summary>POST /teamsUser/:exchangeAccessToken: a Teams user's Entra token for an ACS token.</summary>
    Task<AcsAccessToken> ExchangeTeamsUserTokenAsync(TeamsUserTokenExchange exchange, CancellationToken cancellationToken);
}
