using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.ServicePrincipals;

namespace AcsTeamsAdmin.Cli.Commands;

/// <summary>Get-/New-AcsTeamsServicePrincipal.</summary>
internal static class ServicePrincipalCommands
{
    public static IReadOnlyList<CliHandler> All { get; } =
    [
        CliHandler.Connected("Get-AcsTeamsServicePrincipal", args => ForEachAppId(args, ServicePrincipalOperations.GetAsync)),
        CliHandler.Connected("New-AcsTeamsServicePrincipal", args => ForEachAppId(args, ServicePrincipalOperations.EnsureAsync)),
    ];

    // Several --app-id values behave like several objects piped into the cmdlet.
    private static CommandRun ForEachAppId(
        CommandArguments args,
        Func<AcsTeamsAdminConnection, AppId, OperationContext, Task<ServicePrincipalInfo?>> operation)
    {
        var given = args.List("AppId");
        AppId[] appIds = given.Count == 0 ? [AppId.AcsFirstParty] : given.Select(value => AppId.Parse(value)).ToArray();
        return async invocation =>
        {
            var connection = await invocation.ConnectAsync().ConfigureAwait(false);
            await invocation.ForEachAsync(appIds, async appId =>
            {
                if (await operation(connection, appId, invocation.Context).ConfigureAwait(false) is { } principal)
                {
                    invocation.Write(principal);
                }
            }).ConfigureAwait(false);
        };
    }
}
