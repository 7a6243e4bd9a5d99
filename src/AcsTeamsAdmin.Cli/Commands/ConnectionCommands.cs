namespace AcsTeamsAdmin.Cli.Commands;

/// <summary>Connect-, Disconnect-AcsTeamsAdmin and Get-AcsTeamsAdminContext. Their sign-in options are global (<see cref="ConnectionOptions"/>).</summary>
internal static class ConnectionCommands
{
    public static IReadOnlyList<CliHandler> All { get; } =
    [
        CliHandler.Connected("Connect-AcsTeamsAdmin", _ => ShowConnectionAsync),
        CliHandler.Offline("Disconnect-AcsTeamsAdmin", _ => invocation =>
        {
            invocation.Context.Log.Verbose("acsteams keeps no session between runs; there is nothing to disconnect.");
            return Task.CompletedTask;
        }),
        CliHandler.Connected("Get-AcsTeamsAdminContext", _ => ShowConnectionAsync),
    ];

    // Each acsteams run signs in on its own: both commands sign in and show the connection.
    private static async Task ShowConnectionAsync(CliInvocation invocation) =>
        invocation.Write((await invocation.ConnectAsync().ConfigureAwait(false)).Info);
}
