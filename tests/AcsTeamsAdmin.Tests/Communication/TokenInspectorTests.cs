using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Tokens;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Communication;

/// <summary>ConvertFrom-AcsToken's engine: what kind of token, whose, for what, until when; never the token.</summary>
public sealed class TokenInspectorTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task ACS_identity_and_Teams_user_tokens_are_told_apart_with_identity_resource_and_scopes()
    {
        using var sandbox = new SandboxService();
        var client = AcsTestKit.Client(sandbox);
        var identity = await client.CreateIdentityAsync(new AcsTokenRequest(AcsTokenScopes.Of(AcsTokenScope.Chat, AcsTokenScope.Voip)), default);

        var acs = TokenInspector.Inspect(identity.AccessToken!.Token, Now);

        Assert.Equal(TokenKind.AcsIdentity, acs.Kind);
        Assert.Equal(identity.Id, acs.IdentityId);
        Assert.Equal(SandboxIds.AcsResourceId, acs.AcsResourceId);
        Assert.Equal(["chat", "voip"], acs.Scopes);
        Assert.False(acs.IsExpired);
        Assert.DoesNotContain(identity.AccessToken.Token, acs.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(acs.Claims.Values, value => value.Contains(identity.AccessToken.Token, StringComparison.Ordinal));
    }

    [Fact]
    public void Entra_tokens_are_classified_by_version_audience_and_user_or_app()
    {
        using var sandbox = new SandboxService();
        var teams = TokenInspector.Inspect(AcsTestKit.TeamsToken(sandbox), Now);
        var app = TokenInspector.Inspect(TestTokens.Graph(Now.AddHours(1), roles: "Application.Read.All"), Now);
        var v2User = TokenInspector.Inspect(TestTokens.Create(new Dictionary<string, object>
        {
            ["aud"] = "https://graph.microsoft.com", ["tid"] = SandboxIds.FabrikamTenantId, ["azp"] = SandboxIds.FabrikamAdminClientId, ["ver"] = "2.0",
            ["scp"] = "User.Read", ["preferred_username"] = SandboxIds.FabrikamAdminUpn, ["exp"] = Now.AddMinutes(-5).ToUnixTimeSeconds(),
        }), Now);

        Assert.Equal((TokenKind.EntraTeamsUserForAcs, SandboxIds.ContosoTeamsCallingAppId, SandboxIds.FabrikamTenantId), (teams.Kind, teams.AppId, teams.TenantId));
        Assert.Equal(["Teams.ManageCalls", "Teams.ManageChats"], teams.Scopes);
        Assert.Equal(TokenKind.EntraAppV1, app.Kind);
        Assert.Equal(["Application.Read.All"], app.Roles);
        Assert.Equal((TokenKind.EntraUserV2, SandboxIds.FabrikamAdminUpn, true), (v2User.Kind, v2User.UserPrincipalName, v2User.IsExpired));
        Assert.True(v2User.ExpiresIn < TimeSpan.Zero);
    }

    [Fact]
    public void A_value_that_is_not_a_JWT_fails_without_echoing_it()
    {
        const string Canary = "CANARY-not-a-token-secret-value";

        var error = Assert.Throws<AcsTeamsAdminException>(() => TokenInspector.Inspect(Canary, Now));

        Assert.Equal("Token", error.ParameterName);
        Assert.DoesNotContain(Canary, error.MessageWithFix + error.Target, StringComparison.Ordinal);
    }
}
