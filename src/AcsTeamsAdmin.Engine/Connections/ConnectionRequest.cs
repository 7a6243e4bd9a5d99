using System.Security.Cryptography.X509Certificates;

namespace AcsTeamsAdmin.Engine.Connections;

/// <summary>
/// What Connect-AcsTeamsAdmin (or the CLI's connection options) asked for. Validated by
/// <see cref="ConnectionRequestValidator"/> before anything signs in. It holds secrets in memory
/// only as long as the connection needs them and deliberately does not override ToString.
/// </summary>
public sealed class ConnectionRequest
{
    public SignInMode Mode { get; init; } = SignInMode.InteractiveBrowser;

    public CloudEnvironment Environment { get; init; } = CloudEnvironment.Global;

    /// <summary>Tenant id or verified domain. Required for app-only sign-ins.</summary>
    public string? TenantId { get; init; }

    /// <summary>The app registration signing in; for delegated modes, the public client app (defaults to Microsoft Graph Command Line Tools).</summary>
    public string? ClientId { get; init; }

    public string? ClientSecret { get; init; }

    public string? CertificateThumbprint { get; init; }

    public X509Certificate2? Certificate { get; init; }

    /// <summary>For a user-assigned managed identity; empty means the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; init; }

    public string? AccessToken { get; init; }

    /// <summary>Delegated Graph scopes to ask for; empty means the ones the cmdlets need (<see cref="GraphScopes.Default"/>).</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>A Graph other than the cloud's (a loopback sandbox, a proxy): must end in /v1.0.</summary>
    public string? GraphEndpoint { get; init; }

    /// <summary>An authority host other than the cloud's (a loopback sandbox).</summary>
    public string? AuthorityHost { get; init; }

    /// <summary>
    /// An Azure Resource Manager other than the cloud's (a sandbox). When null and <see cref="GraphEndpoint"/> is a
    /// loopback address (a sandbox on 127.0.0.1), ARM is taken to be at the same address's root.
    /// </summary>
    public string? ResourceManagerEndpoint { get; init; }

    /// <summary>For <see cref="SignInMode.Sandbox"/>: a JSON state file to start from. It is only read, unless <see cref="SaveSandboxState"/>.</summary>
    public string? SandboxStatePath { get; init; }

    /// <summary>
    /// With <see cref="SandboxStatePath"/>: save the state back to that file when the session ends (see
    /// <see cref="AcsTeamsAdminConnection.SaveSandboxState"/>); a file that does not exist yet is then created.
    /// </summary>
    public bool SaveSandboxState { get; init; }

    /// <summary>Replaces the network for every HTTP call of this connection. Tests and the in-process sandbox use it.</summary>
    internal HttpMessageHandler? Transport { get; init; }

    /// <summary>How the session retries transient faults (Graph and ACS): -MaxRetryWaitSeconds sets the budget; tests shorten the rest.</summary>
    public Http.RetryLimits RetryLimits { get; init; } = Http.RetryLimits.Default;

    /// <summary>The in-process sandbox, signed in as the admin app of its default tenant or of <paramref name="tenantId"/>.</summary>
    public static ConnectionRequest ForSandbox(
        string? statePath = null,
        string? tenantId = null,
        bool saveState = false,
        Http.RetryLimits? retryLimits = null) =>
        new()
        {
            Mode = SignInMode.Sandbox,
            SandboxStatePath = statePath,
            TenantId = tenantId,
            SaveSandboxState = saveState,
            RetryLimits = retryLimits ?? Http.RetryLimits.Default
        };
}
