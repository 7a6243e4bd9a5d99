using System.Collections.Concurrent;

namespace AcsTeamsAdmin.Engine.Operations;

/// <summary>
/// Runs at most <c>limit</c> items at once. <see cref="AddAsync"/> returns as soon as the item has a slot, so a
/// pipeline feeding it waits when the limit is reached (back-pressure instead of 500 requests at once). Finished
/// items are collected, in completion order, until a front end takes them on its own thread: PowerShell accepts
/// output only from the pipeline thread, so work never writes anything itself.
/// </summary>
public sealed class BoundedWorkPool<T> : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentQueue<WorkResult<T>> _finished = new();
    private readonly List<Task> _running = [];
    private readonly CancellationToken _cancellationToken;
    private int _added;

    public BoundedWorkPool(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        _slots = new SemaphoreSlim(limit, limit);
        _cancellationToken = cancellationToken;
        Limit = limit;
    }

    public int Limit { get; }

    /// <summary>Items added so far.</summary>
    public int Added => _added;

    /// <summary>Items running now.</summary>
    public int InFlight => Limit - _slots.CurrentCount;

    /// <summary>Waits for a free slot (or cancellation), then starts the item and returns.</summary>
    public async Task AddAsync(Func<CancellationToken, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _slots.WaitAsync(_cancellationToken).ConfigureAwait(false);
        if (_cancellationToken.IsCancellationRequested)
        {
            // Cancelling also ends the running items, which frees slots: a waiter may win one in that race. Start nothing.
            _slots.Release();
            _cancellationToken.ThrowIfCancellationRequested();
        }

        var item = Interlocked.Increment(ref _added);
        var task = RunAsync(item, work);
        lock (_running)
        {
            _running.RemoveAll(t => t.IsCompleted);
            _running.Add(task);
        }
    }

    /// <summary>The items that finished since the last call.</summary>
    public IReadOnlyList<WorkResult<T>> TakeFinished()
    {
        var taken = new List<WorkResult<T>>();
        while (_finished.TryDequeue(out var result))
        {
            taken.Add(result);
        }

        return taken;
    }

    /// <summary>Waits for every item, then returns those not taken yet.</summary>
    public async Task<IReadOnlyList<WorkResult<T>>> CompleteAsync()
    {
        Task[] running;
        lock (_running)
        {
            running = [.. _running];
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        return TakeFinished();
    }

    public void Dispose() => _slots.Dispose();

    private async Task RunAsync(int item, Func<CancellationToken, Task<T>> work)
    {
        try
        {
            // Off the caller's thread at once: the caller goes on feeding items while this one runs.
            await Task.Yield();
            _finished.Enqueue(new WorkResult<T>(item, await work(_cancellationToken).ConfigureAwait(false), null));
        }
#pragma warning disable CA1031 // Every failure is handed to the front end, which reports or rethrows it on its own thread.
        catch (Exception error)
#pragma warning restore CA1031
        {
            // After a stop, whatever an item failed with is the stop's doing: HTTP stacks cancelled mid-read throw
            // more than OperationCanceledException (Azure.Core's response buffering has thrown NullReferenceException).
            var failure = _cancellationToken.IsCancellationRequested && error is not OperationCanceledException
                ? new OperationCanceledException("The work was stopped while this item ran.", error, _cancellationToken)
                : error;
            _finished.Enqueue(new WorkResult<T>(item, default, failure));
        }
        finally
        {
            _slots.Release();
        }
    }
}
