using System.Collections.Concurrent;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Operations;

namespace AcsTeamsAdmin.Infrastructure;

/// <summary>
/// Runs a cmdlet's engine work off the pipeline thread, and brings everything PowerShell insists on
/// receiving from the pipeline thread (output, errors, verbose, progress, ShouldProcess) back to it
/// through a queue. Ctrl+C (StopProcessing) cancels the work's token, so HTTP calls stop at once.
/// Engine failures become ErrorRecords with the engine's error id, category, target and fix.
/// </summary>
public abstract class AsyncCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private BlockingCollection<Action>? _pipelineWork;
    private int _pipelineThreadId = Environment.CurrentManagedThreadId;
    private bool _disposed;

    /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
    protected CancellationToken CancelToken => _cancel.Token;

    /// <summary>The runspace this cmdlet runs in, captured on the pipeline thread (it is thread-static there).</summary>
    protected Runspace? PipelineRunspace { get; private set; }

    protected sealed override void BeginProcessing()
    {
        PipelineRunspace = Runspace.DefaultRunspace;
        RunOnWorker(BeginProcessingAsync, terminating: true);
    }

    // A failure for one pipeline input is reported and the next input goes on, as PowerShell users expect.
    protected sealed override void ProcessRecord() => RunOnWorker(ProcessRecordAsync, terminating: false);

    protected sealed override void EndProcessing() => RunOnWorker(EndProcessingAsync, terminating: true);

    protected override void StopProcessing() => _cancel.Cancel();

    protected virtual Task BeginProcessingAsync() => Task.CompletedTask;

    protected virtual Task ProcessRecordAsync() => Task.CompletedTask;

    protected virtual Task EndProcessingAsync() => Task.CompletedTask;

    /// <summary>The engine's view of this cmdlet: ShouldProcess, Write-Progress and the log streams.</summary>
    protected OperationContext CreateOperationContext()
    {
        var host = new CmdletOperationHost(this);
        return new OperationContext(host, host, host, CancelToken);
    }

    // Callable from any thread: each waits for, or queues, work on the pipeline thread.
    // Every app an output names is remembered for Tab on -AppId/-ApplicationId/-ClientId (AppIdCompleter).
    internal void PostObject(object? value, bool enumerate = false)
    {
        if (PipelineRunspace is { } runspace)
        {
            RecentAppStore.For(runspace).RememberFrom(value);
        }

        Post(() => WriteObject(value, enumerate));
    }

    internal void PostVerbose(string message) => Post(() => WriteVerbose(message));

    internal void PostDebug(string message) => Post(() => WriteDebug(message));

    internal void PostWarning(string message) => Post(() => WriteWarning(message));

    internal void PostProgress(ProgressRecord record) => Post(() => WriteProgress(record));

    internal void PostError(ErrorRecord record) => Post(() => WriteError(record));

    internal bool AskShouldProcess(string target, string action) => Invoke(() => ShouldProcess(target, action));

    /// <summary>Runs <paramref name="function"/> on the pipeline thread and waits: for session state and PSObjects, which belong to it.</summary>
    internal T OnPipelineThread<T>(Func<T> function) => Invoke(function);

    private void RunOnWorker(Func<Task> work, bool terminating)
    {
        _pipelineThreadId = Environment.CurrentManagedThreadId;
        using var queue = new BlockingCollection<Action>();
        _pipelineWork = queue;
        var worker = Task.Run(async () =>
        {
            try
            {
                await work().ConfigureAwait(false);
            }
            finally
            {
                queue.CompleteAdding();
            }
        });

        // The pipeline thread serves the worker's requests until the worker is done.
        foreach (var action in queue.GetConsumingEnumerable())
        {
            action();
        }

        _pipelineWork = null;
        try
        {
            worker.GetAwaiter().GetResult();
        }
        catch (AcsTeamsAdminException error) when (terminating)
        {
            ThrowTerminatingError(ErrorRecordFactory.Create(error));
        }
        catch (AcsTeamsAdminException error)
        {
            WriteError(ErrorRecordFactory.Create(error));
        }
        catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        catch (Exception error) when (error is not (PipelineStoppedException or OutOfMemoryException or AcsTeamsAdminException))
        {
            // A failure the engine did not anticipate: a bug of ours. Report it as one, with the
            // exception kept for Get-Error, rather than let PowerShell print a raw exception.
            ThrowTerminatingError(ErrorRecordFactory.Unexpected(error));
        }
    }

    private void Post(Action action)
    {
        var queue = _pipelineWork;
        if (queue is null || queue.IsAddingCompleted)
        {
            // Outside RunOnWorker only the pipeline thread may write (e.g. from a parameter transform). Work
            // still running after its record finished would write from another thread, which PowerShell
            // forbids: fail loudly here rather than corrupt the pipeline.
            if (Environment.CurrentManagedThreadId != _pipelineThreadId)
            {
                throw new InvalidOperationException("A background task tried to write after its pipeline step had finished.");
            }

            action();
            return;
        }

        queue.Add(action, CancelToken);
    }

    private T Invoke<T>(Func<T> function)
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
        });
        return answer.Task.WaitAsync(CancelToken).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!_disposed && disposing)
        {
            _cancel.Dispose();
        }

        _disposed = true;
    }
}
