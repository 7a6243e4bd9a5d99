using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Consent;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Engine;

public class AdminConsentUrlBuilderTests
{
    private const string Fabrikam = "2f6b3c1a-6e0d-4a51-9a7e-3f1d5c2b8a01";
    private const string IsvApp = "c0a1b2c3-d4e5-4f60-8a71-b2c3d4e5f614";
    private const string DefaultScopes =
        "https%3A%2F%2Fauth.msft.communication.azure.com%2FTeams.ManageCalls%20https%3A%2F%2Fauth.msft.communication.azure.com%2FTeams.ManageChats";

    private static AdminConsentUrl Build(AdminConsentUrlRequest request, RecordingHost? host = null) =>
        AdminConsentUrlBuilder.Build(request, host ?? new RecordingHost());

    [Fact]
    public void The_v1_link_is_the_seed_documents_form()
    {
        var link = Build(new() { TenantId = Fabrikam, ClientId = IsvApp });

        Assert.Equal($"https://login.microsoftonline.com/{Fabrikam}/adminconsent?client_id={IsvApp}", link.Url);
        Assert.Equal(AdminConsentUrlVersion.V1, link.Version);
        Assert.Empty(link.Scopes);
    }

    [Fact]
    public void The_v1_link_adds_state_then_redirect_uri_encoded()
    {
        var link = Build(new() { TenantId = "Fabrikam.OnMicrosoft.com", ClientId = IsvApp.ToUpperInvariant(), State = "customer 42", RedirectUri = "https://app.contoso.com/consent/done" });

        Assert.Equal(
            $"https://login.microsoftonline.com/fabrikam.onmicrosoft.com/adminconsent?client_id={IsvApp}&state=customer%2042&redirect_uri=https%3A%2F%2Fapp.contoso.com%2Fconsent%2Fdone",
            link.Url);
        Assert.Equal("fabrikam.onmicrosoft.com", link.TenantId);
        Assert.Equal(IsvApp, link.ClientId);
    }

    [Fact]
    public void The_v2_link_asks_for_the_default_ACS_scopes_as_full_URIs()
    {
        var link = Build(new() { TenantId = Fabrikam, ClientId = IsvApp, V2 = true, RedirectUri = "http://localhost", State = "s" });

        Assert.Equal(
            $"https://login.microsoftonline.com/{Fabrikam}/v2.0/adminconsent?client_id={IsvApp}&scope={DefaultScopes}&redirect_uri=http%3A%2F%2Flocalhost&state=s",
            link.Url);
        Assert.Equal(AdminConsentUrlVersion.V2, link.Version);
        Assert.Equal(["https://auth.msft.communication.azure.com/Teams.ManageCalls", "https://auth.msft.communication.azure.com/Teams.ManageChats"], link.Scopes);
    }

    [Theory]
    [InlineData(CloudEnvironment.Global, "https://login.microsoftonline.com/", false)]
    [InlineData(CloudEnvironment.USGov, "https://login.microsoftonline.us/", true)]
    [InlineData(CloudEnvironment.USGovDoD, "https://login.microsoftonline.us/", true)]
    [InlineData(CloudEnvironment.China, "https://login.chinacloudapi.cn/", false)]
    public void Each_cloud_uses_its_login_host_and_government_clouds_warn(CloudEnvironment cloud, string host, bool warns)
    {
        var log = new RecordingHost();

        var v1 = Build(new() { TenantId = Fabrikam, ClientId = IsvApp, Environment = cloud }, log);
        var v2 = Build(new() { TenantId = Fabrikam, ClientId = IsvApp, Environment = cloud, V2 = true, RedirectUri = "https://app.contoso.com/done" });

        Assert.StartsWith($"{host}{Fabrikam}/adminconsent?", v1.Url, StringComparison.Ordinal);
        Assert.StartsWith($"{host}{Fabrikam}/v2.0/adminconsent?", v2.Url, StringComparison.Ordinal);
        Assert.Equal(cloud, v1.Environment);
        Assert.Equal(warns, log.Lines.Any(line => line.StartsWith("WARNING:", StringComparison.Ordinal) && line.Contains(cloud.ToString(), StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("a b&c=d/e?f#g+h")]
    [InlineData("Ünïcødé ✓ 日本 😀")]
    [InlineData("%41 already%20encoded")]
    public void State_survives_any_characters_and_decodes_back_exactly(string state)
    {
        var link = Build(new() { TenantId = Fabrikam, ClientId = IsvApp, State = state, RedirectUri = "https://app.contoso.com/done?from=consent&x=a b" });

        var query = Query(link.Url);
        Assert.Equal(state, query["state"]);
        Assert.Equal("https://app.contoso.com/done?from=consent&x=a b", query["redirect_uri"]);
        Assert.Equal(IsvApp, query["client_id"]);
        Assert.Equal(3, query.Count);

        // Nothing in the query is left unencoded that could split it.
        var raw = new Uri(link.Url).Query;
        Assert.DoesNotContain(' ', raw);
        Assert.Equal(3, raw.Count(c => c == '='));
    }

    [Fact]
    public void Unicode_state_is_percent_encoded_as_UTF8()
    {
        var link = Build(new() { TenantId = Fabrikam, ClientId = IsvApp, State = "é😀" });

        Assert.EndsWith("&state=%C3%A9%F0%9F%98%80", link.Url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Teams.ManageCalls")]
    [InlineData("teams.managecalls")]
    [InlineData("https://auth.msft.communication.azure.com/Teams.ManageCalls")]
    [InlineData("1fd5118e-2576-4263-8130-9503064c837a/Teams.ManageCalls")]
    public void Scope_takes_names_or_full_URIs_and_forces_v2(string scope)
    {
        var link = Build(new() { TenantId = Fabrikam, ClientId = IsvApp, Scope = [scope], RedirectUri = "https://app.contoso.com/done" });

        Assert.Equal(AdminConsentUrlVersion.V2, link.Version);
        Assert.Equal(["https://auth.msft.communication.azure.com/Teams.ManageCalls"], link.Scopes);
        Assert.Equal("https://auth.msft.communication.azure.com/Teams.ManageCalls", Query(link.Url)["scope"]);
    }

    [Fact]
    public void Several_scopes_keep_their_order_without_duplicates_whatever_the_separator()
    {
        var link = Build(new()
        {
            TenantId = Fabrikam, ClientId = IsvApp, RedirectUri = "https://app.contoso.com/done",
            Scope = ["TeamsExtension.ManageCalls Teams.ManageChats", "teams.managechats,VoIP"],
        });

        Assert.Equal(
            "https://auth.msft.communication.azure.com/TeamsExtension.ManageCalls https://auth.msft.communication.azure.com/Teams.ManageChats https://auth.msft.communication.azure.com/VoIP",
            Query(link.Url)["scope"]);
    }

    [Theory]
    [InlineData("common", false)]
    [InlineData("organizations", false)]
    [InlineData("organizations", true)]
    public void Multi_tenant_aliases_are_accepted_where_the_endpoint_takes_them(string tenant, bool v2)
    {
        var link = Build(new() { TenantId = tenant, ClientId = IsvApp, V2 = v2, RedirectUri = "https://app.contoso.com/done" });

        Assert.StartsWith($"https://login.microsoftonline.com/{tenant}/", link.Url, StringComparison.Ordinal);
    }

    public static TheoryData<AdminConsentUrlRequest, string, string> Rejected() => new()
    {
        { new() { TenantId = "common", ClientId = IsvApp, V2 = true, RedirectUri = "https://a.example/" }, "TenantId", ErrorIds.InvalidTenant },
        { new() { TenantId = "Common", ClientId = IsvApp, Scope = ["Teams.ManageCalls"], RedirectUri = "https://a.example/" }, "TenantId", ErrorIds.InvalidTenant },
        { new() { TenantId = "consumers", ClientId = IsvApp }, "TenantId", ErrorIds.InvalidTenant },
        { new() { TenantId = "fabrikam", ClientId = IsvApp }, "TenantId", ErrorIds.InvalidTenant },
        { new() { TenantId = "", ClientId = IsvApp }, "TenantId", ErrorIds.MissingParameter },
        { new() { TenantId = Fabrikam, ClientId = "c0a1b2c3-d4e5-4f60-8a71" }, "ClientId", ErrorIds.InvalidGuid },
        { new() { TenantId = Fabrikam, ClientId = null }, "ClientId", ErrorIds.MissingParameter },
        { new() { TenantId = Fabrikam, ClientId = IsvApp, V2 = true }, "RedirectUri", ErrorIds.MissingParameter },
        { new() { TenantId = Fabrikam, ClientId = IsvApp, RedirectUri = "http://app.contoso.com/done" }, "RedirectUri", ErrorIds.InvalidUrl },
        { new() { TenantId = Fabrikam, ClientId = IsvApp, RedirectUri = "/consent/done" }, "RedirectUri", ErrorIds.InvalidUrl },
        { new() { TenantId = Fabrikam, ClientId = IsvApp, RedirectUri = "https://a.example/", Scope = ["Teams.ManageMeetings"] }, "Scope", ErrorIds.UnknownAcsScope },
        { new() { TenantId = Fabrikam, ClientId = IsvApp, RedirectUri = "https://a.example/", Scope = ["https://graph.microsoft.com/User.Read"] }, "Scope", ErrorIds.UnknownAcsScope },
        { new() { TenantId = Fabrikam, ClientId = IsvApp, RedirectUri = "https://a.example/", Scope = [" ", ","] }, "Scope", ErrorIds.MissingParameter },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Bad_input_names_the_parameter_and_the_fix(AdminConsentUrlRequest request, string parameter, string errorId)
    {
        var error = Assert.Throws<AcsTeamsAdminException>(() => Build(request));

        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(parameter, error.ParameterName);
        Assert.Equal(FailureCategory.InvalidArgument, error.Category);
        Assert.StartsWith($"-{parameter}:", error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error.RecommendedAction));
    }

    [Fact]
    public void An_unknown_scope_error_names_every_known_scope()
    {
        var error = Assert.Throws<AcsTeamsAdminException>(() =>
            Build(new() { TenantId = Fabrikam, ClientId = IsvApp, RedirectUri = "https://a.example/", Scope = ["Teams.ManageCalls", "Teams.ManageMeetings"] }));

        Assert.Contains("'Teams.ManageMeetings'", error.Message, StringComparison.Ordinal);
        foreach (var known in new[] { "Teams.ManageCalls", "Teams.ManageChats", "TeamsExtension.ManageCalls", "VoIP" })
        {
            Assert.Contains(known, error.RecommendedAction, StringComparison.Ordinal);
        }
    }

    private static Dictionary<string, string> Query(string url) =>
        new Uri(url).Query.TrimStart('?').Split('&')
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => Uri.UnescapeDataString(pair[1]));
}
