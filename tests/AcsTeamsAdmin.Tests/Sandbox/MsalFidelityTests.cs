using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AcsTeamsAdmin.Sandbox;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.Extensibility;
using static AcsTeamsAdmin.Tests.Sandbox.SandboxTestKit;

namespace AcsTeamsAdmin.Tests.Sandbox;

/// <summary>MSAL's own code, unmodified, against the sandbox's token endpoint (only the HTTP transport is swapped).</summary>
public sealed class MsalFidelityTests
{
    [Fact]
    public async Task Client_credentials_with_a_secret_give_an_app_token_with_the_granted_graph_roles()
    {
        using var sandbox = new SandboxService();
        var app = Confidential(sandbox, SandboxIds.FabrikamTenantId, SandboxIds.FabrikamAdminClientId, SandboxIds.FabrikamAdminClientSecret);

        var result = await app.AcquireTokenForClient(["https://graph.microsoft.com/.default"]).ExecuteAsync();

        var claims = DecodeJwt(result.AccessToken);
        Assert.Equal("https://graph.microsoft.com", (string?)claims["aud"]);
        Assert.Equal(SandboxIds.FabrikamTenantId, (string?)claims["tid"]);
        Assert.Equal(SandboxIds.FabrikamAdminClientId, (string?)claims["appid"]);
        Assert.Equal("app", (string?)claims["idtyp"]);
        var roles = claims["roles"]!.AsArray().Select(r => (string?)r).ToHashSet();
        Assert.Equal(new HashSet<string?> { "Application.ReadWrite.All", "DelegatedPermissionGrant.ReadWrite.All", "Organization.Read.All", "User.Read.All", "OnlineMeetings.ReadWrite.All" }, roles);
        Assert.InRange(result.ExpiresOn - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(61));
    }

    [Fact]
    public async Task A_wrong_secret_fails_with_AADSTS7000215_as_MSAL_reports_it()
    {
        using var sandbox = new SandboxService();
        var app = Confidential(sandbox, SandboxIds.FabrikamTenantId, SandboxIds.FabrikamAdminClientId, "not-the-secret");

        var e = await Assert.ThrowsAsync<MsalServiceException>(() => app.AcquireTokenForClient(["https://graph.microsoft.com/.default"]).ExecuteAsync());

        Assert.Equal("invalid_client", e.ErrorCode);
        Assert.Equal(401, e.StatusCode);
        // MSAL prefixes invalid_client errors with its own advice; the server's text follows.
        Assert.Contains("AADSTS7000215: Invalid client secret provided.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_tenant_and_an_unknown_client_fail_with_their_AADSTS_codes()
    {
        using var sandbox = new SandboxService();
        var unknownTenant = Confidential(sandbox, "nowhere.onmicrosoft.com", SandboxIds.FabrikamAdminClientId, SandboxIds.FabrikamAdminClientSecret);
        var unknownClient = Confidential(sandbox, SandboxIds.FabrikamTenantId, Guid.NewGuid().ToString(), "x");
        // The Fabrikam admin app is single-tenant: Contoso has no service principal for it.
        var foreignClient = Confidential(sandbox, SandboxIds.ContosoTenantId, SandboxIds.FabrikamAdminClientId, SandboxIds.FabrikamAdminClientSecret);

        var e1 = await Assert.ThrowsAsync<MsalServiceException>(() => unknownTenant.AcquireTokenForClient(["https://graph.microsoft.com/.default"]).ExecuteAsync());
        var e2 = await Assert.ThrowsAsync<MsalServiceException>(() => unknownClient.AcquireTokenForClient(["https://graph.microsoft.com/.default"]).ExecuteAsync());
        var e3 = await Assert.ThrowsAsync<MsalServiceException>(() => foreignClient.AcquireTokenForClient(["https://graph.microsoft.com/.default"]).ExecuteAsync());

        Assert.StartsWith("AADSTS90002:", e1.Message, StringComparison.Ordinal);
        Assert.StartsWith("AADSTS700016:", e2.Message, StringComparison.Ordinal);
        Assert.StartsWith("AADSTS700016:", e3.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_assertion_signed_by_the_registered_certificate_is_accepted_and_another_is_refused()
    {
        using var registered = SelfSigned("CN=registered");
        using var stranger = SelfSigned("CN=stranger");
        var state = SandboxSeed.CreateDefault();
        state.Update(d => d.Tenants.First(t => t.Id == SandboxIds.FabrikamTenantId).AppCredentials
            .First(c => c.AppId == SandboxIds.FabrikamAdminClientId).Certificates.Add(Convert.ToBase64String(registered.RawData)));
        using var sandbox = new SandboxService(state);

        IConfidentialClientApplication WithCert(X509Certificate2 cert) =>
            ConfidentialClientApplicationBuilder.Create(SandboxIds.FabrikamAdminClientId)
                .WithAuthority($"{Base}/{SandboxIds.FabrikamTenantId}")
                .WithCertificate(cert)
                .WithHttpClientFactory(new HttpFactory(sandbox))
                .Build();

        var ok = await WithCert(registered).AcquireTokenForClient(["https://graph.microsoft.com/.default"]).ExecuteAsync();
        var refused = await Assert.ThrowsAsync<MsalServiceException>(() => WithCert(stranger).AcquireTokenForClient(["https://graph.microsoft.com/.default"]).ExecuteAsync());

        Assert.Equal("2", (string?)DecodeJwt(ok.AccessToken)["appidacr"]);
        Assert.Contains("AADSTS700027:", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Device_code_is_auto_approved_for_the_default_admin_and_refresh_gives_a_token_for_another_resource()
    {
        using var sandbox = new SandboxService();
        var app = Public(sandbox, "organizations", SandboxIds.FabrikamAdminClientId);
        string? shownMessage = null;

        var first = await app.AcquireTokenWithDeviceCode(
            ["https://graph.microsoft.com/Application.ReadWrite.All"],
            r => { shownMessage = r.Message; return Task.CompletedTask; }).ExecuteAsync();

        Assert.Contains("enter the code", shownMessage, StringComparison.Ordinal);
        Assert.Equal(SandboxIds.FabrikamAdminUpn, first.Account.Username);
        Assert.Equal($"{SandboxIds.FabrikamAdminUserId}.{SandboxIds.FabrikamTenantId}", first.Account.HomeAccountId.Identifier);
        var claims = DecodeJwt(first.AccessToken);
        Assert.Equal(SandboxIds.FabrikamAdminUserId, (string?)claims["oid"]);
        Assert.Contains("Application.ReadWrite.All", ((string?)claims["scp"])!.Split(' '));

        // Silent with ForceRefresh goes through the refresh_token grant.
        var refreshed = await app.AcquireTokenSilent(["https://graph.microsoft.com/Organization.Read.All"], first.Account).WithForceRefresh(true).ExecuteAsync();

        Assert.Equal(TokenSource.IdentityProvider, refreshed.AuthenticationResultMetadata.TokenSource);
        Assert.Contains("Organization.Read.All", ((string?)DecodeJwt(refreshed.AccessToken)["scp"])!.Split(' '));
        Assert.Contains(sandbox.Requests.Entries, e => e.PathAndQuery.EndsWith("/oauth2/v2.0/devicecode", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Device_code_waits_with_authorization_pending_until_a_test_approves_it()
    {
        var state = SandboxSeed.CreateDefault();
        state.Update(d =>
        {
            d.Tenants.First(t => t.Id == SandboxIds.FabrikamTenantId).DeviceCodeAutoApproveUser = null;
            d.Settings.DeviceCodeIntervalSeconds = 0;
        });
        using var sandbox = new SandboxService(state);
        var app = Public(sandbox, SandboxIds.FabrikamTenantId, SandboxIds.FabrikamAdminClientId);
        var userCode = new TaskCompletionSource<string>();

        var pending = app.AcquireTokenWithDeviceCode(["User.Read"], r => { userCode.SetResult(r.UserCode); return Task.CompletedTask; }).ExecuteAsync();
        var code = await userCode.Task;
        await WaitUntil(() => sandbox.Requests.Entries.Count(e => e.PathAndQuery.EndsWith("/token", StringComparison.Ordinal) && e.Status == 400) >= 2);
        Assert.True(sandbox.ApproveDeviceCode(code, SandboxIds.FabrikamTeamsUserUpn));
        var result = await pending;

        Assert.Equal(SandboxIds.FabrikamTeamsUserUpn, result.Account.Username);
    }

    [Fact]
    public async Task Authorization_code_with_PKCE_signs_in_the_login_hint_user_through_a_redirect()
    {
        using var sandbox = new SandboxService();
        var app = Public(sandbox, "organizations", SandboxIds.FabrikamAdminClientId);
        var browser = new RedirectFollowingWebUi(sandbox);

        var result = await app.AcquireTokenInteractive(["User.Read"]).WithLoginHint(SandboxIds.FabrikamTeamsUserUpn).WithCustomWebUi(browser).ExecuteAsync();

        Assert.Equal(SandboxIds.FabrikamTeamsUserUpn, result.Account.Username);
        Assert.Contains("code_challenge=", browser.AuthorizeUri!.Query, StringComparison.Ordinal);
        Assert.Equal(SandboxIds.FabrikamTeamsUserId, (string?)DecodeJwt(result.AccessToken)["oid"]);
    }

    [Fact]
    public async Task ACS_Teams_scopes_need_the_ACS_service_principal_and_consent_in_the_users_tenant()
    {
        using var sandbox = new SandboxService();
        var app = Public(sandbox, "organizations", SandboxIds.ContosoTeamsCallingAppId);
        string[] scopes = ["https://auth.msft.communication.azure.com/Teams.ManageCalls", "https://auth.msft.communication.azure.com/Teams.ManageChats"];

        // Fabrikam has no service principal for the ISV app yet: no consent.
        var noConsent = await Assert.ThrowsAsync<MsalServiceException>(() => app.AcquireTokenInteractive(scopes)
            .WithLoginHint(SandboxIds.FabrikamTeamsUserUpn).WithCustomWebUi(new RedirectFollowingWebUi(sandbox)).ExecuteAsync());
        Assert.Contains("AADSTS650052:", noConsent.Message, StringComparison.Ordinal);

        // The admin provisions the ACS and ISV service principals and grants consent, as the module will.
        sandbox.State.Update(d =>
        {
            var fabrikam = d.Tenants.First(t => t.Id == SandboxIds.FabrikamTenantId);
            var acs = AcsTeamsAdmin.Sandbox.Internal.DirectoryQueries.Provision(d, fabrikam, SandboxIds.AcsAppId, null, DateTimeOffset.UtcNow);
            var isv = AcsTeamsAdmin.Sandbox.Internal.DirectoryQueries.Provision(d, fabrikam, SandboxIds.ContosoTeamsCallingAppId, null, DateTimeOffset.UtcNow);
            fabrikam.OAuth2PermissionGrants.Add(AcsTeamsAdmin.Sandbox.Graph.GraphObjects.Grant(
                (string)isv["id"]!, (string)acs["id"]!, "AllPrincipals", null, "Teams.ManageCalls Teams.ManageChats"));
        });
        var result = await app.AcquireTokenInteractive(scopes).WithLoginHint(SandboxIds.FabrikamTeamsUserUpn).WithCustomWebUi(new RedirectFollowingWebUi(sandbox)).ExecuteAsync();

        var claims = DecodeJwt(result.AccessToken);
        Assert.Equal("https://auth.msft.communication.azure.com", (string?)claims["aud"]);
        Assert.Equal("Teams.ManageCalls Teams.ManageChats", (string?)claims["scp"]);
        Assert.Equal(SandboxIds.ContosoTeamsCallingAppId, (string?)claims["appid"]);
        Assert.Equal(SandboxIds.FabrikamTenantId, (string?)claims["tid"]);
    }

    internal static X509Certificate2 SelfSigned(string subject)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }

    private sealed class HttpFactory(SandboxService sandbox) : IMsalHttpClientFactory
    {
        private readonly HttpClient _client = new(sandbox.CreateHandler());

        public HttpClient GetHttpClient() => _client;
    }
}

/// <summary>MSAL's custom web UI seam: "the browser" is an HTTP GET of the authorize URL that does not follow the redirect.</summary>
internal sealed class RedirectFollowingWebUi(SandboxService sandbox) : Microsoft.Identity.Client.Extensibility.ICustomWebUi
{
    public Uri? AuthorizeUri { get; private set; }

    public async Task<Uri> AcquireAuthorizationCodeAsync(Uri authorizationUri, Uri redirectUri, CancellationToken cancellationToken)
    {
        AuthorizeUri = authorizationUri;
        using var client = new HttpClient(sandbox.CreateHandler());
        using var response = await client.GetAsync(authorizationUri, cancellationToken);
        if ((int)response.StatusCode != 302)
        {
            throw new InvalidOperationException(await response.Content.ReadAsStringAsync(cancellationToken));
        }

        return response.Headers.Location!;
    }
}
