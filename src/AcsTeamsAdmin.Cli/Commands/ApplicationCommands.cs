using AcsTeamsAdmin.Engine.Applications;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.ServicePrincipals;

namespace AcsTeamsAdmin.Cli.Commands;

/// <summary>Get-/New-AcsTeamsApplication and Set-AcsVoipPermission.</summary>
internal static class ApplicationCommands
{
    private static readonly CliParameter ApplicationIds = new("ApplicationId", CliValueKind.List,
        "The app registration's Application (client) ID or Object ID; several for several apps.", Required: true);

    private static readonly CliParameter Scope = new("Scope", CliValueKind.List,
        $"ACS delegated permissions: {string.Join(", ", AcsScope.Known.Select(scope => scope.Value))} (default: Teams.ManageCalls,Teams.ManageChats).");

    private static readonly CliParameter IncludeLegacyVoip = new("IncludeLegacyVoip", CliValueKind.Switch, "Also add the preview-era VoIP permission the older guides use.");

    private static readonly CliParameter MultiTenant = new("MultiTenant", CliValueKind.Switch, "Make the app multi-tenant (signInAudience AzureADMultipleOrgs).");

    public static IReadOnlyList<CliCommand> All { get; } =
    [
        new("Get-AcsTeamsApplication", "Show an app registration's ACS permissions, public client settings, audience and publisher.",
        [
            new("ApplicationId", CliValueKind.List, "The app registration's Application (client) ID or Object ID; several for several apps. Or --display-name."),
            new("DisplayName", CliValueKind.Text, "Instead of --application-id: a display name, or a pattern such as 'Contoso*' (* ? [a-c])."),
        ], GetAsync),
        new("Set-AcsVoipPermission", "Add the ACS delegated permissions (and public client settings) to an app registration, keeping everything else.",
        [
            ApplicationIds, Scope, IncludeLegacyVoip,
            new("AllowPublicClientFlows", CliValueKind.Switch, "Allow public client flows, and add the redirect URI (default http://localhost)."),
            new("RedirectUri", CliValueKind.Text, "A public client redirect URI to add (others stay)."),
            MultiTenant,
            new("PassThru", CliValueKind.Switch, "Write the app registration as verified after the change."),
        ], SetAsync),
        new("New-AcsTeamsApplication", "Register an app with the ACS permissions and public client settings in one step; an app of that name is returned, not duplicated.",
        [
            new("DisplayName", CliValueKind.Text, "The new app registration's name.", Required: true),
            MultiTenant,
            new("RedirectUri", CliValueKind.Text, "The public client redirect URI (default http://localhost)."),
            Scope, IncludeLegacyVoip,
        ], NewAsync),
    ];

    private static AppRegistrationId[] ParseIds(CliInvocation invocation)
    {
        var given = invocation.Arguments.Values("application-id");
        return given.Count == 0 ? [AppRegistrationId.Parse(null)] : given.Select(value => AppRegistrationId.Parse(value)).ToArray();
    }

    private static async Task GetAsync(CliInvocation invocation)
    {
        if (invocation.Arguments.Value("display-name") is { } name)
        {
            if (invocation.Arguments.Values("application-id").Count > 0)
            {
                throw AcsTeamsAdminException.InvalidInput("DisplayName", name, "cannot be combined with -ApplicationId.",
                    "Pass either the app's id or its display name.", ErrorIds.ConflictingParameters);
            }

            var pattern = DisplayNamePattern.Parse(name);
            var session = await invocation.ConnectAsync().ConfigureAwait(false);
            foreach (var app in await ApplicationOperations.FindAsync(session, pattern, invocation.Context).ConfigureAwait(false))
            {
                invocation.Write(app);
            }

            return;
        }

        var ids = ParseIds(invocation);
        var connection = await invocation.ConnectAsync().ConfigureAwait(false);
        await invocation.ForEachAsync(ids, async id =>
            invocation.Write(await ApplicationOperations.GetAsync(connection, id, invocation.Context).ConfigureAwait(false))).ConfigureAwait(false);
    }

    private static async Task SetAsync(CliInvocation invocation)
    {
        // Everything is parsed before signing in: bad input fails without a network call.
        var args = invocation.Arguments;
        var ids = ParseIds(invocation);
        var allowPublicClientFlows = args.Flag("allow-public-client-flows");
        var redirect = args.Value("redirect-uri");
        var settings = new AcsApplicationSettings
        {
            Scopes = AcsScopeSelection.Parse(args.Values("scope"), args.Flag("include-legacy-voip")),
            AllowPublicClientFlows = allowPublicClientFlows,
            RedirectUri = redirect is not null ? PublicClientRedirectUri.Parse(redirect)
                : allowPublicClientFlows ? PublicClientRedirectUri.Default : null,
            MultiTenant = args.Flag("multi-tenant"),
        };
        var passThru = args.Flag("pass-thru");
        var connection = await invocation.ConnectAsync().ConfigureAwait(false);
        await invocation.ForEachAsync(ids, async id =>
        {
            if (await ApplicationOperations.SetAsync(connection, id, settings, invocation.Context).ConfigureAwait(false) is { } app && passThru)
            {
                invocation.Write(app);
            }
        }).ConfigureAwait(false);
    }

    private static async Task NewAsync(CliInvocation invocation)
    {
        var args = invocation.Arguments;
        var settings = new AcsApplicationSettings
        {
            Scopes = AcsScopeSelection.Parse(args.Values("scope"), args.Flag("include-legacy-voip")),
            AllowPublicClientFlows = true,
            RedirectUri = PublicClientRedirectUri.Parse(args.Value("redirect-uri") ?? PublicClientRedirectUri.Default.Value),
            MultiTenant = args.Flag("multi-tenant"),
        };
        var displayName = ApplicationOperations.ParseDisplayName(args.Value("display-name"));

        var connection = await invocation.ConnectAsync().ConfigureAwait(false);
        if (await ApplicationOperations.NewAsync(connection, displayName, settings, invocation.Context).ConfigureAwait(false) is { } app)
        {
            invocation.Write(app);
        }
    }
}
