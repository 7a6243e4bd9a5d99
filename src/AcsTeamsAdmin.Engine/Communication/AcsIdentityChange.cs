using AcsTeamsAdmin.Engine.Presentation;

namespace AcsTeamsAdmin.Engine.Communication;

/// <summary>What Revoke-AcsAccessToken and Remove-AcsIdentity did, written with -PassThru.</summary>
[DefaultDisplay("IdentityId", "Action", "Endpoint")]
public sealed record AcsIdentityChange(string IdentityId, string Action, string Endpoint);
