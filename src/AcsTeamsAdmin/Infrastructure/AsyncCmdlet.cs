using System.Management.Automation;
using System.Management.Automation.Runspaces;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Http;

namespace AcsTeamsAdmin.Infrastructure;

/// <summary>
/// Runs a cmdlet's engine work off the pipeline thread. Each Begin/Process/End block gets a
/// <see cref="PipelineStep"/> of its own, passed to the block's *Async method and entered as the engine's
/// current context for that work; everything PowerShell insists on receiving from the pipeline thread
/// (output, errors, verbose, progress, ShouldProcess) goes back to it through the step. Ctrl+C
/// (StopProcessing) cancels the work's token, so HTTP calls stop at once, and ends the step.
/// Engine failures become ErrorRecords with the engine's error id, category, target and fix: terminating
/// in Begin and End, which check what applies to the whole call, and for sign-in failures; non-terminating
/// in Process, so the next pipeline record goes on (see about_AcsTeamsAdmin, Errors).
/// </summary>
public abstract class AsyncCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private bool _disposed;

    /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
    protected CancellationToken CancelToken => _cancel.Token;

    /// <summary>The runspace this cmdlet runs in, captured on the pipeline thread (it is thread-static there).</summary>
    protected internal Runspace? PipelineRunspace { get; private set; }

    protected sealed override void BeginProcessing()
    {
        PipelineRunspace = Runspace.DefaultRunspace;
        if (ProductInfo.FrontEnd is null && SessionState.PSVariable.GetValue("PSVersionTable") is System.Collections.IDictionary table)
        {
            // Every request's User-Agent names PowerShell's version after the module's.
            ProductInfo.SetFrontEnd("PowerShell", table["PSVersion"]?.ToString() ?? "unknown");
        }

        RunStep(BeginProcessingAsync, terminating: true);
    }

    protected sealed override void ProcessRecord() => RunStep(ProcessRecordAsync, terminating: false);

    protected sealed override void EndProcessing() => RunStep(EndProcessingAsync, terminating: true);

    protected override void StopProcessing() => _cancel.Cancel();

    protected virtual Task BeginProcessingAsync(PipelineStep pipeline) => Task.CompletedTask;

    protected virtual Task ProcessRecordAsync(PipelineStep pipeline) => Task.CompletedTask;

    protected virtual Task EndProcessingAsync(PipelineStep pipeline) => Task.CompletedTask;

    /// <summary>
    /// After a stop (Ctrl+C, or a downstream Select-Object -First): what the user must know about work the stop cut
    /// short, written as a warning to the host. <paramref name="leftovers"/>: what the work handed over that may not
    /// have reached the pipeline.
    /// </summary>
    protected virtual string? StoppedSummary(StepLeftovers leftovers) => null;

    private void RunStep(Func<PipelineStep, Task> work, bool terminating)
    {
        using var step = new PipelineStep(this, CancelToken);
        using var stop = CancelToken.Register(step.Complete);
        var worker = Task.Run(async () =>
        {
            using var scope = step.Context.Enter();
            try
            {
                await work(step).ConfigureAwait(false);
            }
            finally
            {
                step.Complete();
            }
        });

        // The pipeline thread serves the work's requests until the work is done or stopped.
        try
        {
            step.Serve();
        }
        catch
        {
            // A write threw: the pipeline is stopping (often before StopProcessing has run) or a downstream command
            // failed. The work is stopped, and what it had done is still told.
            StopWork(worker);
            ReportStop(step);
            throw;
        }

        if (_cancel.IsCancellationRequested)
        {
            // Stopped (Ctrl+C): however the work ends now (cancelled, or a failure the stop caused, such as a request
            // cut off in EndProcessing, which would otherwise be a terminating error), nothing more reaches the
            // pipeline, and what it had done is still told.
            StopWork(worker);
            ReportStop(step);
            throw new PipelineStoppedException();
        }

        try
        {
            worker.GetAwaiter().GetResult();
        }
        catch (AcsTeamsAdminException error) when (terminating || error.FailsEveryInput)
        {
            ThrowTerminatingError(ErrorRecordFactory.Create(error));
        }
        catch (AcsTeamsAdminException error)
        {
            WriteError(ErrorRecordFactory.Create(error));
        }
        catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
        {
            // The pipeline is stopping, so nothing more can be written to it.
            ReportStop(step);
            throw new PipelineStoppedException();
        }
        catch (RuntimeException error) when (error is not PipelineStoppedException)
        {
            // PowerShell's own failures, raised on the pipeline thread for the work (a -Confirm prompt a host without a
            // UI cannot show): PowerShell's error, as PowerShell reports it, not a bug of ours.
            // The record of a RuntimeException holds a stand-in for it (ParentContainsErrorRecordException): put it back.
            ThrowTerminatingError(new ErrorRecord(error.ErrorRecord, error));
        }
        catch (Exception error) when (error is not (PipelineStoppedException or OutOfMemoryException or AcsTeamsAdminException))
        {
            // A failure the engine did not anticipate: a bug of ours. Report it as one, with the
            // exception kept for Get-Error, rather than let PowerShell print a raw exception.
            ThrowTerminatingError(ErrorRecordFactory.Unexpected(error));
        }
    }

    // What the user must still learn after a stop (what a stopped bulk run created) goes straight to the host.
    private void ReportStop(PipelineStep step)
    {
        if (StoppedSummary(step.TakeLeftovers()) is { } summary)
        {
            Host?.UI?.WriteWarningLine(summary);
        }
    }

    // A write threw on the pipeline thread (a downstream Select-Object -First stops the pipeline with an
    // exception from WriteObject): stop the work and let it end before PowerShell unwinds this cmdlet.
    private void StopWork(Task worker)
    {
        _cancel.Cancel();
        try
        {
            worker.Wait(TimeSpan.FromSeconds(30));
        }
        catch (AggregateException)
        {
            // The work's own failure (most likely its cancellation) says nothing more than the exception unwinding.
        }
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
