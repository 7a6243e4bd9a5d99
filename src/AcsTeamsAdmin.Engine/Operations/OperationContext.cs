namespace AcsTeamsAdmin.Engine.Operations;

/// <summary>
/// What every engine operation receives from its front end: the approval gate, the progress and
/// log sinks, and the cancellation token (Ctrl+C in a cmdlet is StopProcessing).
/// </summary>
public sealed class OperationContext
{
    public OperationContext(IChangeApproval approval, IProgressReporter progress, IOperationLog log, CancellationToken cancellationToken)
    {
        Approval = approval ?? throw new ArgumentNullException(nameof(approval));
        Progress = progress ?? throw new ArgumentNullException(nameof(progress));
        Log = log ?? throw new ArgumentNullException(nameof(log));
        CancellationToken = cancellationToken;
    }

    public IChangeApproval Approval { get; }

    public IProgressReporter Progress { get; }

    public IOperationLog Log { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>No prompts, no output: every change is approved. For runbooks, tests and internal calls.</summary>
    public static OperationContext Unattended(CancellationToken cancellationToken = default) =>
        new(SilentHost.Instance, SilentHost.Instance, SilentHost.Instance, cancellationToken);

    /// <summary>The same sinks with a different approval gate (e.g. a what-if planner).</summary>
    public OperationContext WithApproval(IChangeApproval approval) => new(approval, Progress, Log, CancellationToken);

    private sealed class SilentHost : IChangeApproval, IProgressReporter, IOperationLog
    {
        public static readonly SilentHost Instance = new();

        public bool ShouldChange(string target, string action) => true;

        public void Report(OperationProgress progress)
        {
        }

        public void Verbose(string message)
        {
        }

        public void Debug(string message)
        {
        }

        public void Warning(string message)
        {
        }
    }
}
