using System.Security;
using AcsTeamsAdmin.Engine.Presentation;

namespace AcsTeamsAdmin.Engine.TeamsUsers;

/// <summary>
/// A Teams user's Entra token for ACS, as a SecureString (the default). Token binds by name to
/// Convert-AadTokenToTeamsToken's -AadToken (its alias), as ClientId and UserObjectId do.
/// </summary>
[DefaultDisplay("UserPrincipalName:30", "ExpiresOn:27", "Scopes")]
public sealed record TeamsUserAadToken : TeamsUserAadTokenDetails
{
    public required SecureString Token { get; init; }
}
