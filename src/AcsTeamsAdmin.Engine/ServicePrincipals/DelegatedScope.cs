namespace AcsTeamsAdmin.Engine.ServicePrincipals;

/// <summary>A delegated permission (oauth2PermissionScope) an API offers, e.g. Teams.ManageCalls.</summary>
public sealed record DelegatedScope(string Value, Guid Id, bool IsEnabled)
{
    /// <summary>The scope's name, as PowerShell shows it in a list of scopes (Format-List *, string interpolation).</summary>
    public override string ToString() => IsEnabled ? Value : $"{Value} (disabled)";
}
