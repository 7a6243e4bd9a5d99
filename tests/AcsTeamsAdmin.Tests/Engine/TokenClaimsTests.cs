using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Tokens;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Engine;

public class TokenClaimsTests
{
    [Fact]
    public void Reads_the_claims_of_a_delegated_token()
    {
        var token = TestTokens.Create(new Dictionary<string, object>
        {
            ["aud"] = "https://auth.msft.communication.azure.com",
            ["tid"] = "11111111-1111-1111-1111-111111111111",
            ["oid"] = "33333333-3333-3333-3333-333333333333",
            ["appid"] = "22222222-2222-2222-2222-222222222222",
            ["upn"] = "alice@fabrikam.onmicrosoft.com",
            ["scp"] = "Teams.ManageCalls Teams.ManageChats",
            ["exp"] = 1_900_000_000L,
        });

        var claims = TokenClaims.Read("AadToken", token);

        Assert.Equal("https://auth.msft.communication.azure.com", claims.Audience);
        Assert.Equal("22222222-2222-2222-2222-222222222222", claims.AppId);
        Assert.Equal("33333333-3333-3333-3333-333333333333", claims.ObjectId);
        Assert.Equal(["Teams.ManageCalls", "Teams.ManageChats"], claims.Scopes);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_900_000_000L), claims.ExpiresOn);
        Assert.False(claims.IsAppOnly);
    }

    [Fact]
    public void Reads_the_roles_of_an_app_only_token()
    {
        var claims = TokenClaims.Read("AccessToken", TestTokens.Graph(DateTimeOffset.UtcNow.AddHours(1), roles: ["Application.ReadWrite.All"]));
        Assert.True(claims.IsAppOnly);
        Assert.Equal(["Application.ReadWrite.All"], claims.Roles);
    }

    [Theory]
    [InlineData("not a token")]
    [InlineData("abc.def")]
    [InlineData("eyJhbGciOiJub25lIn0.!!!.")]
    public void A_value_that_is_not_a_JWT_fails_without_echoing_it(string value)
    {
        var error = Assert.Throws<AcsTeamsAdminException>(() => TokenClaims.Read("AccessToken", value));
        Assert.Equal("AccessToken", error.ParameterName);
        Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, error.Target?.ToString() ?? string.Empty, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
    }
}
