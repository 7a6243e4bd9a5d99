using System.Globalization;
using AcsTeamsAdmin.Engine.Operations;

namespace AcsTeamsAdmin.Cli.Hosting;

/// <summary>
/// The engine's seams on a command line: --what-if answers "no" and says what would have happened
/// (as PowerShell's -WhatIf does), warnings always go to stderr, verbose and debug only when asked,
/// progress only to an interactive terminal.
/// </summary>
internal sealed class CliOperationHost(TextWriter stdout, TextWriter stderr, bool whatIf, bool verbose, bool debug, bool showProgress)
    : IChangeApproval, IProgressReporter, IOperationLog
{
    private readonly object _gate = new();

    public int DeclinedChanges { get; private set; }

    public bool ShouldChange(string target, string action)
    {
        if (!whatIf)
        {
            return true;
        }

        lock (_gate)
        {
            DeclinedChanges++;
            stdout.WriteLine($"What if: Performing the operation \"{action}\" on target \"{target}\".");
        }

        return false;
    }

    public void Report(OperationProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (showProgress)
        {
            var percent = progress.PercentComplete >= 0 ? string.Create(CultureInfo.InvariantCulture, $" {progress.PercentComplete}%") : string.Empty;
            Write(progress.Completed ? $"{progress.Activity}: done" : $"{progress.Activity}: {progress.Status}{percent}");
        }
    }

    public void Verbose(string message)
    {
        if (verbose)
        {
            Write("VERBOSE: " + message);
        }
    }

    public void Debug(string message)
    {
        if (debug)
        {
            Write("DEBUG: " + message);
        }
    }

    public void Warning(string message) => Write("WARNING: " + message);

    private void Write(string line)
    {
        lock (_gate)
        {
            stderr.WriteLine(line);
        }
    }
}
