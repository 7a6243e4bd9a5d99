using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Http;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Tests.Sandbox;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Communication;

/// <summary>Our client against the in-process sandbox.</summary>
public class AcsIdentityClientTests
{
    private static readonly AcsTokenRequest ChatVoip = new(AcsTokenScopes.Of(AcsTokenScope.Chat, AcsTokenScope.Voip));

    [Fact]
    public async Task All_five_operations_round_trip_and_revocation_and_deletion_end_earlier_tokens()
    {
        using var sandbox = new SandboxService();
        var client = AcsTestKit.Client(sandbox);

        var created = await client.CreateIdentityAsync(new AcsTokenRequest(AcsTokenScopes.Of(AcsTokenScope.VoipJoin), AcsTokenLifetime.Parse(60)), default);
        var id = AcsIdentityId.Parse(created.Id);
        var issued = await client.IssueTokenAsync(id, ChatVoip, default);
        await client.RevokeTokensAsync(id, default);
        var afterRevoke = await client.IssueTokenAsync(id, ChatVoip, default);
        var revokedBeforeDeletion = sandbox.ValidateAcsToken(issued.Token).Reason;
        var validBeforeDeletion = sandbox.ValidateAcsToken(afterRevoke.Token).Valid;
        var teams = await client.ExchangeTeamsUserTokenAsync(Exchange(sandbox), default);
        await client.DeleteIdentityAsync(id, default);

        Assert.StartsWith($"8:acs:{SandboxIds.AcsResourceId}_", created.Id, StringComparison.Ordinal);
        Assert.InRange(created.AccessToken!.ExpiresOn - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
        Assert.InRange(issued.ExpiresOn - DateTimeOffset.UtcNow, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24.1));
        Assert.Equal("Revoked", revokedBeforeDeletion);
        Assert.True(validBeforeDeletion);
        Assert.Equal("IdentityDeleted", sandbox.ValidateAcsToken(afterRevoke.Token).Reason);
        Assert.True(sandbox.ValidateAcsToken(teams.Token).Valid);
        Assert.Equal("8:orgid:" + SandboxIds.FabrikamTeamsUserId, teams.IdentityId);
        Assert.Equal(
            ["POST /identities", "POST /identities/:issueAccessToken", "POST /identities/:revokeAccessTokens", "POST /identities/:issueAccessToken", "POST /teamsUser/:exchangeAccessToken", "DELETE /identities"],
            AcsTestKit.AcsCalls(sandbox).Select(e => e.Method + " " + StripId(e.PathAndQuery)));
        Assert.All(AcsTestKit.AcsCalls(sandbox), e => Assert.EndsWith("api-version=2023-10-01", e.PathAndQuery, StringComparison.Ordinal));

        var gone = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => client.IssueTokenAsync(id, ChatVoip, default));
        var revokeGone = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => client.RevokeTokensAsync(id, default));
        Assert.Equal((ErrorIds.AcsIdentityNotFound, 404, "IdentityNotFound"), (gone.ErrorId, gone.HttpStatus, gone.ServiceErrorCode));
        Assert.Equal(ErrorIds.AcsIdentityNotFound, revokeGone.ErrorId);
    }

    [Fact]
    public async Task A_bare_identity_has_no_token()
    {
        using var sandbox = new SandboxService();

        var created = await AcsTestKit.Client(sandbox).CreateIdentityAsync(null, default);

        Assert.Null(created.AccessToken);
        Assert.Null(created.TokenExpiresOn);
    }

    [Fact]
    public async Task Service_errors_keep_code_message_target_MS_CV_and_the_client_request_id()
    {
        using var sandbox = new SandboxService();
        var client = AcsTestKit.Client(sandbox);
        var stranger = Exchange(sandbox) with { UserId = Guid.Parse(SandboxIds.FabrikamAdminUserId) };

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => client.ExchangeTeamsUserTokenAsync(stranger, default));

        Assert.Equal(ErrorIds.AcsValidationFailed, error.ErrorId);
        Assert.Equal(FailureCategory.InvalidArgument, error.Category);
        Assert.Equal(("ValidationError", "userId", 400), (error.ServiceErrorCode, error.ServiceErrorTarget, error.HttpStatus));
        Assert.Contains("Provided AAD token issued for unexpected user.", error.Message, StringComparison.Ordinal);
        Assert.Equal(AcsTestKit.AcsCalls(sandbox).Single().RequestId, error.RequestId);
        Assert.True(Guid.TryParse(error.ClientRequestId, out _));
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("graph")]
    [InlineData("chatsOnly")]
    public async Task Unusable_Teams_tokens_are_401_InvalidAccessToken_from_the_service(string kind)
    {
        using var sandbox = new SandboxService();
        var token = kind switch
        {
            "expired" => AcsTestKit.TeamsToken(sandbox, lifetime: TimeSpan.FromMinutes(-1)),
            "graph" => AcsTestKit.TeamsToken(sandbox, audience: SandboxIds.GraphAudience),
            _ => AcsTestKit.TeamsToken(sandbox, scopes: ["Teams.ManageChats"]),
        };

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => AcsTestKit.Client(sandbox).ExchangeTeamsUserTokenAsync(Exchange(sandbox) with { EntraToken = token }, default));

        Assert.Equal((ErrorIds.TeamsTokenRejected, 401, "InvalidAccessToken"), (error.ErrorId, error.HttpStatus, error.ServiceErrorCode));
    }

    [Fact]
    public async Task An_app_id_other_than_the_tokens_is_rejected_with_target_appId()
    {
        using var sandbox = new SandboxService();

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() =>
            AcsTestKit.Client(sandbox).ExchangeTeamsUserTokenAsync(Exchange(sandbox) with { AppId = AppId.Parse(SandboxIds.ContosoApiAppId) }, default));

        Assert.Equal(("ValidationError", "appId"), (error.ServiceErrorCode, error.ServiceErrorTarget));
    }

    [Fact]
    public async Task A_wrong_key_and_a_stale_clock_are_Denied()
    {
        using var sandbox = new SandboxService();
        var wrong = new AcsIdentityClient(
            AcsKeyCredential.Create(SandboxService.InProcessBaseAddress.AbsoluteUri, Convert.ToBase64String(new byte[32])), AcsTestKit.Options(sandbox));
        var stale = AcsTestKit.Client(sandbox, time: new ManualClock(DateTimeOffset.UtcNow.AddMinutes(-20)));

        var wrongKey = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => wrong.CreateIdentityAsync(null, default));
        var staleDate = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => stale.CreateIdentityAsync(null, default));

        Assert.Equal((ErrorIds.AccessTokenRejected, 401, "Denied"), (wrongKey.ErrorId, wrongKey.HttpStatus, wrongKey.ServiceErrorCode));
        Assert.Equal((ErrorIds.AccessTokenRejected, 401, "Denied"), (staleDate.ErrorId, staleDate.HttpStatus, staleDate.ServiceErrorCode));
        Assert.Contains("x-ms-date", staleDate.Message, StringComparison.Ordinal);
        Assert.Empty(sandbox.State.Read(d => d.AcsIdentities.ToArray()));
    }

    [Fact]
    public async Task Entra_bearer_auth_works_with_any_TokenCredential_and_a_Graph_token_is_Denied()
    {
        using var sandbox = new SandboxService();
        var credential = SandboxTestKit.AdminCredential(sandbox);
        var client = new AcsIdentityClient(SandboxService.InProcessBaseAddress, credential, AcsTestKit.Options(sandbox));
        var graphOnly = new AcsIdentityClient(SandboxService.InProcessBaseAddress, new FixedCredential(SandboxTestKit.AppToken(sandbox)), AcsTestKit.Options(sandbox));

        var created = await client.CreateIdentityAsync(ChatVoip, default);
        var denied = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => graphOnly.CreateIdentityAsync(null, default));

        Assert.True(sandbox.ValidateAcsToken(created.AccessToken!.Token).Valid);
        Assert.Contains(sandbox.Requests.Entries, e => e.PathAndQuery.Contains("/oauth2/v2.0/token", StringComparison.Ordinal));
        Assert.Equal(SandboxIds.FabrikamAdminClientId, AcsTestKit.AcsCalls(sandbox)[0].ClientAppId);
        Assert.Equal(ErrorIds.AccessTokenRejected, denied.ErrorId);
        Assert.Contains("communication.azure.com", denied.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Features_the_chosen_api_version_lacks_fail_before_any_request()
    {
        using var sandbox = new SandboxService();
        var old = AcsTestKit.Client(sandbox, apiVersion: "2021-03-07");
        var id = AcsIdentityId.Parse($"8:acs:{SandboxIds.AcsResourceId}_{Guid.NewGuid()}");

        var exchange = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => old.ExchangeTeamsUserTokenAsync(Exchange(sandbox), default));
        var join = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => old.IssueTokenAsync(id, new AcsTokenRequest(AcsTokenScopes.Of(AcsTokenScope.ChatJoin)), default));
        var expiry = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => old.CreateIdentityAsync(new AcsTokenRequest(AcsTokenScopes.Of(AcsTokenScope.Chat), AcsTokenLifetime.Parse(120)), default));
        var unknown = Assert.Throws<AcsTeamsAdminException>(() => AcsApiVersion.Parse("2024-01-01"));

        Assert.Equal(["ApiVersion", "Scope", "ExpiresInMinutes", "ApiVersion"], new[] { exchange, join, expiry, unknown }.Select(e => e.ParameterName));
        Assert.All(new[] { exchange, join, expiry, unknown }, e => Assert.Equal(ErrorIds.UnsupportedApiVersion, e.ErrorId));
        Assert.Empty(sandbox.Requests.Entries);
    }

    [Theory]
    [InlineData(59)]
    [InlineData(1441)]
    [InlineData(0)]
    public void Lifetimes_outside_60_to_1440_minutes_are_refused(int minutes)
    {
        var error = Assert.Throws<AcsTeamsAdminException>(() => AcsTokenLifetime.Parse(minutes));
        Assert.Equal((ErrorIds.InvalidTokenLifetime, "ExpiresInMinutes"), (error.ErrorId, error.ParameterName));
    }

    [Theory]
    [InlineData("chat,voip.join", "chat,voip.join")]
    [InlineData("VOIP chat voip", "voip,chat")]
    [InlineData("ChatJoinLimited", "chat.join.limited")]
    public void Scopes_parse_from_the_services_names_and_ours(string text, string wire) =>
        Assert.Equal(wire, AcsTokenScopes.Parse([text]).ToString());

    [Theory]
    [InlineData("video", ErrorIds.InvalidTokenScope)]
    [InlineData("", ErrorIds.MissingParameter)]
    public void Bad_scopes_are_refused_naming_Scope(string text, string errorId)
    {
        var error = Assert.Throws<AcsTeamsAdminException>(() => AcsTokenScopes.Parse([text]));
        Assert.Equal((errorId, "Scope"), (error.ErrorId, error.ParameterName));
    }

    [Theory]
    [InlineData("8:orgid:6e7f8091-a2b3-4c4d-8e5f-607182930a05")]
    [InlineData("8:acs:resource")]
    [InlineData("8:acs:res_id/../x")]
    [InlineData("")]
    public void Malformed_identity_ids_are_refused(string id) =>
        Assert.Equal("IdentityId", Assert.Throws<AcsTeamsAdminException>(() => AcsIdentityId.Parse(id)).ParameterName);

    [Fact]
    public async Task Throttling_and_unavailability_are_retried_and_create_identity_is_never_sent_twice_after_a_dropped_connection()
    {
        using var sandbox = new SandboxService();
        var host = new RecordingHost();
        using var scope = host.Context().Enter();
        var client = AcsTestKit.Client(sandbox);
        sandbox.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, OnRequests = [1], PathPrefix = "/identities", RetryAfterSeconds = 0 });
        sandbox.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable, OnRequests = [2], PathPrefix = "/identities", RetryAfterSeconds = 0 });

        var created = await client.CreateIdentityAsync(null, default);
        Assert.Equal(["429", "503", null], AcsTestKit.AcsCalls(sandbox).Select(e => e.Fault));
        Assert.Single(sandbox.State.Read(d => d.AcsIdentities.ToArray()));

        sandbox.Faults.Clear();
        sandbox.Requests.Clear();
        sandbox.Faults.Add(new FaultRule { Kind = FaultKind.ConnectionReset, OnRequests = [1], PathPrefix = "/identities", Method = "POST", AfterProcessing = true });
        var dropped = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => client.CreateIdentityAsync(null, default));
        Assert.Equal(ErrorIds.ConnectionFailed, dropped.ErrorId);
        Assert.Single(AcsTestKit.AcsCalls(sandbox));
        Assert.Equal(2, sandbox.State.Read(d => d.AcsIdentities.Count));

        sandbox.Faults.Clear();
        sandbox.Requests.Clear();
        sandbox.Faults.Add(new FaultRule { Kind = FaultKind.ConnectionReset, OnRequests = [1], PathPrefix = "/identities", AfterProcessing = true });
        var token = await client.IssueTokenAsync(AcsIdentityId.Parse(created.Id), ChatVoip, default);
        Assert.Equal(2, AcsTestKit.AcsCalls(sandbox).Count);
        Assert.True(sandbox.ValidateAcsToken(token.Token).Valid);
        Assert.Contains(host.Lines, l => l.StartsWith("VERBOSE: ", StringComparison.Ordinal) && l.Contains("not retried", StringComparison.Ordinal));
        Assert.Contains(host.Lines, l => l.StartsWith("VERBOSE: ", StringComparison.Ordinal) && l.Contains("retrying in 0 s, retry 1 (0 s of the 120 s retry budget)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retries_stop_at_the_limit()
    {
        using var sandbox = new SandboxService();
        sandbox.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable, Rate = 1, PathPrefix = "/identities", RetryAfterSeconds = 0 });

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => AcsTestKit.Client(sandbox).CreateIdentityAsync(null, default));

        Assert.Equal((ErrorIds.ServiceUnavailable, 503), (error.ErrorId, error.HttpStatus));
        Assert.Equal(1 + RetryLimits.Default.MaxRetries, AcsTestKit.AcsCalls(sandbox).Count);
    }

    internal static TeamsUserTokenExchange Exchange(SandboxService sandbox) =>
        new(AcsTestKit.TeamsToken(sandbox), AppId.Parse(SandboxIds.ContosoTeamsCallingAppId), Guid.Parse(SandboxIds.FabrikamTeamsUserId));

    private static string StripId(string pathAndQuery)
    {
        var path = pathAndQuery.Split('?')[0];
        var parts = path.Split('/');
        return string.Join('/', parts.Where(p => !p.StartsWith("8%3A", StringComparison.Ordinal)));
    }

    private sealed class FixedCredential(string token) : Azure.Core.TokenCredential
    {
        public override Azure.Core.AccessToken GetToken(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(token, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<Azure.Core.AccessToken> GetTokenAsync(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }
}
