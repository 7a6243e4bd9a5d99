using AcsTeamsAdmin.Engine.Applications;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Consent;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.ServicePrincipals;
using AcsTeamsAdmin.Sandbox;

namespace AcsTeamsAdmin.Benchmarks;

/// <summary>
/// Sandbox tenants in the shapes the scenarios need, built through the engine's own operations (so the
/// state is what a real run leaves), with the request log cleared before anything is measured.
/// </summary>
internal static class BenchWorld
{
    public static readonly AppId Calling = AppId.Parse(SandboxIds.ContosoTeamsCallingAppId);

    /// <summary>Contoso's admin app by client secret (one token request, as Connect-MgGraph makes), through <paramref name="transport"/>.</summary>
    public static Task<AcsTeamsAdminConnection> ConnectContosoAsync(HttpMessageHandler transport) =>
        Connector.ConnectAsync(new ConnectionRequest
        {
            Mode = SignInMode.ClientSecret,
            TenantId = SandboxIds.ContosoTenantId,
            ClientId = SandboxIds.ContosoAdminClientId,
            ClientSecret = SandboxIds.ContosoAdminClientSecret,
            AuthorityHost = SandboxService.InProcessBaseAddress.AbsoluteUri,
            GraphEndpoint = SandboxService.InProcessBaseAddress.AbsoluteUri + "v1.0",
            Transport = transport,
        }, OperationContext.Unattended());

    /// <summary>A customer tenant with nothing in it but Microsoft Graph's service principal and an admin.</summary>
    public static Task<AcsTeamsAdminConnection> ConnectEmptyTenantAsync(SandboxService sandbox, HttpMessageHandler transport)
    {
        var token = sandbox.IssueAccessToken(new AccessTokenRequest
        {
            TenantId = SandboxIds.EmptyTenantId,
            ClientAppId = SandboxIds.FabrikamAdminClientId,
            Roles = ["Application.ReadWrite.All", "DelegatedPermissionGrant.ReadWrite.All"],
        });
        return Connector.ConnectAsync(new ConnectionRequest
        {
            Mode = SignInMode.AccessToken,
            AccessToken = token,
            GraphEndpoint = SandboxService.InProcessBaseAddress.AbsoluteUri + "v1.0",
            Transport = transport,
        }, OperationContext.Unattended());
    }

    /// <summary>
    /// Makes Contoso ready for the calling app and <paramref name="extraApps"/> more registrations (each with
    /// its ACS permissions, service principal and tenant-wide consent); returns every app id.
    /// </summary>
    public static async Task<IReadOnlyList<AppId>> MakeReadyAsync(AcsTeamsAdminConnection connection, int extraApps)
    {
        var context = OperationContext.Unattended();
        await ServicePrincipalOperations.EnsureAsync(connection, AppId.AcsFirstParty, context).ConfigureAwait(false);
        var apps = new List<AppId> { Calling };
        await ApplicationOperations.SetAsync(connection, new AppIdOrObjectId(Calling.Value), new AcsApplicationSettings(), context).ConfigureAwait(false);
        for (var i = 0; i < extraApps; i++)
        {
            var created = await ApplicationOperations.NewAsync(connection, $"Bench calling app {i:000}", new AcsApplicationSettings { AllowPublicClientFlows = true, MultiTenant = true, RedirectUri = PublicClientRedirectUri.Default }, context).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The sandbox did not create the app registration.");
            apps.Add(AppId.Parse(created.AppId));
        }

        foreach (var app in apps)
        {
            await ServicePrincipalOperations.EnsureAsync(connection, app, context).ConfigureAwait(false);
            await ConsentOperations.GrantAsync(connection, app, AcsScope.Default, context).ConfigureAwait(false);
        }

        return apps;
    }
}
