namespace AcsTeamsAdmin.Engine.Operations;

/// <summary>
/// What every engine operation receives from its front end: the approval gate, the progress and
/// log sinks, and the cancellation token (Ctrl+C in a cmdlet is StopProcessing).
/// </summary>
/// <remarks>
/// A context lives for one step of one command: in PowerShell, one Begin/Process/End block of one
/// cmdlet, whose writer is gone when the block ends. Objects that outlive a step (the session's Graph
/// client and its HTTP handlers, its credential, an ACS client) therefore never hold a context: they
/// read <see cref="Current"/> when they need to log or prompt, and the front end runs each step's work
/// inside <see cref="Enter"/>. The context then flows with the async calls (AsyncLocal), including
/// into every HttpClient handler and Azure.Core policy, and is gone when the step's work is.
/// </remarks>
public sealed class OperationContext
{
    private static readonly AsyncLocal<OperationContext?> CurrentContext = new();

    private static readonly OperationContext Silent = Unattended();

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

    /// <summary>The context of the step this async flow runs in; outside any step, a silent one.</summary>
    public static OperationContext Current => CurrentContext.Value ?? Silent;

    /// <summary>
    /// Makes this the <see cref="Current"/> context of the calling async flow (and of the tasks it starts)
    /// until the returned scope is disposed.
    /// </summary>
    public IDisposable Enter()
    {
        var scope = new Scope(CurrentContext.Value);
        CurrentContext.Value = this;
        return scope;
    }

    /// <summary>No prompts, no output: every change is approved. For runbooks, tests and internal calls.</summary>
    public static OperationContext Unattended(CancellationToken cancellationToken = default) =>
        new(SilentHost.Instance, SilentHost.Instance, SilentHost.Instance, cancellationToken);

    /// <summary>The same sinks with a different approval gate (e.g. a what-if planner).</summary>
    public OperationContext WithApproval(IChangeApproval approval) => new(approval, Progress, Log, CancellationToken);

    /// <summary>The same gate, progress and cancellation with a different log (e.g. a buffer for worker tasks).</summary>
    public OperationContext WithLog(IOperationLog log) => new(Approval, Progress, log, CancellationToken);

    private sealed class Scope(OperationContext? previous) : IDisposable
    {
        public void Dispose() => CurrentContext.Value = previous;
    }

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
