using AcsTeamsAdmin.Cli;

namespace AcsTeamsAdmin.Tests.Support;

/// <summary>Runs acsteams in process and captures what it printed.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<CliRun> Invoke(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApplication.RunAsync(args, stdout, stderr, name => environment?.GetValueOrDefault(name), CancellationToken.None);
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    public static Task<CliRun> Invoke(params string[] args) => Invoke(null, args);
}
