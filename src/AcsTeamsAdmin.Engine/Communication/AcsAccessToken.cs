using System.Text;
using AcsTeamsAdmin.Engine.Presentation;

namespace AcsTeamsAdmin.Engine.Communication;

/// <summary>
/// An ACS access token. The token is what the caller asked for, so <see cref="Token"/> holds it; but it is not a
/// default column and ToString redacts it, so it is never printed by accident (a transcript, a log of $result).
/// </summary>
[DefaultDisplay("ExpiresOn:27", "Scopes:24", "IdentityId")]
public sealed record AcsAccessToken
{
    /// <summary>Who the token is for: 8:acs:... for an ACS identity, 8:orgid:... for a Teams user.</summary>
    public required string IdentityId { get; init; }

    public required string Token { get; init; }

    public required DateTimeOffset ExpiresOn { get; init; }

    /// <summary>chat, voip, ...; empty for a Teams user's token (the exchange grants what the Entra token allowed).</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    public override string ToString() => $"ACS access token for {IdentityId}, expires {ExpiresOn:O} (token redacted)";

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("IdentityId = ").Append(IdentityId)
            .Append(", Token = <redacted>, ExpiresOn = ")
            .Append(ExpiresOn.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }
}
