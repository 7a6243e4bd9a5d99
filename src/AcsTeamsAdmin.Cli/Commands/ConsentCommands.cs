using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Consent;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.ServicePrincipals;

namespace AcsTeamsAdmin.Cli.Commands;

/// <summary>Get-AcsAdminConsentUrl, Grant-AcsAdminConsent, Get-AcsAdminConsent.</summary>
internal static class ConsentCommands
{
    public static IReadOnlyList<CliHandler> All { get; } =
    [
        // Offline: --tenant-id and --client-id are the link's here, not sign-in options.
        CliHandler.Offline("Get-AcsAdminConsentUrl", ConsentUrls),
        CliHandler.Connected("Grant-AcsAdminConsent", args => ForEachAppId(args, ConsentOperations.GrantAsync)),
        CliHandler.Connected("Get-AcsAdminConsent", args => ForEachAppId(args, async (connection, appId, scopes, context) =>
            await ConsentOperations.GetAsync(connection, appId, scopes, context).ConfigureAwait(false))),
    ];

    private static CommandRun ConsentUrls(CommandArguments args)
    {
        var tenants = args.List("TenantId");
        var template = new AdminConsentUrlRequest
        {
            ClientId = args.Text("ClientId"),
            RedirectUri = args.Text("RedirectUri"),
            State = args.Text("State"),
            Scope = args.Has("Scope") ? args.List("Scope") : null,
            V2 = args.Switch("V2"),
            Environment = ConnectionOptions.ParseEnvironment(args.Choice("Environment")),
        };
        return invocation => invocation.ForEachAsync(tenants, tenant =>
        {
            invocation.Write(AdminConsentUrlBuilder.BuildForTenant(template, tenant, invocation.Context.Log));
            return Task.CompletedTask;
        });
    }

    // Several --app-id values behave like several objects piped into the cmdlet.
    private static CommandRun ForEachAppId(
        CommandArguments args,
        Func<AcsTeamsAdminConnection, AppId, IReadOnlyList<AcsScope>, OperationContext, Task<AdminConsentStatus?>> operation)
    {
        var appIds = args.List("AppId").Select(value => AppId.Parse(value)).ToArray();
        var scopes = AcsScope.Parse(args.List("Scope"));
        return async invocation =>
        {
            var connection = await invocation.ConnectAsync().ConfigureAwait(false);
            await invocation.ForEachAsync(appIds, async appId =>
            {
                if (await operation(connection, appId, scopes, invocation.Context).ConfigureAwait(false) is { } status)
                {
                    invocation.Write(status);
                }
            }).ConfigureAwait(false);
        };
    }
}
