using AcsTeamsAdmin.Cli.Commands;
using AcsTeamsAdmin.Cli.Hosting;

namespace AcsTeamsAdmin.Cli.Output;

/// <summary>`acsteams help [command]`.</summary>
internal static class HelpText
{
    public static void Write(TextWriter writer, string? commandName)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var command = commandName is null ? null : CommandCatalog.Find(commandName);
        if (command is null)
        {
            WriteOverview(writer);
            return;
        }

        writer.WriteLine($"acsteams {command.Name} [options]");
        writer.WriteLine($"  {command.Synopsis}");
        writer.WriteLine("  The same as the cmdlet of this name; see docs/en-US/" + command.Name + ".md.");
        WriteOptions(writer, "Options", command.Parameters);
        if (command.Connects)
        {
            WriteOptions(writer, "Sign-in (as Connect-AcsTeamsAdmin)", ConnectionOptions.Parameters);
        }
        WriteCommonOptions(writer);
    }

    private static void WriteOverview(TextWriter writer)
    {
        writer.WriteLine("acsteams: Azure Communication Services + Microsoft Teams setup, from the command line.");
        writer.WriteLine("Usage: acsteams <command> [options]     (commands are the AcsTeamsAdmin cmdlets' names)");
        writer.WriteLine();
        writer.WriteLine("Commands:");
        var width = CommandCatalog.All.Max(command => command.Name.Length);
        foreach (var command in CommandCatalog.All)
        {
            writer.WriteLine($"  {command.Name.PadRight(width)}  {command.Synopsis}");
        }

        writer.WriteLine($"  {SandboxCommand.Name.PadRight(width)}  Serve the emulator on 127.0.0.1 [--port N] [--state FILE]; first stdout line: its JSON description.");
        writer.WriteLine();
        writer.WriteLine("Run 'acsteams help <command>' for a command's options. Try: acsteams New-AcsTeamsServicePrincipal --sandbox");
    }

    private static void WriteOptions(TextWriter writer, string title, IReadOnlyList<CliParameter> parameters)
    {
        if (parameters.Count == 0)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine(title + ":");
        var width = parameters.Max(parameter => Syntax(parameter).Length);
        foreach (var parameter in parameters)
        {
            writer.WriteLine($"  {Syntax(parameter).PadRight(width)}  {parameter.Help}{(parameter.Required ? " (required)" : string.Empty)}");
        }
    }

    private static void WriteCommonOptions(TextWriter writer)
    {
        writer.WriteLine();
        writer.WriteLine("Common:");
        writer.WriteLine("  --output table|json  Readable table (default), or the output objects as a JSON array.");
        writer.WriteLine("  --what-if            Say what would change, change nothing.");
        writer.WriteLine("  --verbose, --debug   More detail on stderr (never tokens or secrets).");
    }

    private static string Syntax(CliParameter parameter) => parameter.Kind switch
    {
        CliValueKind.Switch => parameter.Option,
        CliValueKind.List => parameter.Option + " VALUE[,VALUE...]",
        _ => parameter.Option + " VALUE",
    };
}
