using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Operations;

namespace AcsTeamsAdmin.Engine.Communication;

/// <summary>
/// What the ACS identity cmdlets do, over any <see cref="IAcsIdentityClient"/>: ask before each change, log what
/// happened (identifiers only: never a token or key), and make deletion idempotent.
/// </summary>
public static class AcsIdentityOperations
{
    /// <summary>A new identity (with a first token when asked), or null when the change was declined (-WhatIf).</summary>
    public static async Task<AcsIdentity?> NewIdentityAsync(IAcsIdentityClient client, AcsTokenRequest? token, OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(context);
        var what = token is null ? "Create" : $"Create, with a token for {token.Scopes}";
        if (!context.Approval.ShouldChange($"ACS identity in {client.Endpoint.Authority}", what))
        {
            return null;
        }

        var identity = await client.CreateIdentityAsync(token, context.CancellationToken).ConfigureAwait(false);
        context.Log.Verbose($"Created ACS identity {identity.Id}{(identity.AccessToken is { } t ? $" with a token expiring {t.ExpiresOn:u}" : "")}.");
        return identity;
    }

    /// <summary>A new token for an identity, or null when declined.</summary>
    public static async Task<AcsAccessToken?> NewAccessTokenAsync(
        IAcsIdentityClient client,
        AcsIdentityId identity,
        AcsTokenRequest token,
        OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Approval.ShouldChange(identity.Value, $"Issue a token for {token.Scopes}"))
        {
            return null;
        }

        var issued = await client.IssueTokenAsync(identity, token, context.CancellationToken).ConfigureAwait(false);
        context.Log.Verbose($"Issued a {token.Scopes} token for {identity}, expiring {issued.ExpiresOn:u}.");
        return issued;
    }

    /// <summary>Revokes every token of an identity; true when done, false when declined.</summary>
    public static async Task<bool> RevokeAccessTokensAsync(IAcsIdentityClient client, AcsIdentityId identity, OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Approval.ShouldChange(identity.Value, "Revoke all access tokens"))
        {
            return false;
        }

        await client.RevokeTokensAsync(identity, context.CancellationToken).ConfigureAwait(false);
        context.Log.Verbose($"Revoked the tokens of {identity}.");
        return true;
    }

    /// <summary>
    /// Deletes an identity. Already deleted counts as done (a second run changes nothing and does not fail); an
    /// identity of another resource still fails, since that is a mistake worth hearing about.
    /// </summary>
    public static async Task<bool> RemoveIdentityAsync(IAcsIdentityClient client, AcsIdentityId identity, OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Approval.ShouldChange(identity.Value, "Delete the identity and its tokens"))
        {
            return false;
        }

        try
        {
            await client.DeleteIdentityAsync(identity, context.CancellationToken).ConfigureAwait(false);
            context.Log.Verbose($"Deleted {identity}.");
        }
        catch (AcsTeamsAdminException error) when (error.ErrorId == ErrorIds.AcsIdentityNotFound)
        {
            context.Log.Verbose($"{identity} was already deleted; nothing to do.");
        }

        return true;
    }

    /// <summary>Checks the Teams user's Entra token locally (precise errors, no call), then exchanges it.</summary>
    public static async Task<AcsAccessToken> ExchangeTeamsUserTokenAsync(
        IAcsIdentityClient client,
        TeamsUserTokenExchange exchange,
        OperationContext context,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(context);
        var claims = TeamsTokenPrecheck.Check(exchange, (time ?? TimeProvider.System).GetUtcNow());
        context.Log.Verbose($"The Teams token of {claims.UserPrincipalName ?? exchange.UserId.ToString()} " +
            $"(tenant {claims.TenantId}) has the ACS Teams scopes; exchanging it.");
        var token = await client.ExchangeTeamsUserTokenAsync(exchange, context.CancellationToken).ConfigureAwait(false);
        context.Log.Verbose($"Exchanged: an ACS token for {token.IdentityId}, expiring {token.ExpiresOn:u}.");
        return token;
    }
}
