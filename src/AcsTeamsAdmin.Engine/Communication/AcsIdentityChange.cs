using AcsTeamsAdmin.Engine.Presentation;

namespace AcsTeamsAdmin.Engine.Communication;

/// <summary>What Revoke-AcsAccessToken and Remove-AcsIdentity did, written with -PassThru.</summary>
[DefaultDisplay("Action:10", "IdentityId")]
public sealed record AcsIdentityChange(string IdentityId, string Action, string Endpoint);
