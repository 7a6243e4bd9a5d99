using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Engine;

public class ConnectionRequestValidatorTests
{
    private const string Tenant = "fabrikam.onmicrosoft.com";
    private const string Client = "22222222-2222-2222-2222-222222222222";

    [Fact]
    public void An_app_sign_in_asks_for_the_app_only_scope_of_its_cloud()
    {
        var plan = ConnectionRequestValidator.Validate(new ConnectionRequest
        {
            Mode = SignInMode.ClientSecret, TenantId = Tenant, ClientId = Client, ClientSecret = "s", Environment = CloudEnvironment.China,
        });

        Assert.Equal(["https://microsoftgraph.chinacloudapi.cn/.default"], plan.GraphTokenScopes);
        Assert.Equal(new Uri("https://login.chinacloudapi.cn/"), plan.AuthorityHost);
        Assert.False(plan.IsDelegated);
    }

    [Fact]
    public void A_delegated_sign_in_asks_only_for_the_scopes_the_cmdlets_need()
    {
        var plan = ConnectionRequestValidator.Validate(new ConnectionRequest { Mode = SignInMode.DeviceCode });

        Assert.Equal(
            ["https://graph.microsoft.com/Application.ReadWrite.All", "https://graph.microsoft.com/DelegatedPermissionGrant.ReadWrite.All"],
            plan.GraphTokenScopes);
        Assert.Equal("organizations", plan.TenantId);
        Assert.True(plan.IsDelegated);
    }

    [Theory]
    [InlineData(null, Client, "s", "TenantId", ErrorIds.MissingParameter)]
    [InlineData(Tenant, "not-a-guid", "s", "ClientId", ErrorIds.InvalidGuid)]
    [InlineData(Tenant, Client, "", "ClientSecret", ErrorIds.MissingParameter)]
    [InlineData("common", Client, "s", "TenantId", ErrorIds.InvalidTenant)]
    public void App_sign_ins_fail_fast_on_bad_input(string? tenant, string client, string secret, string parameter, string errorId)
    {
        var error = Assert.Throws<AcsTeamsAdminException>(() => ConnectionRequestValidator.Validate(new ConnectionRequest
        {
            Mode = SignInMode.ClientSecret, TenantId = tenant, ClientId = client, ClientSecret = secret,
        }));

        Assert.Equal(parameter, error.ParameterName);
        Assert.Equal(errorId, error.ErrorId);
    }

    [Fact]
    public void Scopes_are_refused_for_app_only_sign_ins()
    {
        var error = Assert.Throws<AcsTeamsAdminException>(() => ConnectionRequestValidator.Validate(new ConnectionRequest
        {
            Mode = SignInMode.ManagedIdentity, Scopes = ["User.Read"],
        }));
        Assert.Equal(ErrorIds.ConflictingParameters, error.ErrorId);
    }

    [Fact]
    public void A_certificate_sign_in_takes_exactly_one_certificate_source()
    {
        var error = Assert.Throws<AcsTeamsAdminException>(() => ConnectionRequestValidator.Validate(new ConnectionRequest
        {
            Mode = SignInMode.Certificate, TenantId = Tenant, ClientId = Client,
        }));
        Assert.Equal(ErrorIds.ConflictingParameters, error.ErrorId);

        var malformed = Assert.Throws<AcsTeamsAdminException>(() => ConnectionRequestValidator.Validate(new ConnectionRequest
        {
            Mode = SignInMode.Certificate, TenantId = Tenant, ClientId = Client, CertificateThumbprint = "XYZ",
        }));
        Assert.Equal("CertificateThumbprint", malformed.ParameterName);
    }

    [Theory]
    [InlineData("https://graph.microsoft.com")]
    [InlineData("https://graph.microsoft.com/beta")]
    [InlineData("http://graph.example.com/v1.0")]
    public void Another_Graph_must_be_a_v1_base_url_over_https_or_loopback(string endpoint)
    {
        var error = Assert.Throws<AcsTeamsAdminException>(() => ConnectionRequestValidator.Validate(new ConnectionRequest
        {
            Mode = SignInMode.ManagedIdentity, GraphEndpoint = endpoint,
        }));
        Assert.Equal("GraphEndpoint", error.ParameterName);
    }

    [Fact]
    public void A_loopback_Graph_is_accepted()
    {
        var plan = ConnectionRequestValidator.Validate(new ConnectionRequest
        {
            Mode = SignInMode.ManagedIdentity, GraphEndpoint = "http://127.0.0.1:5123/v1.0/",
        });
        Assert.Equal(new Uri("http://127.0.0.1:5123/v1.0"), plan.GraphEndpoint);
    }

    [Fact]
    public void An_expired_access_token_is_refused_before_any_call_and_not_echoed()
    {
        var token = TestTokens.Graph(DateTimeOffset.UtcNow.AddMinutes(-5));
        var error = Assert.Throws<AcsTeamsAdminException>(() => ConnectionRequestValidator.Validate(new ConnectionRequest
        {
            Mode = SignInMode.AccessToken, AccessToken = token,
        }));

        Assert.Equal(ErrorIds.AccessTokenRejected, error.ErrorId);
        Assert.Contains("expired", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_access_token_gives_its_tenant_and_app()
    {
        var plan = ConnectionRequestValidator.Validate(new ConnectionRequest
        {
            Mode = SignInMode.AccessToken, AccessToken = TestTokens.Graph(DateTimeOffset.UtcNow.AddHours(1), "44444444-4444-4444-4444-444444444444"),
        });
        Assert.Equal("44444444-4444-4444-4444-444444444444", plan.TenantId);
        Assert.Equal(Client, plan.ClientId);
    }
}
