using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.ServicePrincipals;

namespace AcsTeamsAdmin.Cli.Commands;

/// <summary>
/// Every command, one per cmdlet, with the cmdlet's parameter names. A test compares this list with
/// the compiled cmdlets so the two vocabularies cannot drift apart.
/// </summary>
internal static class CommandCatalog
{
    private static readonly CliParameter AppIds = new("AppId", CliValueKind.List,
        $"Application (client) id(s); default: the Azure Communication Services app {AcsFirstPartyApp.AppId}.");

    public static IReadOnlyList<CliCommand> All { get; } =
    [
        new("Connect-AcsTeamsAdmin", "Sign in (with the connection options) and show the connection.", [],
            async invocation => invocation.Write((await invocation.ConnectAsync().ConfigureAwait(false)).Info)),
        new("Disconnect-AcsTeamsAdmin", "Nothing to do: each acsteams run signs in on its own and keeps no session.", [],
            invocation =>
            {
                invocation.Context.Log.Verbose("acsteams keeps no session between runs; there is nothing to disconnect.");
                return Task.CompletedTask;
            }),
        new("Get-AcsTeamsAdminContext", "Sign in and show the connection: tenant, account, sign-in mode, Graph permissions.", [],
            async invocation => invocation.Write((await invocation.ConnectAsync().ConfigureAwait(false)).Info)),
        new("Get-AcsTeamsServicePrincipal", "Get the ACS (or another app's) service principal in the tenant; nothing when absent.", [AppIds],
            invocation => ForEachAppId(invocation, ServicePrincipalOperations.GetAsync)),
        new("New-AcsTeamsServicePrincipal", "Make sure the tenant has the ACS (or another multi-tenant app's) service principal.", [AppIds],
            invocation => ForEachAppId(invocation, ServicePrincipalOperations.EnsureAsync)),
    ];

    public static CliCommand? Find(string name) =>
        All.FirstOrDefault(command => string.Equals(command.Name, name, StringComparison.OrdinalIgnoreCase));

    // Several --app-id values behave like several objects piped into the cmdlet.
    private static async Task ForEachAppId(
        CliInvocation invocation,
        Func<AcsTeamsAdminConnection, AppId, Engine.Operations.OperationContext, Task<ServicePrincipalInfo?>> operation)
    {
        // Every value is parsed before signing in: bad input fails without a network call.
        var given = invocation.Arguments.Values("app-id");
        var appIds = given.Count == 0 ? [AppId.AcsFirstParty] : given.Select(value => AppId.Parse(value)).ToArray();
        var connection = await invocation.ConnectAsync().ConfigureAwait(false);
        foreach (var appId in appIds)
        {
            if (await operation(connection, appId, invocation.Context).ConfigureAwait(false) is { } principal)
            {
                invocation.Write(principal);
            }
        }
    }
}
