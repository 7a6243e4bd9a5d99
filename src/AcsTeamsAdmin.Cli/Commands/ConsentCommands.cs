using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Consent;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.ServicePrincipals;

namespace AcsTeamsAdmin.Cli.Commands;

/// <summary>Get-AcsAdminConsentUrl, Grant-AcsAdminConsent, Get-AcsAdminConsent.</summary>
internal static class ConsentCommands
{
    private static readonly CliParameter Scope = new("Scope", CliValueKind.List,
        $"ACS scopes by name or full URI ({ConsentScopes.KnownList}); default: {string.Join(", ", AcsScope.Default.Select(scope => scope.Value))}.");

    private static readonly CliParameter AppIds = new("AppId", CliValueKind.List, "The client app's application (client) id(s).", Required: true);

    public static IReadOnlyList<CliCommand> All { get; } =
    [
        new("Get-AcsAdminConsentUrl", "Build admin consent links (v1, or v2 with --v2/--scope) for customer tenants; offline, no sign-in.",
            [
                new("TenantId", CliValueKind.List, "Customer tenant id(s) or verified domain(s); comma-separated for several (a link each).", Required: true),
                new("ClientId", CliValueKind.Text, "The app to consent to: its application (client) id.", Required: true),
                new("RedirectUri", CliValueKind.Text, "Where Entra ID sends the administrator afterwards; one of the app's redirect URIs (required for v2)."),
                new("State", CliValueKind.Text, "A value Entra ID hands back to the redirect URI unchanged (e.g. your customer id)."),
                Scope,
                new("V2", CliValueKind.Switch, "Build the v2 link (consent to the ACS scopes in the link)."),
                new("Environment", CliValueKind.Text, "Global (default), USGov, USGovDoD or China: the cloud whose sign-in host the link uses."),
            ],
            ConsentUrlsAsync) { Connects = false },
        new("Grant-AcsAdminConsent", "Grant tenant-wide consent for the ACS scopes to a client app; adds missing scopes, keeps the others.", [AppIds, Scope],
            invocation => ForEachAppIdAsync(invocation, ConsentOperations.GrantAsync)),
        new("Get-AcsAdminConsent", "Show a client app's tenant-wide ACS consent: granted, missing and extra scopes.", [AppIds, Scope],
            invocation => ForEachAppIdAsync(invocation, async (connection, appId, scopes, context) =>
                await ConsentOperations.GetAsync(connection, appId, scopes, context).ConfigureAwait(false))),
    ];

    // Offline: never signs in (--tenant-id and --client-id are the link's here, not sign-in options).
    private static Task ConsentUrlsAsync(CliInvocation invocation)
    {
        var args = invocation.Arguments;
        var tenants = args.Values("tenant-id");
        if (tenants.Count == 0)
        {
            throw Parsing.ParsedArguments.Usage("--tenant-id is required: the customer tenant(s) the link is for.");
        }

        var template = new AdminConsentUrlRequest
        {
            ClientId = args.Value("client-id"),
            RedirectUri = args.Value("redirect-uri"),
            State = args.Value("state"),
            Scope = args.Has("scope") ? args.Values("scope") : null,
            V2 = args.Flag("v2"),
            Environment = ConnectionOptions.ParseEnvironment(args.Value("environment")),
        };
        return invocation.ForEachAsync(tenants, tenant =>
        {
            invocation.Write(AdminConsentUrlBuilder.Build(template with { TenantId = tenant }, invocation.Context.Log));
            return Task.CompletedTask;
        });
    }

    // Several --app-id values behave like several objects piped into the cmdlet.
    private static async Task ForEachAppIdAsync(
        CliInvocation invocation,
        Func<AcsTeamsAdminConnection, AppId, IReadOnlyList<AcsScope>, OperationContext, Task<AdminConsentStatus?>> operation)
    {
        // Every value is parsed before signing in: bad input fails without a network call.
        var given = invocation.Arguments.Values("app-id");
        if (given.Count == 0)
        {
            throw Parsing.ParsedArguments.Usage("--app-id is required: the client app's application (client) id.");
        }

        var appIds = given.Select(value => AppId.Parse(value)).ToArray();
        var scopes = ConsentScopes.Parse("Scope", invocation.Arguments.Has("scope") ? invocation.Arguments.Values("scope") : null);
        var connection = await invocation.ConnectAsync().ConfigureAwait(false);
        await invocation.ForEachAsync(appIds, async appId =>
        {
            if (await operation(connection, appId, scopes, invocation.Context).ConfigureAwait(false) is { } status)
            {
                invocation.Write(status);
            }
        }).ConfigureAwait(false);
    }
}
