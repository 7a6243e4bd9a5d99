using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.ServicePrincipals;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Tests.Sandbox;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Engine;

/// <summary>
/// Each sign-in mode of Connect-AcsTeamsAdmin, through the engine, with Azure.Identity and MSAL
/// running their real code against the sandbox (only the transport is swapped).
/// </summary>
public class SignInModeTests
{
    private static readonly string Authority = SandboxService.InProcessBaseAddress.AbsoluteUri;
    private static readonly string Graph = new Uri(SandboxService.InProcessBaseAddress, "v1.0").AbsoluteUri;

    [Fact]
    public async Task Device_code_signs_in_a_user_with_the_default_delegated_scopes_and_shows_the_code()
    {
        using var sandbox = new SandboxService();
        var host = new RecordingHost();

        // A front end runs each step inside its context: the credential's prompt goes to the current one.
        var context = host.Context();
        using var scope = context.Enter();
        using var connection = await Connector.ConnectAsync(new ConnectionRequest
        {
            Mode = SignInMode.DeviceCode,
            TenantId = SandboxIds.FabrikamDomain,
            ClientId = SandboxIds.FabrikamAdminClientId,
            AuthorityHost = Authority,
            GraphEndpoint = Graph,
            Transport = sandbox.CreateHandler(),
        }, context);

        Assert.False(connection.Info.AppOnly);
        Assert.Equal(SandboxIds.FabrikamAdminUpn, connection.Info.Account);
        Assert.Equal(SandboxIds.FabrikamTenantId, connection.Info.TenantId);
        // Entra puts every consented scope in scp, not only those asked for: the asked ones must be among them.
        Assert.Contains("Application.ReadWrite.All", connection.Info.Permissions);
        Assert.Contains("DelegatedPermissionGrant.ReadWrite.All", connection.Info.Permissions);
        Assert.Contains(host.Lines, line => line.StartsWith("WARNING:", StringComparison.Ordinal) && line.Contains("code", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_delegated_admin_can_create_the_service_principal()
    {
        using var sandbox = new SandboxService();
        using var connection = await Connector.ConnectAsync(new ConnectionRequest
        {
            Mode = SignInMode.DeviceCode,
            TenantId = SandboxIds.FabrikamTenantId,
            ClientId = SandboxIds.FabrikamAdminClientId,
            AuthorityHost = Authority,
            GraphEndpoint = Graph,
            Transport = sandbox.CreateHandler(),
        }, new RecordingHost().Context());

        var principal = await ServicePrincipalOperations.EnsureAsync(connection, AppId.AcsFirstParty, new RecordingHost().Context());

        Assert.Equal(ServicePrincipalStatus.Created, principal!.Status);
    }

    [Fact]
    public async Task The_system_assigned_managed_identity_signs_in_with_its_application_permissions()
    {
        using var sandbox = new SandboxService();

        using var connection = await Connector.ConnectAsync(new ConnectionRequest
        {
            Mode = SignInMode.ManagedIdentity,
            GraphEndpoint = Graph,
            Transport = sandbox.CreateHandler(),
        }, new RecordingHost().Context());

        Assert.True(connection.Info.AppOnly);
        Assert.Equal(SandboxIds.FabrikamTenantId, connection.Info.TenantId);
        Assert.Contains("Application.ReadWrite.All", connection.Info.Permissions);

        // Whether IMDS is called here depends on test order: MSAL caches managed identity tokens process-wide.
    }

    [Fact]
    public async Task A_user_assigned_identity_chosen_by_client_id_has_only_its_own_permissions()
    {
        using var sandbox = new SandboxService();

        using var connection = await Connector.ConnectAsync(new ConnectionRequest
        {
            Mode = SignInMode.ManagedIdentity,
            ManagedIdentityClientId = SandboxIds.FabrikamUserIdentityClientId,
            GraphEndpoint = Graph,
            Transport = sandbox.CreateHandler(),
        }, new RecordingHost().Context());

        Assert.Equal(["Application.Read.All"], connection.Info.Permissions);
        Assert.Equal(SandboxIds.FabrikamUserIdentityClientId, connection.Info.ClientId);
    }

    [Fact]
    public async Task A_certificate_registered_on_the_app_signs_in_and_another_is_refused()
    {
        using var registered = MsalFidelityTests.SelfSigned("CN=fabrikam-admin");
        using var stranger = MsalFidelityTests.SelfSigned("CN=stranger");
        var state = SandboxSeed.CreateDefault();
        state.Update(data => data.Tenants.First(tenant => tenant.Id == SandboxIds.FabrikamTenantId).AppCredentials
            .First(credentials => credentials.AppId == SandboxIds.FabrikamAdminClientId).Certificates.Add(Convert.ToBase64String(registered.RawData)));
        using var sandbox = new SandboxService(state);
        ConnectionRequest WithCertificate(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) => new()
        {
            Mode = SignInMode.Certificate,
            TenantId = SandboxIds.FabrikamTenantId,
            ClientId = SandboxIds.FabrikamAdminClientId,
            Certificate = certificate,
            AuthorityHost = Authority,
            GraphEndpoint = Graph,
            Transport = sandbox.CreateHandler(),
        };

        using var connection = await Connector.ConnectAsync(WithCertificate(registered), new RecordingHost().Context());
        var refused = await Assert.ThrowsAsync<AcsTeamsAdmin.Engine.Failures.AcsTeamsAdminException>(
            () => Connector.ConnectAsync(WithCertificate(stranger), new RecordingHost().Context()));

        Assert.Equal(SignInMode.Certificate, connection.Info.SignInMode);
        Assert.Equal(AcsTeamsAdmin.Engine.Failures.ErrorIds.SignInFailed, refused.ErrorId);
        Assert.Contains("AADSTS700027", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_secret_sign_in_reaches_a_loopback_sandbox_over_real_http()
    {
        using var sandbox = new SandboxService();
        await using var host = await LoopbackSandboxHost.StartAsync(sandbox);

        // No transport: real sockets, and an authority on plain http at 127.0.0.1.
        using var connection = await LoopbackConnections.ConnectAsync(host, context: new RecordingHost().Context());
        var principal = await ServicePrincipalOperations.EnsureAsync(connection, AppId.AcsFirstParty, new RecordingHost().Context());

        Assert.Equal(ServicePrincipalStatus.Created, principal!.Status);
        Assert.Contains(sandbox.Requests.Calls, call => call.PathAndQuery.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal) && call.Status == 200);
    }
}
