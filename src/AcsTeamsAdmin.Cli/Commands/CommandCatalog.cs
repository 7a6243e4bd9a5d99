namespace AcsTeamsAdmin.Cli.Commands;

/// <summary>
/// Every command, one per cmdlet, with the cmdlet's parameter names; each area keeps its commands
/// in a file of its own. A test compares this list with the compiled cmdlets so the two
/// vocabularies cannot drift apart.
/// </summary>
internal static class CommandCatalog
{
    public static IReadOnlyList<CliCommand> All { get; } =
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

    public static CliCommand? Find(string name) =>
        All.FirstOrDefault(command => string.Equals(command.Name, name, StringComparison.OrdinalIgnoreCase));
}
