using AcsTeamsAdmin.Cli.Commands;
using AcsTeamsAdmin.Cli.Hosting;

namespace AcsTeamsAdmin.Cli.Output;

/// <summary>
/// `acsteams help [command]`: everything comes from the command table, which is generated from the cmdlets and
/// their docs pages, so the help cannot describe a parameter the cmdlet does not have, or miss one it has.
/// </summary>
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
        writer.WriteLine($"  {CliApplication.CommandLineText(command.Description.Synopsis)}");
        if (command.Handler.ExitCodeOne is { } exitCodeOne)
        {
            writer.WriteLine($"  Exit code 1 {exitCodeOne}.");
        }

        writer.WriteLine("  The same as the cmdlet of this name; see docs/en-US/" + command.Name + ".md.");
        WriteOptions(writer, "Options", command.Parameters);
        WriteOptions(writer, "Sign-in (as Connect-AcsTeamsAdmin)", command.SignInOptions);

        WriteCommonOptions(writer, command.Description.SupportsShouldProcess);
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
            writer.WriteLine($"  {command.Name.PadRight(width)}  {CliApplication.CommandLineText(command.Description.Synopsis)}");
        }

        writer.WriteLine($"  {SandboxCommand.Name.PadRight(width)}  " +
            "Serve the emulator on 127.0.0.1 [--port N] [--state FILE]; first stdout line: its JSON description.");
        writer.WriteLine();
        writer.WriteLine("Run 'acsteams help <command>' for a command's options. Try: acsteams New-AcsTeamsServicePrincipal --sandbox");
        writer.WriteLine("A list option takes several values comma-separated or by repeating it (--app-id A --app-id B).");
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
            writer.WriteLine($"  {Syntax(parameter).PadRight(width)}  {Describe(parameter)}");
        }
    }

    private static string Describe(CliParameter parameter)
    {
        var notes = new List<string>();
        if (parameter.Required)
        {
            notes.Add("required");
        }

        if (parameter.AcceptedValues.Count > 0 && parameter.Kind != CliValueKind.Switch)
        {
            notes.Add("one of: " + string.Join(", ", parameter.AcceptedValues));
        }

        if (parameter.DefaultValue is { } defaultValue)
        {
            notes.Add("default: " + defaultValue);
        }

        if (SecretVariables.For(parameter.Name) is { } variable)
        {
            notes.Add($"or set {variable}");
        }

        if (parameter.Aliases.Count > 0)
        {
            notes.Add("also " + string.Join(", ", parameter.Aliases.Select(Parsing.Kebab.Option)));
        }

        var help = CliApplication.CommandLineText(parameter.Help);
        return notes.Count == 0 ? help : $"{help} ({string.Join("; ", notes)})";
    }

    private static void WriteCommonOptions(TextWriter writer, bool supportsWhatIf)
    {
        writer.WriteLine();
        writer.WriteLine("Common:");
        writer.WriteLine("  --output table|json  Readable table (default), or the output objects as a JSON array.");
        if (supportsWhatIf)
        {
            writer.WriteLine("  --what-if            Say what would change, change nothing.");
        }

        writer.WriteLine("  --verbose, --debug   More detail on stderr (never tokens or secrets).");
    }

    private static string Syntax(CliParameter parameter) => parameter.Kind switch
    {
        CliValueKind.Switch => parameter.Option,
        CliValueKind.List => parameter.Option + " VALUE[,VALUE...]",
        _ => parameter.Option + " VALUE",
    };
}
