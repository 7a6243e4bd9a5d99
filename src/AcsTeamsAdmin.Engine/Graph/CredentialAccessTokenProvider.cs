using Azure.Core;
using Microsoft.Kiota.Abstractions.Authentication;

namespace AcsTeamsAdmin.Engine.Graph;

/// <summary>
/// Gives the Graph SDK a token from the connection's credential, and only for Graph's own host:
/// a paging link or redirect pointing elsewhere never receives the token.
/// </summary>
internal sealed class CredentialAccessTokenProvider(TokenCredential credential, IReadOnlyList<string> scopes, Uri graphEndpoint) : IAccessTokenProvider
{
    // The validator compares host names only (no port), so it is given the host.
    public AllowedHostsValidator AllowedHostsValidator { get; } = new([graphEndpoint.Host]);

    public async Task<string> GetAuthorizationTokenAsync(
        Uri uri,
        Dictionary<string, object>? additionalAuthenticationContext = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!AllowedHostsValidator.IsUrlHostValid(uri))
        {
            return string.Empty;
        }

        var token = await credential.GetTokenAsync(new TokenRequestContext([.. scopes]), cancellationToken).ConfigureAwait(false);
        return token.Token;
    }
}
