using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.ServicePrincipals;

namespace AcsTeamsAdmin.Cli.Commands;

/// <summary>Get-/New-AcsTeamsServicePrincipal.</summary>
internal static class ServicePrincipalCommands
{
    private static readonly CliParameter AppIds = new("AppId", CliValueKind.List,
        $"Application (client) id(s); default: the Azure Communication Services app {AcsFirstPartyApp.AppId}.");

    public static IReadOnlyList<CliCommand> All { get; } =
    [
        new("Get-AcsTeamsServicePrincipal", "Get the ACS (or another app's) service principal in the tenant; nothing when absent.", [AppIds],
            invocation => ForEachAppId(invocation, ServicePrincipalOperations.GetAsync)),
        new("New-AcsTeamsServicePrincipal", "Make sure the tenant has the ACS (or another multi-tenant app's) service principal.", [AppIds],
            invocation => ForEachAppId(invocation, ServicePrincipalOperations.EnsureAsync)),
    ];

    // Several --app-id values behave like several objects piped into the cmdlet.
    private static async Task ForEachAppId(
        CliInvocation invocation,
        Func<AcsTeamsAdminConnection, AppId, OperationContext, Task<ServicePrincipalInfo?>> operation)
    {
        // Every value is parsed before signing in: bad input fails without a network call.
        var given = invocation.Arguments.Values("app-id");
        var appIds = given.Count == 0 ? [AppId.AcsFirstParty] : given.Select(value => AppId.Parse(value)).ToArray();
        var connection = await invocation.ConnectAsync().ConfigureAwait(false);
        await invocation.ForEachAsync(appIds, async appId =>
        {
            if (await operation(connection, appId, invocation.Context).ConfigureAwait(false) is { } principal)
            {
                invocation.Write(principal);
            }
        }).ConfigureAwait(false);
    }
}
