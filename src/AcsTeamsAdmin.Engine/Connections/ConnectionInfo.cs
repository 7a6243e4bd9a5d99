using AcsTeamsAdmin.Engine.Presentation;

namespace AcsTeamsAdmin.Engine.Connections;

/// <summary>
/// What Get-AcsTeamsAdminContext shows about the current connection. Holds no token or secret:
/// it is safe to print, log and serialise.
/// </summary>
[DefaultDisplay("TenantId", "Account", "SignInMode", "AppOnly", "Environment", "Permissions", "TokenExpiresOn", AsList = true)]
public sealed record ConnectionInfo
{
    public required string TenantId { get; init; }

    /// <summary>The signed-in user's UPN, or for app-only sign-ins the app's client id.</summary>
    public required string Account { get; init; }

    public string? ClientId { get; init; }

    public required SignInMode SignInMode { get; init; }

    /// <summary>True when Graph calls act as an app (application permissions), false when as a user.</summary>
    public required bool AppOnly { get; init; }

    public required CloudEnvironment Environment { get; init; }

    public required string GraphEndpoint { get; init; }

    public required string AuthorityHost { get; init; }

    /// <summary>Where Azure Resource Manager is reached (Get-AcsResource): the cloud's, or a sandbox's.</summary>
    public string? ResourceManagerEndpoint { get; init; }

    /// <summary>The Graph permissions the token carries: delegated scopes or application roles.</summary>
    public IReadOnlyList<string> Permissions { get; init; } = [];

    public DateTimeOffset? TokenExpiresOn { get; init; }

    public required DateTimeOffset ConnectedAt { get; init; }
}
