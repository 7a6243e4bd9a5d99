using AcsTeamsAdmin.Engine.Applications;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.Readiness;

namespace AcsTeamsAdmin.Cli.Commands;

/// <summary>Test-AcsTeamsReadiness and Initialize-AcsTeams. Both exit 1 when a readiness check fails, so a CI step can gate on them.</summary>
internal static class ReadinessCommands
{
    private static readonly CliParameter MultiTenant = new("MultiTenant", CliValueKind.Switch, "The app serves users of other tenants (a single-tenant app fails the audience check; setup makes it multi-tenant).");

    public static IReadOnlyList<CliCommand> All { get; } =
    [
        new("Test-AcsTeamsReadiness", "Check everything ACS with Teams needs in the tenant for its client apps; exit 1 when a check fails.",
        [
            new("AppId", CliValueKind.List, "Client app (application) id(s); 20 Graph reads go in one $batch request."),
            MultiTenant,
            new("AcsEndpoint", CliValueKind.Text, "An ACS resource endpoint to probe with this sign-in's Entra credential."),
            new("AcsConnectionString", CliValueKind.Text, "An ACS resource to probe with its access key (endpoint=...;accesskey=...)."),
            new("TeamsUserToken", CliValueKind.Text, "A Teams user's Entra token for ACS, checked locally against the exchange's rules (never sent)."),
            new("TeamsUserId", CliValueKind.Text, "The Teams user's object id (with --teams-user-token)."),
            new("AsMarkdown", CliValueKind.Switch, "Write a markdown report for a change ticket instead of the checks."),
        ], TestAsync),
        new("Initialize-AcsTeams", "Make every fixable readiness check pass (ACS service principal, app permissions and public client settings, admin consent); prints the checks with what it changed.",
        [
            new("AppId", CliValueKind.List, "Client app (application) id(s).", Required: true),
            new("Role", CliValueKind.List, "TenantAdmin, AppOwner, or both (default)."),
            MultiTenant,
            new("RedirectUri", CliValueKind.Text, "A public client redirect URI to make sure of (default: http://localhost, only for an app that has none)."),
        ], InitializeAsync),
    ];

    private static async Task TestAsync(CliInvocation invocation)
    {
        // Parsed before signing in: bad input fails without a network call.
        var args = invocation.Arguments;
        var input = new ReadinessInput
        {
            AppId = args.Values("app-id"),
            MultiTenant = args.Flag("multi-tenant"),
            AcsEndpoint = args.Value("acs-endpoint"),
            AcsConnectionString = args.Value("acs-connection-string"),
            TeamsUserToken = args.Value("teams-user-token"),
            TeamsUserId = args.Value("teams-user-id"),
        }.Parse();
        var connection = await invocation.ConnectAsync().ConfigureAwait(false);
        var checks = await ReadinessOperations.TestAsync(connection, input.ToRequest(connection), invocation.Context).ConfigureAwait(false);
        Write(invocation, checks, args.Flag("as-markdown"));
    }

    private static async Task InitializeAsync(CliInvocation invocation)
    {
        var args = invocation.Arguments;
        var redirect = args.Value("redirect-uri");
        var request = new SetupRequest
        {
            AppIds = args.Values("app-id").Select(value => AppId.Parse(value)).ToArray(),
            Roles = ParseRoles(args.Values("role")),
            MultiTenant = args.Flag("multi-tenant"),
            RedirectUri = redirect is null ? null : PublicClientRedirectUri.Parse(redirect),
        };
        var connection = await invocation.ConnectAsync().ConfigureAwait(false);
        Write(invocation, await SetupOperations.InitializeAsync(connection, request, invocation.Context).ConfigureAwait(false), markdown: false);
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

    private static SetupRoles ParseRoles(IReadOnlyList<string> values)
    {
        var roles = (SetupRoles)0;
        foreach (var value in values)
        {
            if (!Enum.TryParse<SetupRoles>(value.Trim(), ignoreCase: true, out var role) || !Enum.IsDefined(role))
            {
                throw AcsTeamsAdminException.InvalidInput("Role", value, $"'{value}' is not a setup role.",
                    "Pass TenantAdmin, AppOwner or All (or leave --role out for both).", ErrorIds.InvalidInput);
            }

            roles |= role;
        }

        return roles == 0 ? SetupRoles.All : roles;
    }
}
