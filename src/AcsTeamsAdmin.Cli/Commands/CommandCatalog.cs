namespace AcsTeamsAdmin.Cli.Commands;

/// <summary>What a handler returns once every option is read and checked: the work, which may sign in and call out.</summary>
internal delegate Task CommandRun(CliInvocation invocation);

/// <summary>
/// How acsteams runs one cmdlet: <paramref name="Prepare"/> reads and checks the options (no network, no
/// files written), then the run does the work. <paramref name="SignsIn"/>: the command takes
/// Connect-AcsTeamsAdmin's parameters as its sign-in options.
/// </summary>
internal sealed record CliHandler(string Name, bool SignsIn, Func<CommandArguments, CommandRun> Prepare)
{
    /// <summary>For a check whose "no" is an answer, not an error: when it exits 1, for `acsteams help`.</summary>
    public string? ExitCodeOne { get; init; }

    public static CliHandler Connected(string name, Func<CommandArguments, CommandRun> prepare) => new(name, SignsIn: true, prepare);

    /// <summary>A command that never signs in: its --client-id or --tenant-id, if any, are its own.</summary>
    public static CliHandler Offline(string name, Func<CommandArguments, CommandRun> prepare) => new(name, SignsIn: false, prepare);
}

/// <summary>A cmdlet (its generated description) and the handler that runs it.</summary>
internal sealed record CliCommand(CommandDescription Description, CliHandler Handler)
{
    public string Name => Description.Name;

    /// <summary>
    /// The command's own parameters. For a command that signs in, the sign-in options are listed apart, and a sign-in
    /// option's name is the sign-in's: Test-AcsTeamsReadiness's -AppId answers to -ClientId in PowerShell, but
    /// --client-id there is the app that signs in.
    /// </summary>
    public IReadOnlyList<CliParameter> Parameters =>
        Handler.SignsIn
            ? Description.Parameters.Where(parameter => !CommandCatalog.IsSignInOption(parameter.Name))
                .Select(parameter => parameter with { Aliases = parameter.Aliases.Where(alias => !CommandCatalog.IsSignInOption(alias)).ToArray() })
                .ToArray()
            : Description.Parameters;

    /// <summary>
    /// The sign-in options this command takes. An alias of a sign-in option that is also one of the command's own
    /// names is the command's: Connect-AcsTeamsAdmin's -ClientId answers to -AppId, but --app-id on
    /// Initialize-AcsTeams is the app to set up.
    /// </summary>
    public IReadOnlyList<CliParameter> SignInOptions
    {
        get
        {
            if (!Handler.SignsIn)
            {
                return [];
            }

            var own = Parameters.SelectMany(parameter => parameter.Keys).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return CommandCatalog.SignInOptions
                .Select(option => option with { Aliases = option.Aliases.Where(alias => !own.Contains(Parsing.Kebab.FromPascal(alias))).ToArray() })
                .ToArray();
        }
    }
}

/// <summary>
/// Every command: the module's cmdlets (<see cref="CommandTable"/>, generated) joined with their handlers, one
/// file per area. A cmdlet without a handler, or a handler without a cmdlet, fails the CLI's tests.
/// </summary>
internal static class CommandCatalog
{
    public static IReadOnlyList<CliHandler> Handlers { get; } =
    [
        .. ConnectionCommands.All,
        .. ServicePrincipalCommands.All,
        .. ConsentCommands.All,
        .. TeamsCommands.All,
        .. ApplicationCommands.All,
        .. AcsIdentityCommands.All,
        .. AcsTokenCommands.All,
        .. ReadinessCommands.All,
        .. ResourceCommands.All,
    ];

    public static IReadOnlyList<CliCommand> All { get; } =
        CommandTable.All.Join(
            Handlers,
            description => description.Name,
            handler => handler.Name,
            (description, handler) => new CliCommand(description, handler),
            StringComparer.OrdinalIgnoreCase).ToArray();

    /// <summary>Connect-AcsTeamsAdmin's parameters: the options every command that signs in takes.</summary>
    public static IReadOnlyList<CliParameter> SignInOptions { get; } = CommandTable.Get("Connect-AcsTeamsAdmin").Parameters;

    public static bool IsSignInOption(string name) => SignInOptions.Any(option => option.Name == name);

    public static CliCommand? Find(string name) =>
        All.FirstOrDefault(command => string.Equals(command.Name, name, StringComparison.OrdinalIgnoreCase));
}
