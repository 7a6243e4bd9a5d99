namespace AcsTeamsAdmin.Cli.Parsing;

/// <summary>Errors only the command line has: its own usage.</summary>
internal static class CliErrorIds
{
    public const string Usage = "Usage";
    public const string UnknownCommand = "UnknownCommand";
}
