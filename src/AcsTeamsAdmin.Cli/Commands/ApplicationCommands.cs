using AcsTeamsAdmin.Engine.Applications;
using AcsTeamsAdmin.Engine.Failures;

namespace AcsTeamsAdmin.Cli.Commands;

/// <summary>Get-/New-AcsTeamsApplication and Set-AcsVoipPermission.</summary>
internal static class ApplicationCommands
{
    public static IReadOnlyList<CliHandler> All { get; } =
    [
        CliHandler.Connected("Get-AcsTeamsApplication", Get),
        CliHandler.Connected("Set-AcsVoipPermission", Set),
        CliHandler.Connected("New-AcsTeamsApplication", New),
    ];

    private static CommandRun Get(CommandArguments args)
    {
        var ids = args.List("AppId");
        if (args.Text("DisplayName") is not { } name)
        {
            var apps = ids.Count == 0 ? [AppIdOrObjectId.Parse(null)] : ids.Select(value => AppIdOrObjectId.Parse(value)).ToArray();
            return async invocation =>
            {
                var connection = await invocation.ConnectAsync().ConfigureAwait(false);
                await invocation.ForEachAsync(apps, async id =>
                    invocation.Write(await ApplicationOperations.GetAsync(connection, id, invocation.Context).ConfigureAwait(false))).ConfigureAwait(false);
            };
        }

        if (ids.Count > 0)
        {
            throw AcsTeamsAdminException.InvalidInput("DisplayName", name, "cannot be combined with -AppId.",
                "Pass either the app's id or its display name.", ErrorIds.ConflictingParameters);
        }

        var pattern = DisplayNamePattern.Parse(name);
        return async invocation =>
        {
            var connection = await invocation.ConnectAsync().ConfigureAwait(false);
            foreach (var app in await ApplicationOperations.FindAsync(connection, pattern, invocation.Context).ConfigureAwait(false))
            {
                invocation.Write(app);
            }
        };
    }

    private static CommandRun Set(CommandArguments args)
    {
        var ids = args.List("AppId").Select(value => AppIdOrObjectId.Parse(value)).ToArray();
        var settings = AcsApplicationSettings.ForChange(
            args.List("Scope"), args.Switch("IncludeLegacyVoip"), args.Switch("AllowPublicClientFlows"), args.Text("RedirectUri"), args.Switch("MultiTenant"));
        var passThru = args.Switch("PassThru");
        return async invocation =>
        {
            var connection = await invocation.ConnectAsync().ConfigureAwait(false);
            await invocation.ForEachAsync(ids, async id =>
            {
                if (await ApplicationOperations.SetAsync(connection, id, settings, invocation.Context).ConfigureAwait(false) is { } app && passThru)
                {
                    invocation.Write(app);
                }
            }).ConfigureAwait(false);
        };
    }

    private static CommandRun New(CommandArguments args)
    {
        var settings = AcsApplicationSettings.ForNewApplication(
            args.List("Scope"),
            args.Switch("IncludeLegacyVoip"),
            args.Text("RedirectUri"),
            args.Switch("MultiTenant"));
        // A display name may hold a comma ("Contoso, Inc."): several apps come from repeating --display-name.
        var names = args.Each("DisplayName").Select(name => ApplicationOperations.ParseDisplayName(name)).ToArray();
        return async invocation =>
        {
            var connection = await invocation.ConnectAsync().ConfigureAwait(false);
            await invocation.ForEachAsync(names, async name =>
            {
                if (await ApplicationOperations.NewAsync(connection, name, settings, invocation.Context).ConfigureAwait(false) is { } app)
                {
                    invocation.Write(app);
                }
            }).ConfigureAwait(false);
        };
    }
}
