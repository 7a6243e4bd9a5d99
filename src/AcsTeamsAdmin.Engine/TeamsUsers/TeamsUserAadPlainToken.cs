using System.Text;
using AcsTeamsAdmin.Engine.Presentation;

namespace AcsTeamsAdmin.Engine.TeamsUsers;

/// <summary>The same token as <see cref="TeamsUserAadToken"/> in plain text (-AsPlainText); ToString still redacts it.</summary>
[DefaultDisplay("UserPrincipalName:30", "ExpiresOn:27", "Scopes")]
public sealed record TeamsUserAadPlainToken : TeamsUserAadTokenDetails
{
    public required string Token { get; init; }

    /// <summary>The same token as a SecureString (what the cmdlet and acsteams output unless -AsPlainText).</summary>
    public TeamsUserAadToken Protect() => new()
    {
        Token = Tokens.SecureText.From(Token),
        ExpiresOn = ExpiresOn,
        TenantId = TenantId,
        UserObjectId = UserObjectId,
        ClientId = ClientId,
        UserPrincipalName = UserPrincipalName,
        Scopes = Scopes,
        Source = Source,
    };

    public override string ToString() => $"Entra token of {UserPrincipalName ?? UserObjectId} for ACS, expires {ExpiresOn:u} (token redacted)";

    protected override bool PrintMembers(StringBuilder builder)
    {
        builder.Append("UserObjectId = ").Append(UserObjectId).Append(", ClientId = ").Append(ClientId).Append(", Token = <redacted>");
        return true;
    }
}
