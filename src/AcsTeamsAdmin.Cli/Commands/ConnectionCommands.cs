namespace AcsTeamsAdmin.Cli.Commands;

/// <summary>Connect-, Disconnect-AcsTeamsAdmin and Get-AcsTeamsAdminContext. Their sign-in options are global (<see cref="ConnectionOptions"/>).</summary>
internal static class ConnectionCommands
{
    public static IReadOnlyList<CliCommand> All { get; } =
    [
        new("Connect-AcsTeamsAdmin", "Sign in (with the connection options) and show the connection.", [],
            async invocation => invocation.Write((await invocation.ConnectAsync().ConfigureAwait(false)).Info)),
        new("Disconnect-AcsTeamsAdmin", "Nothing to do: each acsteams run signs in on its own and keeps no session.", [],
            invocation =>
            {
                invocation.Context.Log.Verbose("acsteams keeps no session between runs; there is nothing to disconnect.");
                return Task.CompletedTask;
            }) { Connects = false },
        new("Get-AcsTeamsAdminContext", "Sign in and show the connection: tenant, account, sign-in mode, Graph permissions.", [],
            async invocation => invocation.Write((await invocation.ConnectAsync().ConfigureAwait(false)).Info)),
    ];
}
