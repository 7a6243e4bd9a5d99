using Azure.Core;

namespace AcsTeamsAdmin.Engine.Connections;

/// <summary>A token the user brought (-AccessToken): used as-is; nothing can refresh it.</summary>
internal sealed class StaticTokenCredential(string token, DateTimeOffset expiresOn) : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(token, expiresOn);

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new AccessToken(token, expiresOn));
}
