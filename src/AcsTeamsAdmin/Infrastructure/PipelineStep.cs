using System.Collections.Concurrent;
using System.Management.Automation;
using AcsTeamsAdmin.Engine.Operations;

namespace AcsTeamsAdmin.Infrastructure;

/// <summary>
/// One Begin, Process or End block of an <see cref="AsyncCmdlet"/>: the only way its background work reaches
/// PowerShell. Output, errors, the log streams, progress and ShouldProcess are queued from any thread and
/// carried out on the pipeline thread, which serves the queue until the block's work is done. The step is the
/// engine's <see cref="OperationContext"/> for that block and ends with it: nothing that outlives the block (a
/// connection, its Graph client, a credential) can hold it, and a write that comes after it ended never reaches
/// a later cmdlet. Late log lines and progress are dropped; late output, errors and ShouldProcess throw,
/// because only a bug can cause them.
/// </summary>
public sealed class PipelineStep : IChangeApproval, IProgressReporter, IOperationLog, IDisposable
{
    private readonly AsyncCmdlet _cmdlet;
    private readonly BlockingCollection<Delivery> _queue = new();
    private readonly ConcurrentQueue<Delivery> _refused = new();
    private readonly CancellationToken _cancellationToken;
    private Delivery? _serving;

    internal PipelineStep(AsyncCmdlet cmdlet, CancellationToken cancellationToken)
    {
        _cmdlet = cmdlet;
        _cancellationToken = cancellationToken;
        Context = new OperationContext(this, this, this, cancellationToken);
    }

    /// <summary>This step as the engine sees it: approval, progress, log and cancellation.</summary>
    public OperationContext Context { get; }

    /// <summary>Writes an object to the pipeline; every app it names is remembered for Tab on -AppId (AppIdCompleter).</summary>
    public void WriteObject(object? value, bool enumerate = false)
    {
        if (_cmdlet.PipelineRunspace is { } runspace)
        {
            RecentAppStore.For(runspace).RememberFrom(value);
        }

        Post(new Delivery(() => _cmdlet.WriteObject(value, enumerate), enumerate ? Items(value) : [value], null), essential: true);
    }

    public void WriteError(ErrorRecord record) => Post(new Delivery(() => _cmdlet.WriteError(record), [], record), essential: true);

    /// <summary>Runs <paramref name="function"/> on the pipeline thread and waits: for session state and PSObjects, which belong to it.</summary>
    public T OnPipelineThread<T>(Func<T> function)
    {
        var answer = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() =>
        {
            try
            {
                answer.SetResult(function());
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                answer.SetException(error);
            }
        }, essential: true);
        return answer.Task.WaitAsync(_cancellationToken).GetAwaiter().GetResult();
    }

    bool IChangeApproval.ShouldChange(string target, string action) => OnPipelineThread(() => _cmdlet.ShouldProcess(target, action));

    void IProgressReporter.Report(OperationProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var record = new ProgressRecord(progress.ActivityId, progress.Activity, progress.Status)
        {
            PercentComplete = progress.PercentComplete,
            RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        };
        Post(() => _cmdlet.WriteProgress(record), essential: false);
    }

    void IOperationLog.Verbose(string message) => Post(() => _cmdlet.WriteVerbose(message), essential: false);

    void IOperationLog.Debug(string message) => Post(() => _cmdlet.WriteDebug(message), essential: false);

    void IOperationLog.Warning(string message) => Post(() => _cmdlet.WriteWarning(message), essential: false);

    /// <summary>On the pipeline thread: carries out what the work queues, until <see cref="Complete"/>.</summary>
    internal void Serve()
    {
        foreach (var delivery in _queue.GetConsumingEnumerable())
        {
            _serving = delivery;
            delivery.Run();
            _serving = null;
        }
    }

    /// <summary>
    /// After the pipeline stopped: the output and errors the work handed over that may never have reached it (the
    /// one being written when it stopped, those still queued, and those offered after the step ended). A stopped
    /// bulk run lists them, so nothing it created goes unmentioned.
    /// </summary>
    internal StepLeftovers TakeLeftovers()
    {
        Complete();
        var left = new List<Delivery>();
        if (_serving is { } current)
        {
            left.Add(current);
        }

        while (_queue.TryTake(out var queued))
        {
            left.Add(queued);
        }

        while (_refused.TryDequeue(out var refused))
        {
            left.Add(refused);
        }

        return new StepLeftovers([.. left.SelectMany(delivery => delivery.Output).OfType<object>()], left.Count(delivery => delivery.Error is not null));
    }

    /// <summary>The block's work is done (or stopped): nothing more is accepted.</summary>
    internal void Complete() => _queue.CompleteAdding();

    public void Dispose() => _queue.Dispose();

    private void Post(Action action, bool essential) => Post(new Delivery(action, [], null), essential);

    private void Post(Delivery delivery, bool essential)
    {
        try
        {
            if (!_queue.IsAddingCompleted)
            {
                _queue.Add(delivery);
                return;
            }
        }
        catch (InvalidOperationException)
        {
            // Completed between the check and the add, or disposed since: the same as completed before it.
        }

        if (essential)
        {
            _refused.Enqueue(delivery);
            _cancellationToken.ThrowIfCancellationRequested();
            throw new InvalidOperationException("Background work tried to write output after its pipeline step had finished.");
        }
    }

    private static object?[] Items(object? value) =>
        value is System.Collections.IEnumerable items and not string ? [.. items.Cast<object?>()] : [value];

    /// <summary>One thing for the pipeline thread to do; for output and errors, what it carries.</summary>
    private sealed record Delivery(Action Run, object?[] Output, ErrorRecord? Error);
}

/// <summary>What a stopped step's work handed over that may not have reached the pipeline.</summary>
/// <param name="Output">Objects that may not have been written.</param>
/// <param name="Errors">Errors that were not written.</param>
public sealed record StepLeftovers(IReadOnlyList<object> Output, int Errors);
