using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Consent;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.ServicePrincipals;
using AcsTeamsAdmin.Engine.TeamsUsers;
using AcsTeamsAdmin.Engine.Tokens;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Communication;

/// <summary>
/// The cmdlets' engine paths after Connect-AcsTeamsAdmin -Sandbox: the quickstart (service principal, consent,
/// MSAL token, exchange) with no connection string, and bad input that never reaches the sandbox.
/// </summary>
public sealed class AcsSessionFlowTests
{
    [Fact]
    public async Task The_quickstart_runs_in_a_sandbox_session_without_a_connection_string_and_the_second_token_is_silent()
    {
        using var session = await SandboxConnections.ConnectAsync();
        var sandbox = session.Emulator();
        var host = new RecordingHost();
        var adminApp = AppId.Parse(SandboxIds.FabrikamAdminClientId);

        // The admin's part: the ACS service principal and tenant-wide consent for the app the users sign in to.
        await ServicePrincipalOperations.EnsureAsync(session, AppId.AcsFirstParty, host.Context());
        await ConsentOperations.GrantAsync(session, adminApp, AcsScope.Default, host.Context());

        // The developer's part: a Teams user's token (device code, auto-approved in the sandbox), then the exchange.
        var request = TeamsUserTokenRequest.Parse(SandboxIds.FabrikamAdminClientId, SandboxIds.FabrikamTenantId, useDeviceCode: true, account: null, authorityHost: null, session);
        var first = await TeamsUserSignIn.AcquireAsync(request, session, host.Context());
        var second = await TeamsUserSignIn.AcquireAsync(request, session, host.Context());
        var client = AcsConnectionFactory.Create(new AcsConnectionRequest(), session, host);
        var teams = await AcsIdentityOperations.ExchangeTeamsUserTokenAsync(client,
            new TeamsUserTokenExchange(first.Token, AppId.Parse(first.ClientId), Guid.Parse(first.UserObjectId)), host.Context());

        Assert.True(request.Sandbox);
        Assert.Equal((SandboxIds.FabrikamAdminUserId, SandboxIds.FabrikamAdminClientId, SandboxIds.FabrikamTenantId), (first.UserObjectId, first.ClientId, first.TenantId));
        Assert.Equal(["Teams.ManageCalls", "Teams.ManageChats"], first.Scopes.Order());
        Assert.Contains(host.Lines, line => line.StartsWith("WARNING: To sign in", StringComparison.Ordinal));
        Assert.Equal("Cache", second.Source);
        Assert.Equal("8:orgid:" + SandboxIds.FabrikamAdminUserId, teams.IdentityId);
        Assert.True(sandbox.ValidateAcsToken(teams.Token).Valid);
        Assert.Single(sandbox.Requests.Entries, e => e.PathAndQuery.EndsWith("/oauth2/v2.0/devicecode", StringComparison.Ordinal));
        Assert.Equal(TokenKind.AcsTeamsUser, TokenInspector.Inspect(teams.Token, DateTimeOffset.UtcNow).Kind);
        Assert.Equal(TokenKind.EntraTeamsUserForAcs, TokenInspector.Inspect(first.Token, DateTimeOffset.UtcNow).Kind);
    }

    [Fact]
    public async Task Interactive_sign_in_in_a_sandbox_session_signs_in_the_login_hint_user()
    {
        using var session = await SandboxConnections.ConnectAsync();
        await ServicePrincipalOperations.EnsureAsync(session, AppId.AcsFirstParty, new RecordingHost().Context());
        await ConsentOperations.GrantAsync(session, AppId.Parse(SandboxIds.FabrikamAdminClientId), AcsScope.Default, new RecordingHost().Context());

        var request = TeamsUserTokenRequest.Parse(SandboxIds.FabrikamAdminClientId, null, useDeviceCode: false, SandboxIds.FabrikamTeamsUserUpn, null, session);
        var token = await TeamsUserSignIn.AcquireAsync(request, session, new RecordingHost().Context());

        Assert.Equal((SandboxIds.FabrikamTeamsUserId, SandboxIds.FabrikamTeamsUserUpn), (token.UserObjectId, token.UserPrincipalName));
    }

    [Fact]
    public async Task Without_the_ACS_service_principal_the_sign_in_fails_naming_the_fix()
    {
        using var session = await SandboxConnections.ConnectAsync();
        var request = TeamsUserTokenRequest.Parse(SandboxIds.FabrikamAdminClientId, SandboxIds.FabrikamTenantId, useDeviceCode: true, null, null, session);

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => TeamsUserSignIn.AcquireAsync(request, session, new RecordingHost().Context()));

        Assert.Equal(ErrorIds.SignInFailed, error.ErrorId);
        Assert.Contains("New-AcsTeamsServicePrincipal", error.RecommendedAction, StringComparison.Ordinal);
    }

    public static TheoryData<string, string?, string?, string?, string, string> BadConnections() => new()
    {
        // connection string, endpoint, api-version, what: parameter, error id
        { "connection string without a key", "endpoint=https://x.communication.azure.com/", null, null, "ConnectionString", ErrorIds.InvalidConnectionString },
        { "both", "endpoint=https://x.communication.azure.com/;accesskey=AAAA", "https://x.communication.azure.com/", null, "", ErrorIds.ConflictingParameters },
        { "http endpoint", null, "http://x.communication.azure.com/", null, "Endpoint", ErrorIds.InvalidUrl },
        { "api version", null, null, "2024-01-01", "ApiVersion", ErrorIds.UnsupportedApiVersion },
    };

    [Theory]
    [MemberData(nameof(BadConnections))]
    public async Task A_bad_ACS_connection_fails_before_any_request(string what, string? connectionString, string? endpoint, string? apiVersion, string parameter, string errorId)
    {
        using var session = await SandboxConnections.ConnectAsync();
        var before = session.Emulator().Requests.Entries.Count;

        var error = Assert.Throws<AcsTeamsAdminException>(() =>
            AcsConnectionFactory.Create(new AcsConnectionRequest { ConnectionString = connectionString, Endpoint = endpoint, ApiVersion = apiVersion }, session, new RecordingHost()));

        Assert.True(errorId == error.ErrorId, what);
        Assert.Equal(parameter.Length == 0 ? null : parameter, error.ParameterName);
        Assert.Equal(before, session.Emulator().Requests.Entries.Count);
    }

    [Fact]
    public void Without_a_session_an_endpoint_or_nothing_is_refused_with_the_way_out()
    {
        var endpoint = Assert.Throws<AcsTeamsAdminException>(() => AcsConnectionFactory.Create(new AcsConnectionRequest { Endpoint = "https://x.communication.azure.com" }, null, new RecordingHost()));
        var nothing = Assert.Throws<AcsTeamsAdminException>(() => AcsConnectionFactory.Create(new AcsConnectionRequest(), null, new RecordingHost()));

        Assert.Equal((ErrorIds.NotConnected, "Endpoint"), (endpoint.ErrorId, endpoint.ParameterName));
        Assert.Contains("Connect-AcsTeamsAdmin", endpoint.RecommendedAction, StringComparison.Ordinal);
        Assert.Equal((ErrorIds.MissingParameter, "ConnectionString"), (nothing.ErrorId, nothing.ParameterName));
    }

    [Fact]
    public async Task An_endpoint_in_a_sandbox_session_authenticates_with_the_sessions_Entra_credential()
    {
        using var session = await SandboxConnections.ConnectAsync();
        var client = AcsConnectionFactory.Create(new AcsConnectionRequest { Endpoint = SandboxService.InProcessBaseAddress.AbsoluteUri }, session, new RecordingHost());

        var identity = await client.CreateIdentityAsync(null, default);

        Assert.StartsWith("8:acs:" + SandboxIds.AcsResourceId + "_", identity.Id, StringComparison.Ordinal);

        // The bearer token was asked for the ACS data plane, from the session's own app.
        Assert.Contains(session.Emulator().Requests.Entries, e => e.PathAndQuery == "/identities?api-version=2023-10-01" && e.Status == 201 && e.ClientAppId == SandboxIds.FabrikamAdminClientId);
    }

    [Theory]
    [InlineData("not-a-guid", null, null, "ClientId")]
    [InlineData(SandboxIds.FabrikamAdminClientId, "not a tenant!", null, "TenantId")]
    [InlineData(SandboxIds.FabrikamAdminClientId, null, "adele", "Account")]
    public void A_bad_Teams_user_sign_in_request_fails_before_anything_signs_in(string clientId, string? tenant, string? account, string parameter)
    {
        var error = Assert.Throws<AcsTeamsAdminException>(() => TeamsUserTokenRequest.Parse(clientId, tenant, false, account, null, CloudEnvironment.Global));

        Assert.Equal(parameter, error.ParameterName);
    }
}
