using System.Reflection;
using System.Text.RegularExpressions;
using AcsTeamsAdmin.Cli.Commands;
using AcsTeamsAdmin.Cli.Hosting;
using AcsTeamsAdmin.Cli.Output;
using AcsTeamsAdmin.Cli.Parsing;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Failures;
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

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
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
            var signIn = command.Connects ? ConnectionOptions.Parameters : [];
            RejectUnknownOptions(parsed, [.. command.Parameters.Select(p => p.Key), .. signIn.Select(p => p.Key), .. OutputSwitches, "output"]);
            var missing = command.Parameters.Where(p => p.Required && !parsed.Has(p.Key)).Select(p => p.Option).ToArray();
            if (missing.Length > 0)
            {
                throw ParsedArguments.Usage($"{string.Join(", ", missing)}: required by {command.Name}.");
            }

            if (parsed.Positional.Count > 0)
            {
                // Named by position, never echoed: a value in the wrong slot is often a secret.
                throw ParsedArguments.Usage($"argument {parsed.PositionalIndex(0)} is not an option: {command.Name} takes options only (--name value).");
            }

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

    private static async Task<int> RunCommandAsync(CliCommand command, ParsedArguments parsed, TextWriter stdout, TextWriter stderr, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var format = ParseOutputFormat(parsed.Value("output"));
        var host = new CliOperationHost(stderr, parsed.Flag("what-if"), parsed.Flag("verbose"), parsed.Flag("debug"), showProgress: !Console.IsErrorRedirected);
        var context = new OperationContext(host, host, host, cancellationToken);

        // One command is one step: the session's handlers and credential log to it while it runs.
        using var scope = context.Enter();

        // The sign-in options are read now, so a malformed one fails before the command does anything.
        // Offline commands never sign in: any attempt to is a bug, not a sign-in with defaults.
        var request = command.Connects ? ConnectionOptions.ToRequest(parsed, environment) : null;

        // JSON goes out as each object comes; a table needs them all for its widths. Either way, what a command wrote
        // reaches stdout even when it is interrupted or fails half-way: that is the record of what it did.
        using var json = format == OutputFormat.Json ? JsonOutput.Stream(stdout) : null;
        var table = new List<object>();
        var invocation = new CliInvocation(parsed, context,
            () => request is null ? throw new InvalidOperationException($"{command.Name} is marked offline but tried to sign in.") : Connector.ConnectAsync(request, context),
            value => { if (json is null) { table.Add(value); } else { json.Add(value); } }, error => stderr.WriteLine(OneLine(error)))
        {
            Environment = environment,
        };
        try
        {
            await command.RunAsync(invocation).ConfigureAwait(false);
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

    private static bool IsSwitch(string name) =>
        OutputSwitches.Contains(name, StringComparer.OrdinalIgnoreCase)
        || ConnectionOptions.Parameters.Concat(CommandCatalog.All.SelectMany(command => command.Parameters))
            .Any(parameter => parameter.Kind == CliValueKind.Switch && string.Equals(parameter.Key, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// One line for stderr: error id, message and fix, and the service's request id for support.
    /// The engine speaks PowerShell (-AppId); here the same parameter is --app-id.
    /// </summary>
    internal static string OneLine(AcsTeamsAdminException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var text = PowerShellParameter().Replace(error.MessageWithFix, match =>
            KnownParameters.Contains(match.Groups["name"].Value) ? Kebab.Option(match.Groups["name"].Value) : match.Value);
        var requestId = error.RequestId is null ? string.Empty : $" (request id {error.RequestId})";
        return $"acsteams: error {error.ErrorId}: {text}{requestId}".ReplaceLineEndings(" ");
    }

    private static readonly HashSet<string> KnownParameters = new(
        ConnectionOptions.Parameters.Concat(CommandCatalog.All.SelectMany(command => command.Parameters)).Select(parameter => parameter.Name),
        StringComparer.Ordinal);

    private static string Version =>
        typeof(CliApplication).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    // "-AppId:" or "-CertificateThumbprint and" at a word start: a PowerShell parameter name.
    [GeneratedRegex(@"(?<=^|[\s(])-(?<name>[A-Z][A-Za-z]+)(?=[:\s,.)]|$)")]
    private static partial Regex PowerShellParameter();
}
