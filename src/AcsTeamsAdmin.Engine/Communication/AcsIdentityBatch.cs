using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Operations;

namespace AcsTeamsAdmin.Engine.Communication;

/// <summary>
/// Creates many ACS identities with at most <c>throttleLimit</c> requests in flight (`1..500 | New-AcsIdentity`).
/// Each identity is approved (ShouldChange) on the caller's step before it starts; results come back in
/// completion order, not input order, so one slow request never holds back the others. A batch outlives the
/// steps that feed it (a cmdlet's Process blocks), so each call takes the context of the step making it: the
/// requests' own lines (retries, one debug line each) wait in a buffer and are written by the step that
/// collects their results, with progress.
/// </summary>
public sealed class AcsIdentityBatch : IDisposable
{
    public const int DefaultThrottleLimit = 8;
    public const int MaxThrottleLimit = 64;

    private const int ProgressActivityId = 4101;

    private readonly AcsTokenRequest? _token;
    private readonly BoundedWorkPool<AcsIdentity> _queue;
    private readonly BufferedOperationLog _workLog = new();
    private readonly int? _expected;
    private readonly CancellationToken _stop;
    private int _succeeded;
    private int _failed;
    private int _cutOff;

    // The resource of the latest identity: the one progress names (piped objects may name theirs, Get-AcsResource's).
    private IAcsIdentityClient? _client;

    /// <param name="client">The resource every identity is created in, unless <see cref="AddAsync"/> is given another; null when each names its own.</param>
    /// <param name="token">A first token for each identity, or null.</param>
    /// <param name="throttleLimit">At most this many requests at once.</param>
    /// <param name="expectedCount">How many identities are coming, for progress; null when unknown (pipeline input).</param>
    /// <param name="cancellationToken">Stops every request (Ctrl+C).</param>
    public AcsIdentityBatch(IAcsIdentityClient? client, AcsTokenRequest? token, int throttleLimit, int? expectedCount, CancellationToken cancellationToken)
    {
        _client = client;
        _token = token;
        _expected = expectedCount;
        _stop = cancellationToken;
        _queue = new BoundedWorkPool<AcsIdentity>(ParseThrottleLimit(throttleLimit), cancellationToken);
    }

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
    public async Task<bool> AddAsync(OperationContext context, IAcsIdentityClient? client = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var resource = client ?? _client ?? throw new ArgumentNullException(nameof(client), "The batch has no default ACS resource: name one.");
        _client = resource;
        var what = _token is null ? "Create" : $"Create, with a token for {_token.Scopes}";
        if (!context.Approval.ShouldChange($"ACS identity in {resource.Endpoint.Authority}", what))
        {
            return false;
        }

        // The request runs on after this step ends: it starts in a scope of its own that logs to the buffer.
        using (context.WithLog(_workLog).Enter())
        {
            await _queue.AddAsync(ct => resource.CreateIdentityAsync(_token, ct)).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>What finished since the last call, with the buffered log written and progress reported.</summary>
    public IReadOnlyList<WorkResult<AcsIdentity>> TakeFinished(OperationContext context) => Account(_queue.TakeFinished(), context, done: false);

    /// <summary>Waits for everything in flight; the last results, and progress marked complete.</summary>
    public async Task<IReadOnlyList<WorkResult<AcsIdentity>>> CompleteAsync(OperationContext context) =>
        Account(await _queue.CompleteAsync().ConfigureAwait(false), context, done: true);

    /// <summary>
    /// After a stop (Ctrl+C): waits for what was in flight and says what exists, so the record is complete: the
    /// identities created as the command stopped (not taken yet: the front end writes them out if it still can, or
    /// lists them), and the requests that failed or were cut off on the way without anyone hearing of it. Each of
    /// those may have created one: a cancelled request may have been acted on, and a dropped connection too.
    /// </summary>
    public async Task<BatchStop> StopAsync()
    {
        var last = await _queue.CompleteAsync().ConfigureAwait(false);
        return new BatchStop(_succeeded, [.. last.Where(result => result.Succeeded).Select(result => result.Value!)],
            _cutOff + last.Count(result => !result.Succeeded));
    }

    public void Dispose() => _queue.Dispose();

    private IReadOnlyList<WorkResult<AcsIdentity>> Account(IReadOnlyList<WorkResult<AcsIdentity>> finished, OperationContext context, bool done)
    {
        ArgumentNullException.ThrowIfNull(context);
        _workLog.FlushTo(context.Log);

        // Requests the stop cut off are not handed out (there is nothing to report for them one by one, and a front end
        // that rethrew one would drop the results after it); the stop's summary counts them.
        var results = _stop.IsCancellationRequested ? finished.Where(result => result.Error is not OperationCanceledException).ToArray() : finished;
        Interlocked.Add(ref _cutOff, finished.Count - results.Count);
        foreach (var result in results)
        {
            if (result.Succeeded)
            {
                Interlocked.Increment(ref _succeeded);
                context.Log.Verbose("Created ACS identity " +
                    $"{result.Value!.Id}{(result.Value.AccessToken is { } t ? $" with a token expiring {t.ExpiresOn:u}" : "")}.");
            }
            else
            {
                Interlocked.Increment(ref _failed);
            }
        }

        if (_queue.Added > 0 && (results.Count > 0 || done))
        {
            var count = _succeeded + _failed;
            var percent = _expected is > 0 and var total ? Math.Min(100, count * 100 / total) : -1;
            var status = $"{count}{(_expected is { } all ? $" of {all}" : "")} done ({_failed} failed), " +
                $"{_queue.InFlight} in flight, at most {_queue.Limit} at once";
            context.Progress.Report(new OperationProgress(
                ProgressActivityId,
                $"Creating ACS identities in {_client?.Endpoint.Authority ?? "ACS"}",
                status,
                percent,
                done));
        }

        return results;
    }
}

/// <summary>What a stopped batch leaves behind.</summary>
/// <param name="Reported">Identities already taken (and written out) before the stop.</param>
/// <param name="Late">Identities created as the batch stopped, not taken yet.</param>
/// <param name="CutOff">Requests cut off or failed as it stopped, not reported: each may have created an identity nobody heard of.</param>
public sealed record BatchStop(int Reported, IReadOnlyList<AcsIdentity> Late, int CutOff)
{
    /// <summary>The summary for the user; <paramref name="lateWritten"/> when the front end could still write <see cref="Late"/> out.</summary>
    public string Describe(bool lateWritten)
    {
        var written = Reported + (lateWritten ? Late.Count : 0);
        var text = new System.Text.StringBuilder($"Stopped: {written} ACS identit{(written == 1 ? "y was" : "ies were")} created and written out");
        if (!lateWritten && Late.Count > 0)
        {
            text.Append($"; {Late.Count} more {(Late.Count == 1 ? "was" : "were")} created as it stopped: " +
                $"{string.Join(", ", Late.Select(identity => identity.Id))}");
        }

        if (CutOff > 0)
        {
            text.Append($"; {CutOff} request(s) were cut off or failed as it stopped and may each have created an identity that is not listed "
                + "(an unused identity costs nothing)");
        }

        return text.Append('.').ToString();
    }
}
