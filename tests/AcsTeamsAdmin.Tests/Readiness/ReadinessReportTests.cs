using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Readiness;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Readiness;

/// <summary>The Teams token check, the markdown report and input parsing.</summary>
public class ReadinessReportTests
{
    private static readonly Guid Adele = Guid.Parse(SandboxIds.FabrikamTeamsUserId);

    [Fact]
    public async Task A_Teams_user_token_for_the_app_passes_and_one_for_another_app_fails_naming_the_fix()
    {
        var (_, connection) = await ReadyWorld.CreateAsync();
        using var _ = connection;
        var good = TeamsToken(ContosoConnections.CallingAppId, ["Teams.ManageCalls", "Teams.ManageChats"]);
        var noChats = TeamsToken(ContosoConnections.CallingAppId, ["Teams.ManageCalls"]);

        var pass = await Check(connection, good);
        var fail = await Check(connection, noChats);

        Assert.Equal(ReadinessStatus.Pass, pass.Status);
        Assert.Equal(ReadinessStatus.Fail, fail.Status);
        Assert.Contains("Teams.ManageChats", fail.Detail, StringComparison.Ordinal);
        Assert.NotNull(fail.Remedy);
        Assert.DoesNotContain(noChats, fail.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_markdown_report_puts_failures_first_with_their_remedy_as_code_and_escapes_pipes()
    {
        ReadinessCheck[] checks =
        [
            new() { Name = "Cloud", Status = ReadinessStatus.Pass, Detail = "a | b", AppliesTo = ReadinessAppliesTo.Both, TenantId = "t" },
            new() { Name = "AdminConsent", Status = ReadinessStatus.Fail, Detail = "missing", Remedy = "Grant-AcsAdminConsent -AppId x", AppliesTo = ReadinessAppliesTo.TeamsIdentity, TenantId = "t", AppId = "x" },
        ];

        var markdown = ReadinessMarkdown.Render(checks, new DateTimeOffset(2025, 1, 2, 3, 4, 0, TimeSpan.Zero));

        var rows = markdown.Split('\n').Where(line => line.StartsWith("| Fail", StringComparison.Ordinal) || line.StartsWith("| Pass", StringComparison.Ordinal)).ToArray();
        Assert.Equal("| Fail | AdminConsent | x | TeamsIdentity | missing | `Grant-AcsAdminConsent -AppId x` |", rows[0]);
        Assert.Contains("a \\| b", rows[1], StringComparison.Ordinal);
        Assert.Contains("**Not ready**: 1 check(s) failed", markdown, StringComparison.Ordinal);
        Assert.Contains("Generated 2025-01-02 03:04 UTC", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AppId", "not-a-guid")]
    [InlineData("AcsEndpoint", "contoso")]
    [InlineData("AcsConnectionString", "endpoint=https://contoso.communication.azure.com/")]
    [InlineData("TeamsUserToken", "eyJhbGciOiJub25lIn0.not-base64!.x")]
    [InlineData("TeamsUserToken", "not-a-jwt")]
    public void Bad_input_is_rejected_naming_its_parameter_before_anything_connects(string parameter, string value)
    {
        Func<ReadinessRequest> parse = parameter switch
        {
            "AppId" => () => ReadinessRequest.Parse(appId: [value]),
            "AcsEndpoint" => () => ReadinessRequest.Parse(acsEndpoint: value),
            "TeamsUserToken" => () => ReadinessRequest.Parse(
                appId: [ReadyWorld.Calling.ToString()], teamsUserToken: value, teamsUserId: SandboxIds.FabrikamTeamsUserId),
            _ => () => ReadinessRequest.Parse(acsConnectionString: value),
        };

        var error = Assert.Throws<AcsTeamsAdminException>(parse);

        Assert.StartsWith($"-{parameter}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_well_formed_Teams_token_that_would_fail_the_exchange_still_parses_so_its_check_can_say_why()
    {
        var noChats = TeamsToken(ContosoConnections.CallingAppId, ["Teams.ManageCalls"]);

        var parsed = ReadinessRequest.Parse(appId: [ReadyWorld.Calling.ToString()], teamsUserToken: noChats, teamsUserId: SandboxIds.FabrikamTeamsUserId);

        Assert.Equal(Adele, parsed.TeamsToken!.UserId);
    }

    private static async Task<ReadinessCheck> Check(AcsTeamsAdminConnection connection, string token)
    {
        var request = new ReadinessRequest { AppIds = [ReadyWorld.Calling], TeamsToken = new TeamsUserTokenExchange(token, ReadyWorld.Calling, Adele) };
        var checks = await ReadinessOperations.TestAsync(connection, request, new RecordingHost().Context());
        return checks.Single(check => check.Name == ReadinessCheckNames.TeamsUserToken);
    }

    private static string TeamsToken(string appId, string[] scopes) => TestTokens.Create(new Dictionary<string, object>
    {
        ["aud"] = TeamsTokenPrecheck.AcsAudienceUri,
        ["tid"] = SandboxIds.FabrikamTenantId,
        ["appid"] = appId,
        ["oid"] = SandboxIds.FabrikamTeamsUserId,
        ["scp"] = string.Join(' ', scopes),
        ["exp"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(),
    });
}
