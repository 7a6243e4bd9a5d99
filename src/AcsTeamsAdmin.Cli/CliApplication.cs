using System.Text.RegularExpressions;
using AcsTeamsAdmin.Cli.Commands;
using AcsTeamsAdmin.Cli.Hosting;
using AcsTeamsAdmin.Cli.Output;
using AcsTeamsAdmin.Cli.Parsing;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Http;
using AcsTeamsAdmin.Engine.Operations;

namespace AcsTeamsAdmin.Cli;

/// <summary>
/// acsteams: runs one command and returns the exit code. 0 success; 1 the command failed (one line
/// on stderr: the error id, what went wrong, what to do); 2 the command line itself is wrong;
/// 130 interrupted.
/// </summary>
internal static partial class CliApplication
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int UsageError = 2;
    public const int Interrupted = 130;

    private static readonly string[] OutputSwitches = ["verbose", "debug", "what-if", "help"];

    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextWriter stdout,
        TextWriter stderr,
        Func<string, string?> environment,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ProductInfo.SetFrontEnd("acsteams", ProductInfo.Version);
        ParsedArguments? parsed = null;
        try
        {
            parsed = ArgumentParser.Parse(args, IsSwitch);
            if (parsed.Command is null && parsed.Has("version"))
            {
                await stdout.WriteLineAsync(Version).ConfigureAwait(false);
                return Success;
            }

            if (parsed.Command is null || parsed.Command is "help" || parsed.Has("help"))
            {
                HelpText.Write(stdout, parsed.Command is "help" ? (parsed.Positional.Count > 0 ? parsed.Positional[0] : null) : parsed.Command);
                return Success;
            }

            if (parsed.Command is "version")
            {
                await stdout.WriteLineAsync(Version).ConfigureAwait(false);
                return Success;
            }

            if (string.Equals(parsed.Command, SandboxCommand.Name, StringComparison.OrdinalIgnoreCase))
            {
                RejectUnknownOptions(parsed, ["port", "state"]);
                return await SandboxCommand.RunAsync(parsed, stdout, stderr, cancellationToken).ConfigureAwait(false);
            }

            var command = CommandCatalog.Find(parsed.Command)
                ?? throw new AcsTeamsAdminException(CliErrorIds.UnknownCommand, FailureCategory.InvalidArgument,
                    $"'{parsed.Command}' is not an acsteams command.", "Run 'acsteams help' for the list; commands are the cmdlets' names.");
            return await RunCommandAsync(command, parsed, stdout, stderr, environment, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("acsteams: interrupted.").ConfigureAwait(false);
            return Interrupted;
        }
        catch (AcsTeamsAdminException error)
        {
            await stderr.WriteLineAsync(OneLine(error)).ConfigureAwait(false);
            return error.ErrorId is CliErrorIds.Usage or CliErrorIds.UnknownCommand ? UsageError : Failed;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // Never a stack trace by default; --debug shows it for bug reports.
            await stderr.WriteLineAsync($"acsteams: unexpected error ({error.GetType().Name}): {error.Message}").ConfigureAwait(false);
            if (parsed?.Flag("debug") == true)
            {
                await stderr.WriteLineAsync(error.ToString()).ConfigureAwait(false);
            }

            return Failed;
        }
    }

    private static async Task<int> RunCommandAsync(
        CliCommand command,
        ParsedArguments parsed,
        TextWriter stdout,
        TextWriter stderr,
        Func<string, string?> environment,
        CancellationToken cancellationToken)
    {
        // Every option is read and checked before anything signs in or calls out: the command's own, then the
        // sign-in options. One that nothing read would have had no effect, which the user must hear about.
        var arguments = CommandArguments.Bind(command.Name, parsed,
            [.. command.Parameters, .. command.SignInOptions], CommonOptions(command), environment);
        var format = ParseOutputFormat(parsed.Value("output"));
        var run = command.Handler.Prepare(arguments);

        // Offline commands never sign in: any attempt to is a bug, not a sign-in with defaults.
        var request = command.Handler.SignsIn ? ConnectionOptions.ToRequest(arguments) : null;
        if (arguments.Unread is [var unused, ..])
        {
            // Either the other options make it moot (--client-id with --sandbox), or the cmdlet has a parameter
            // acsteams does not pass on yet: never run the command as if it had not been given.
            throw ParsedArguments.Usage($"{unused} has no effect here: the other options given make it moot, or acsteams does not take it yet "
                + $"(the {command.Name} cmdlet does); leave it out.");
        }

        var host = new CliOperationHost(stderr, parsed.Flag("what-if"), parsed.Flag("verbose"), parsed.Flag("debug"), showProgress: !Console.IsErrorRedirected);
        var context = new OperationContext(host, host, host, cancellationToken);

        // One command is one step: the session's handlers and credential log to it while it runs.
        using var scope = context.Enter();

        // JSON goes out as each object comes; a table needs them all for its widths. Either way, what a command wrote
        // reaches stdout even when it is interrupted or fails half-way: that is the record of what it did.
        using var json = format == OutputFormat.Json ? JsonOutput.Stream(stdout, command) : null;
        var table = new List<object>();
        var invocation = new CliInvocation(context,
            () => request is null
                ? throw new InvalidOperationException($"{command.Name} is marked offline but tried to sign in.")
                : Connector.ConnectAsync(request, context),
            value => { if (json is null) { table.Add(value); } else { json.Add(value); } }, error => stderr.WriteLine(OneLine(error)));
        try
        {
            await run(invocation).ConfigureAwait(false);
        }
        finally
        {
            if (table.Count > 0)
            {
                TextOutput.Write(stdout, table, plainTokens: parsed.Flag("as-plain-text"));
            }

            if (invocation.ConnectionIfMade is { } connection)
            {
                connection.SaveSandboxState();
                connection.Dispose();
            }
        }

        return invocation.AnyItemFailed ? Failed : Success;
    }

    private static OutputFormat ParseOutputFormat(string? value) => value?.ToLowerInvariant() switch
    {
        null or "table" => OutputFormat.Table,
        "json" => OutputFormat.Json,
        _ => throw ParsedArguments.Usage($"--output: '{value}' is not an output format; use table or json."),
    };

    private static void RejectUnknownOptions(ParsedArguments parsed, IReadOnlyCollection<string> known)
    {
        var unknown = parsed.OptionNames.Where(name => !known.Contains(name, StringComparer.OrdinalIgnoreCase)).ToArray();
        if (unknown.Length > 0)
        {
            throw ParsedArguments.Usage($"{string.Join(", ", unknown.Select(name => "--" + name))}: not an option of '{parsed.Command}'.");
        }
    }

    /// <summary>The front end's own options: --what-if only where the cmdlet supports -WhatIf.</summary>
    internal static IReadOnlyCollection<string> CommonOptions(CliCommand command) =>
        command.Description.SupportsShouldProcess ? [.. FrontEndOptions, "what-if"] : FrontEndOptions;

    private static readonly string[] FrontEndOptions = ["output", "verbose", "debug", "help"];

    // Switches are known by name before the command is, so `--sandbox New-...` does not take the command as its value.
    private static readonly HashSet<string> Switches = new(
        CommandTable.All.SelectMany(command => command.Parameters).Where(parameter => parameter.Kind == CliValueKind.Switch)
            .SelectMany(parameter => parameter.Keys).Concat(OutputSwitches),
        StringComparer.OrdinalIgnoreCase);

    private static bool IsSwitch(string name) => Switches.Contains(name);

    /// <summary>
    /// One line for stderr: error id, message and fix, and the service's request id for support.
    /// The engine speaks PowerShell (-AppId); here the same parameter is --app-id.
    /// </summary>
    internal static string OneLine(AcsTeamsAdminException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var text = CommandLineText(error.MessageWithFix);
        var requestId = error.RequestId is null ? string.Empty : $" (request id {error.RequestId})";
        return $"acsteams: error {error.ErrorId}: {text}{requestId}".ReplaceLineEndings(" ");
    }

    /// <summary>
    /// Text written for PowerShell (errors, the docs' help) in the command line's words: -AppId becomes --app-id, for this
    /// module's parameters only. After another module's command (New-CsApplicationAccessPolicy -Identity,
    /// Update-MgUserOnlineMeeting -UserId) the names stay as written, to be pasted into PowerShell; after one of this
    /// module's, only that command's options are rewritten. A command's words end at ';', ')' or a sentence's end.
    /// </summary>
    internal static string CommandLineText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        CliCommand? own = null;
        var inCommand = false;
        return PowerShellWords().Replace(text, match =>
        {
            if (match.Groups["command"].Success)
            {
                own = CommandCatalog.Find(match.Value);
                inCommand = true;
                return match.Value;
            }

            if (match.Groups["end"].Success)
            {
                (own, inCommand) = (null, false);
                return match.Value;
            }

            var name = match.Groups["name"].Value;
            var rewrite = !inCommand ? KnownParameters.Contains(name) : own is not null && TakesOption(own, name);
            return rewrite ? Kebab.Option(name) : match.Value;
        });
    }

    private static bool TakesOption(CliCommand command, string name) =>
        command.Parameters.Concat(command.SignInOptions).Any(parameter => parameter.Name == name || parameter.Aliases.Contains(name));

    private static readonly HashSet<string> KnownParameters = new(
        CommandTable.All.SelectMany(command => command.Parameters).Select(parameter => parameter.Name), StringComparer.Ordinal);

    private static string Version => ProductInfo.Version;

    // A command (Verb-Noun, one hyphen: not ACS-Teams-Meetings); the end of its words; or "-AppId:" or
    // "-CertificateThumbprint and" at a word start: a PowerShell parameter name.
    [GeneratedRegex(@"(?<command>(?<![\w-])[A-Z][a-z]+-[A-Z][A-Za-z0-9]*(?![\w-]))|(?<end>[;)]|\.(?=\s|$))"
        + @"|(?<=^|[\s(])-(?<name>[A-Z][A-Za-z]+)(?=[:;\s,.)]|$)")]
    private static partial Regex PowerShellWords();
}
