namespace AcsTeamsAdmin.Engine.ServicePrincipals;

/// <summary>A delegated permission (oauth2PermissionScope) an API offers, e.g. Teams.ManageCalls.</summary>
public sealed record DelegatedScope(string Value, Guid Id, bool IsEnabled);
