using System.Globalization;
using System.Net;
using AcsTeamsAdmin.Engine.Operations;

namespace AcsTeamsAdmin.Engine.Http;

/// <summary>
/// Retries transient faults with limits: 429 and 503 (honouring Retry-After), 504, and dropped
/// connections. A dropped connection is retried only for idempotent requests: a POST whose
/// response was lost may have created something, and sending it again could create it twice.
/// The handler lives as long as the session; its lines go to the step that sent the request
/// (<see cref="OperationContext.Current"/>), never to the one that built it.
/// </summary>
internal sealed class TransientFaultRetryHandler : DelegatingHandler
{
    private readonly RetryLimits _options;
    private readonly RetryStatistics _statistics;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private readonly TimeProvider _time;

    /// <summary>
    /// The chain every request the module sends itself takes: this retry handler, then the User-Agent product tokens,
    /// then <paramref name="inner"/> (the network, the sandbox's transport, or a service-specific handler over them).
    /// </summary>
    public static HttpMessageHandler Over(HttpMessageHandler inner, RetryLimits retry, RetryStatistics statistics) =>
        new TransientFaultRetryHandler(retry, statistics) { InnerHandler = new ProductInfo.Handler { InnerHandler = inner } };

    public TransientFaultRetryHandler(
        RetryLimits options,
        RetryStatistics statistics,
        Func<TimeSpan, CancellationToken, Task>? delay = null,
        TimeProvider? time = null)
    {
        _options = options;
        _statistics = statistics;
        _time = time ?? TimeProvider.System;
        _delay = delay ?? WaitAtLeastAsync;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A body must survive being sent more than once.
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync().ConfigureAwait(false);
        }

        var log = OperationContext.Current.Log;
        var budget = _options.Start();
        while (true)
        {
            HttpResponseMessage response;
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(_options.AttemptTimeout);
            var replayable = IsIdempotent(request.Method) || ReadOnlyRequestOption.IsMarked(request);
            var sent = _time.GetTimestamp();
            try
            {
                response = await base.SendAsync(request, attempt.Token).ConfigureAwait(false);
                AttemptTimer.Record(_time.GetElapsedTime(sent));
            }
            catch (HttpRequestException ex) when (IsConnectionFault(ex) && replayable && budget.Next(null, connectionFailed: true) is { } wait)
            {
                log.Verbose($"{request.Method} {Describe(request)}: the connection failed ({ex.HttpRequestError}); " +
                    $"retrying in {Seconds(wait)}, {budget.Describe()}.");
                await WaitAsync(wait, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // This attempt went unanswered past its timeout (the whole request may take longer: its retries).
                if (replayable && budget.Next(null) is { } wait)
                {
                    log.Verbose($"{request.Method} {Describe(request)}: no answer in {Seconds(_options.AttemptTimeout)}; " +
                        $"retrying in {Seconds(wait)}, {budget.Describe()}.");
                    await WaitAsync(wait, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw new TaskCanceledException($"No answer in {Seconds(_options.AttemptTimeout)}.");
            }

            log.Debug($"{request.Method} {Describe(request)} -> {(int)response.StatusCode} (request-id {RequestId(response)})");
            if (!IsTransient(response.StatusCode))
            {
                return response;
            }

            var retryAfter = RetryAfter.Read(response, _time.GetUtcNow());
            if (budget.Next(retryAfter) is not { } delay)
            {
                _statistics.RecordGiveUp();
                log.Verbose($"{request.Method} {Describe(request)}: {(int)response.StatusCode} {response.ReasonPhrase}; " +
                    $"not retried again: {budget.Exhausted(retryAfter)}.");
                return response;
            }

            log.Verbose($"{request.Method} {Describe(request)}: {(int)response.StatusCode} {response.ReasonPhrase}; " +
                $"retrying in {Seconds(delay)}{(retryAfter is null ? string.Empty : " as Retry-After asks")}, {budget.Describe()}.");
            response.Dispose();
            await WaitAsync(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WaitAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        _statistics.RecordRetry(wait);
        await _delay(wait, cancellationToken).ConfigureAwait(false);
    }

    // Timers run on a coarse clock (a 4 ms tick on Linux), so Task.Delay can end a few milliseconds early:
    // measured by the reliability campaign, 24 of 139 retries came before a 20 ms Retry-After was up. A
    // Retry-After is a minimum, so wait out whatever the monotonic clock says is left.
    private async Task WaitAtLeastAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var start = _time.GetTimestamp();
        for (var left = wait; left > TimeSpan.Zero; left = wait - _time.GetElapsedTime(start))
        {
            await Task.Delay(left < OneMillisecond ? OneMillisecond : left, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static readonly TimeSpan OneMillisecond = TimeSpan.FromMilliseconds(1);

    internal static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private static bool IsConnectionFault(HttpRequestException ex) =>
        ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.ResponseEnded or HttpRequestError.Unknown
        && ex.InnerException is IOException or System.Net.Sockets.SocketException;

    // PATCH is idempotent as this module uses it: it sets whole values (a full permission list, an
    // upsert with Prefer: create-if-missing), so sending it twice leaves the same state as once.
    private static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put || method == HttpMethod.Delete
        || method == HttpMethod.Options || method == HttpMethod.Patch;

    // Graph's id for the request, which support cases ask for; "-" when the answer has none.
    private static string RequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("request-id", out var values) ? values.FirstOrDefault() ?? "-" : "-";

    // The path only: query strings can carry filters with user data, and never need to be in a log line.
    private static string Describe(HttpRequestMessage request) => request.RequestUri?.AbsolutePath ?? "(no URI)";

    private static string Seconds(TimeSpan wait) => wait.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture) + " s";
}
