using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Operations;

namespace AcsTeamsAdmin.Engine.Communication;

/// <summary>
/// Creates many ACS identities with at most <c>throttleLimit</c> requests in flight (`1..500 | New-AcsIdentity`).
/// Each identity is approved (ShouldChange) on the caller's thread before it starts; results come back in
/// completion order, not input order, so one slow request never holds back the others. Progress is reported
/// each time the caller collects results. The client must log to <see cref="Log"/>, which is flushed on the
/// caller's thread.
/// </summary>
public sealed class AcsIdentityBatch : IDisposable
{
    public const int DefaultThrottleLimit = 8;
    public const int MaxThrottleLimit = 64;

    private const int ProgressActivityId = 4101;

    private readonly IAcsIdentityClient _client;
    private readonly AcsTokenRequest? _token;
    private readonly OperationContext _context;
    private readonly BoundedWorkPool<AcsIdentity> _queue;
    private readonly int? _expected;
    private int _succeeded;
    private int _failed;

    public AcsIdentityBatch(IAcsIdentityClient client, AcsTokenRequest? token, int throttleLimit, int? expectedCount, BufferedOperationLog log, OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(context);
        _client = client;
        _token = token;
        _context = context;
        _expected = expectedCount;
        Log = log;
        _queue = new BoundedWorkPool<AcsIdentity>(ParseThrottleLimit(throttleLimit), context.CancellationToken);
    }

    /// <summary>Where the client's worker-thread lines wait until the caller flushes them.</summary>
    public BufferedOperationLog Log { get; }

    public int Succeeded => _succeeded;

    public int Failed => _failed;

    public static int ParseThrottleLimit(int value, string parameterName = "ThrottleLimit") =>
        value is < 1 or > MaxThrottleLimit
            ? throw AcsTeamsAdminException.InvalidInput(parameterName, value, $"{value} is out of range.",
                $"Pass 1 to {MaxThrottleLimit} requests at once (default {DefaultThrottleLimit}); the ACS identity API throttles bursts.")
            : value;

    /// <summary>
    /// Asks approval for one identity and starts it once a slot is free. False when declined (-WhatIf), and then
    /// nothing was sent.
    /// </summary>
    public async Task<bool> AddAsync()
    {
        var what = _token is null ? "Create" : $"Create, with a token for {_token.Scopes}";
        if (!_context.Approval.ShouldChange($"ACS identity in {_client.Endpoint.Authority}", what))
        {
            return false;
        }

        await _queue.AddAsync(ct => _client.CreateIdentityAsync(_token, ct)).ConfigureAwait(false);
        return true;
    }

    /// <summary>What finished since the last call, with the buffered log written and progress reported.</summary>
    public IReadOnlyList<WorkResult<AcsIdentity>> TakeFinished() => Account(_queue.TakeFinished(), done: false);

    /// <summary>Waits for everything in flight; the last results, and progress marked complete.</summary>
    public async Task<IReadOnlyList<WorkResult<AcsIdentity>>> CompleteAsync() =>
        Account(await _queue.CompleteAsync().ConfigureAwait(false), done: true);

    public void Dispose() => _queue.Dispose();

    private IReadOnlyList<WorkResult<AcsIdentity>> Account(IReadOnlyList<WorkResult<AcsIdentity>> results, bool done)
    {
        Log.FlushTo(_context.Log);
        foreach (var result in results)
        {
            if (result.Succeeded)
            {
                Interlocked.Increment(ref _succeeded);
                _context.Log.Verbose($"Created ACS identity {result.Value!.Id}{(result.Value.AccessToken is { } t ? $" with a token expiring {t.ExpiresOn:u}" : "")}.");
            }
            else
            {
                Interlocked.Increment(ref _failed);
            }
        }

        if (_queue.Added > 0 && (results.Count > 0 || done))
        {
            var finished = _succeeded + _failed;
            var percent = _expected is > 0 and var total ? Math.Min(100, finished * 100 / total) : -1;
            var status = $"{finished}{(_expected is { } all ? $" of {all}" : "")} done ({_failed} failed), {_queue.InFlight} in flight, at most {_queue.Limit} at once";
            _context.Progress.Report(new OperationProgress(ProgressActivityId, $"Creating ACS identities in {_client.Endpoint.Authority}", status, percent, done));
        }

        return results;
    }
}
