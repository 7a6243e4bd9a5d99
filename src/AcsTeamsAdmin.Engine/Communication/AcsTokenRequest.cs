namespace AcsTeamsAdmin.Engine.Communication;

/// <summary>A token to issue: its scopes and, optionally, its lifetime (the service's default is 24 hours).</summary>
public sealed record AcsTokenRequest(AcsTokenScopes Scopes, AcsTokenLifetime? ExpiresIn = null);
