using AcsTeamsAdmin.Engine.Applications;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.Readiness;

namespace AcsTeamsAdmin.Cli.Commands;

/// <summary>Test-AcsTeamsReadiness and Initialize-AcsTeams. Both exit 1 when a readiness check fails, so a CI step can gate on them.</summary>
internal static class ReadinessCommands
{
    public static IReadOnlyList<CliHandler> All { get; } =
    [
        CliHandler.Connected("Test-AcsTeamsReadiness", Test) with { ExitCodeOne = "when a check fails, so a CI step can gate on it" },
        CliHandler.Connected("Initialize-AcsTeams", Initialize) with { ExitCodeOne = "when a check still fails after the changes" },
    ];

    private static CommandRun Test(CommandArguments args)
    {
        var request = ReadinessRequest.Parse(
            appId: args.List("AppId"),
            multiTenant: args.Switch("MultiTenant"),
            acsEndpoint: args.Text("AcsEndpoint"),
            acsConnectionString: args.Text("AcsConnectionString"),
            teamsUserToken: args.Text("TeamsUserToken"),
            teamsUserId: args.Text("TeamsUserId"));
        var markdown = args.Switch("AsMarkdown");
        return async invocation =>
        {
            var connection = await invocation.ConnectAsync().ConfigureAwait(false);
            var checks = await ReadinessOperations.TestAsync(connection, request, invocation.Context).ConfigureAwait(false);
            Write(invocation, checks, markdown);
        };
    }

    private static CommandRun Initialize(CommandArguments args)
    {
        var redirect = args.Text("RedirectUri");
        var roles = args.Choices("Role").Select(Enum.Parse<SetupRoles>).Aggregate((SetupRoles)0, (all, role) => all | role);
        var request = new SetupRequest
        {
            AppIds = args.List("AppId").Select(value => AppId.Parse(value)).ToArray(),
            Roles = roles == 0 ? SetupRoles.All : roles,
            MultiTenant = args.Switch("MultiTenant"),
            RedirectUri = redirect is null ? null : PublicClientRedirectUri.Parse(redirect),
        };
        return async invocation =>
        {
            var connection = await invocation.ConnectAsync().ConfigureAwait(false);
            Write(invocation, await SetupOperations.InitializeAsync(connection, request, invocation.Context).ConfigureAwait(false), markdown: false);
        };
    }

    private static void Write(CliInvocation invocation, IReadOnlyList<ReadinessCheck> checks, bool markdown)
    {
        if (markdown)
        {
            invocation.Write(ReadinessMarkdown.Render(checks, DateTimeOffset.UtcNow));
        }
        else
        {
            foreach (var check in checks)
            {
                invocation.Write(check);
            }
        }

        if (checks.Any(check => check.Status == ReadinessStatus.Fail))
        {
            // A failing check is the answer, not an error: exit 1 so a CI step can gate on it.
            invocation.FailWithoutError();
        }
    }
}
