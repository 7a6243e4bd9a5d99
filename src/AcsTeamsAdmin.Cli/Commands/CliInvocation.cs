using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Operations;

namespace AcsTeamsAdmin.Cli.Commands;

/// <summary>What a running command has: the engine context, the connection (made on first use) and its output.</summary>
internal sealed class CliInvocation(
    OperationContext context,
    Func<Task<AcsTeamsAdminConnection>> connect,
    Action<object> output,
    Action<AcsTeamsAdminException> reportError)
{
    private AcsTeamsAdminConnection? _connection;

    public OperationContext Context { get; } = context;

    /// <summary>The connection the command signed in with, if it needed one.</summary>
    public AcsTeamsAdminConnection? ConnectionIfMade => _connection;

    public async Task<AcsTeamsAdminConnection> ConnectAsync() => _connection ??= await connect().ConfigureAwait(false);

    public void Write(object value) => output(value);

    /// <summary>True once an item of a multi-value run failed (the run goes on, as a pipeline does, and exits 1).</summary>
    public bool AnyItemFailed { get; private set; }

    /// <summary>Makes the run exit 1 without an error line: for checks whose answer is "no", so a CI step can gate on them.</summary>
    public void FailWithoutError() => AnyItemFailed = true;

    /// <summary>Reports one failed item of a multi-item run (a line on stderr) and lets the run go on; it exits 1.</summary>
    public void ReportItemFailure(AcsTeamsAdminException error)
    {
        AnyItemFailed = true;
        reportError(error);
    }

    /// <summary>
    /// Runs the operation for each input value like a cmdlet's ProcessRecord over piped input: a
    /// failure of one value is reported and the next value still runs.
    /// </summary>
    public async Task ForEachAsync<T>(IReadOnlyList<T> items, Func<T, Task> operation)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(operation);
        foreach (var item in items)
        {
            try
            {
                await operation(item).ConfigureAwait(false);
            }
            catch (AcsTeamsAdminException error) when (items.Count > 1 && !error.FailsEveryInput)
            {
                AnyItemFailed = true;
                reportError(error);
            }
        }
    }
}
