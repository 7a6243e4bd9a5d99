using System.Management.Automation;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Http;
using AcsTeamsAdmin.Infrastructure;

namespace AcsTeamsAdmin.Commands;

/// <summary>
/// Signs in for this PowerShell session (runspace), like Connect-MgGraph: interactively, with a
/// device code, as an app (secret or certificate), as a managed identity, with a token obtained
/// elsewhere, or against the built-in sandbox.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "AcsTeamsAdmin", DefaultParameterSetName = ParameterSets.Interactive)]
[OutputType(typeof(ConnectionInfo))]
public sealed class ConnectAcsTeamsAdminCommand : AsyncCmdlet
{
    [Parameter(ParameterSetName = ParameterSets.Interactive)]
    [Parameter(ParameterSetName = ParameterSets.ClientSecret, Mandatory = true)]
    [Parameter(ParameterSetName = ParameterSets.CertificateThumbprint, Mandatory = true)]
    [Parameter(ParameterSetName = ParameterSets.Certificate, Mandatory = true)]
    [Parameter(ParameterSetName = ParameterSets.Sandbox, HelpMessage = "A seeded sandbox tenant to sign in to (default: the customer tenant, Fabrikam).")]
    [Alias("Tenant")]
    public string? TenantId { get; set; }

    [Parameter(ParameterSetName = ParameterSets.Interactive)]
    [Parameter(ParameterSetName = ParameterSets.ClientSecret, Mandatory = true)]
    [Parameter(ParameterSetName = ParameterSets.CertificateThumbprint, Mandatory = true)]
    [Parameter(ParameterSetName = ParameterSets.Certificate, Mandatory = true)]
    [Parameter(ParameterSetName = ParameterSets.ManagedIdentity, HelpMessage = "The client id of a user-assigned managed identity.")]
    [Alias("AppId", "ApplicationId")]
    [ArgumentCompleter(typeof(AppIdCompleter))]
    public string? ClientId { get; set; }

    [Parameter(ParameterSetName = ParameterSets.Interactive)]
    [ValidateNotNullOrEmpty]
    public string[]? Scopes { get; set; }

    [Parameter(ParameterSetName = ParameterSets.Interactive)]
    public SwitchParameter UseDeviceCode { get; set; }

    [Parameter(ParameterSetName = ParameterSets.ClientSecret, Mandatory = true)]
    [SecretTransformation("client secret")]
    public SecureString? ClientSecret { get; set; }

    [Parameter(ParameterSetName = ParameterSets.CertificateThumbprint, Mandatory = true)]
    public string? CertificateThumbprint { get; set; }

    [Parameter(ParameterSetName = ParameterSets.Certificate, Mandatory = true)]
    public X509Certificate2? Certificate { get; set; }

    [Parameter(ParameterSetName = ParameterSets.ManagedIdentity, Mandatory = true)]
    [Alias("ManagedIdentity")]
    public SwitchParameter Identity { get; set; }

    [Parameter(ParameterSetName = ParameterSets.AccessToken, Mandatory = true)]
    [SecretTransformation("token")]
    public SecureString? AccessToken { get; set; }

    [Parameter(ParameterSetName = ParameterSets.Sandbox, Mandatory = true)]
    public SwitchParameter Sandbox { get; set; }

    [Parameter(ParameterSetName = ParameterSets.Sandbox)]
    public string? SandboxStatePath { get; set; }

    [Parameter(ParameterSetName = ParameterSets.Sandbox)]
    public SwitchParameter SaveSandboxState { get; set; }

    [Parameter(ParameterSetName = ParameterSets.Interactive)]
    [Parameter(ParameterSetName = ParameterSets.ClientSecret)]
    [Parameter(ParameterSetName = ParameterSets.CertificateThumbprint)]
    [Parameter(ParameterSetName = ParameterSets.Certificate)]
    [Parameter(ParameterSetName = ParameterSets.ManagedIdentity)]
    [Parameter(ParameterSetName = ParameterSets.AccessToken)]
    public CloudEnvironment Environment { get; set; } = CloudEnvironment.Global;

    [Parameter(ParameterSetName = ParameterSets.Interactive)]
    [Parameter(ParameterSetName = ParameterSets.ClientSecret)]
    [Parameter(ParameterSetName = ParameterSets.CertificateThumbprint)]
    [Parameter(ParameterSetName = ParameterSets.Certificate)]
    [Parameter(ParameterSetName = ParameterSets.ManagedIdentity)]
    [Parameter(ParameterSetName = ParameterSets.AccessToken)]
    public string? GraphEndpoint { get; set; }

    [Parameter(ParameterSetName = ParameterSets.Interactive)]
    [Parameter(ParameterSetName = ParameterSets.ClientSecret)]
    [Parameter(ParameterSetName = ParameterSets.CertificateThumbprint)]
    [Parameter(ParameterSetName = ParameterSets.Certificate)]
    [Parameter(ParameterSetName = ParameterSets.ManagedIdentity)]
    public string? AuthorityHost { get; set; }

    /// <summary>The most one request may spend waiting to be retried (throttling, outages); 0 turns retrying off.</summary>
    [Parameter]
    [ValidateRange(0, 3600)]
    public int? MaxRetryWaitSeconds { get; set; }

    protected override async Task EndProcessingAsync(PipelineStep pipeline)
    {
        var request = BuildRequest();
        var connection = await Connector.ConnectAsync(request, pipeline.Context).ConfigureAwait(false);
        if (PipelineRunspace is { } runspace)
        {
            ConnectionStore.Set(runspace, connection);
        }

        pipeline.WriteObject(connection.Info);
    }

    private ConnectionRequest BuildRequest() => ParameterSetName switch
    {
        ParameterSets.Sandbox => ConnectionRequest.ForSandbox(SandboxStatePath, TenantId, SaveSandboxState, RetryLimits()),
        ParameterSets.AccessToken => Common(SignInMode.AccessToken),
        _ => Common(ParameterSetName switch
        {
            ParameterSets.ClientSecret => SignInMode.ClientSecret,
            ParameterSets.CertificateThumbprint or ParameterSets.Certificate => SignInMode.Certificate,
            ParameterSets.ManagedIdentity => SignInMode.ManagedIdentity,
            _ => UseDeviceCode ? SignInMode.DeviceCode : SignInMode.InteractiveBrowser,
        }),
    };

    private ConnectionRequest Common(SignInMode mode) => new()
    {
        Mode = mode,
        Environment = Environment,
        TenantId = TenantId,
        ClientId = mode == SignInMode.ManagedIdentity ? null : ClientId,
        ManagedIdentityClientId = mode == SignInMode.ManagedIdentity ? ClientId : null,
        ClientSecret = SecureStrings.Reveal(ClientSecret),
        CertificateThumbprint = CertificateThumbprint,
        Certificate = Certificate,
        AccessToken = SecureStrings.Reveal(AccessToken),
        Scopes = Scopes ?? [],
        GraphEndpoint = GraphEndpoint,
        AuthorityHost = AuthorityHost,
        RetryLimits = RetryLimits(),
    };

    private RetryLimits RetryLimits() => MaxRetryWaitSeconds is { } seconds ? Engine.Http.RetryLimits.WithBudget(seconds) : Engine.Http.RetryLimits.Default;

    private static class ParameterSets
    {
        public const string Interactive = "Interactive";
        public const string ClientSecret = "ClientSecret";
        public const string CertificateThumbprint = "CertificateThumbprint";
        public const string Certificate = "Certificate";
        public const string ManagedIdentity = "ManagedIdentity";
        public const string AccessToken = "AccessToken";
        public const string Sandbox = "Sandbox";
    }
}

/// <summary>
/// Ends this session's connection and forgets its tokens; returns what the connection was, like
/// Disconnect-MgGraph. A sandbox started from -SandboxStatePath is saved back to that file.
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "AcsTeamsAdmin")]
[OutputType(typeof(ConnectionInfo))]
public sealed class DisconnectAcsTeamsAdminCommand : AsyncCmdlet
{
    protected override Task EndProcessingAsync(PipelineStep pipeline)
    {
        if (PipelineRunspace is { } runspace && ConnectionStore.Get(runspace) is { } connection)
        {
            var info = connection.Info;
            if (connection.SaveSandboxState() is { } path)
            {
                pipeline.Context.Log.Verbose($"Saved the sandbox state to {path}.");
            }

            ConnectionStore.Set(runspace, null);
            pipeline.WriteObject(info);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Shows this session's connection (tenant, account, sign-in mode, Graph permissions); nothing when not connected.</summary>
[Cmdlet(VerbsCommon.Get, "AcsTeamsAdminContext")]
[OutputType(typeof(ConnectionInfo))]
public sealed class GetAcsTeamsAdminContextCommand : AsyncCmdlet
{
    protected override Task EndProcessingAsync(PipelineStep pipeline)
    {
        if (PipelineRunspace is { } runspace && ConnectionStore.Get(runspace) is { } connection)
        {
            pipeline.WriteObject(connection.Info);
        }

        return Task.CompletedTask;
    }
}
