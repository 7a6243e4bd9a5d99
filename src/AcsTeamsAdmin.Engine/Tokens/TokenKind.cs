namespace AcsTeamsAdmin.Engine.Tokens;

/// <summary>What a decoded token is, as far as its claims tell.</summary>
public enum TokenKind
{
    /// <summary>A JWT, but neither Entra's nor ACS's claims.</summary>
    Unknown,

    /// <summary>Entra ID v1.0 access token for a signed-in user (scp).</summary>
    EntraUserV1,

    /// <summary>Entra ID v2.0 access token for a signed-in user (scp).</summary>
    EntraUserV2,

    /// <summary>Entra ID v1.0 app-only access token (roles, no scp).</summary>
    EntraAppV1,

    /// <summary>Entra ID v2.0 app-only access token (roles, no scp).</summary>
    EntraAppV2,

    /// <summary>An Entra user token for ACS's Teams scopes: the input of Convert-AadTokenToTeamsToken.</summary>
    EntraTeamsUserForAcs,

    /// <summary>An ACS access token of an ACS (bring-your-own) identity, 8:acs:...</summary>
    AcsIdentity,

    /// <summary>An ACS access token of a Teams user (the exchange's output), 8:orgid:...</summary>
    AcsTeamsUser,
}
