using System.Security;
using AcsTeamsAdmin.Engine.Presentation;
using AcsTeamsAdmin.Engine.Tokens;

namespace AcsTeamsAdmin.Engine.Communication;

/// <summary>
/// An ACS access token as a SecureString: what the token cmdlets write unless -AsPlainText (the same choice
/// Get-AzAccessToken makes). Reveal it with ConvertFrom-SecureString -AsPlainText where an SDK needs the text.
/// </summary>
[DefaultDisplay("ExpiresOn:27", "Scopes:24", "IdentityId")]
public sealed record AcsSecureAccessToken
{
    /// <summary>8:acs:... for an ACS identity, 8:orgid:... for a Teams user.</summary>
    public required string IdentityId { get; init; }

    public required SecureString Token { get; init; }

    public required DateTimeOffset ExpiresOn { get; init; }

    public IReadOnlyList<string> Scopes { get; init; } = [];

    public static AcsSecureAccessToken From(AcsAccessToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new AcsSecureAccessToken
        {
            IdentityId = token.IdentityId,
            Token = SecureText.From(token.Token),
            ExpiresOn = token.ExpiresOn,
            Scopes = token.Scopes
        };
    }
}
