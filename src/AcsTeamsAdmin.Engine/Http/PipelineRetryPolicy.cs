using System.Globalization;
using AcsTeamsAdmin.Engine.Operations;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AcsTeamsAdmin.Engine.Http;

/// <summary>
/// Retries a request sent through an Azure.Core pipeline (the ACS identity client, Azure.Identity's token requests)
/// with the module's limits (<see cref="RetryLimits"/>): the same time budget as Graph calls,
/// a Retry-After (or retry-after-ms, x-ms-retry-after-ms) honoured within it, and the transient faults Azure.Core's own
/// policy retries (a dropped connection; 408, 429, 500, 502, 503, 504). One rule added: a request marked not
/// replayable (creating an identity) is retried only when the service said it did not act (429, 503). A dropped
/// connection or a 500/502/504 may come after the identity was created; sending the POST again would create a
/// second one, so the error surfaces instead. Each attempt runs the policies after this one again (a fresh signature).
/// </summary>
internal sealed class PipelineRetryPolicy(RetryLimits limits) : HttpPipelinePolicy
{
    internal const string NotReplayable = "AcsTeamsAdmin.NotReplayable";

    private static readonly int[] TransientStatuses = [408, 429, 500, 502, 503, 504];

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        var budget = limits.Start();
        while (true)
        {
            Exception? dropped = null;
            try
            {
                await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            }
            catch (Exception error) when (NetworkFailure.IsTransportFailure(error))
            {
                // The connection failed or dropped: before the answer (Azure.Core's RequestFailedException, status 0),
                // or in the middle of its body (an IOException while the transport buffers it).
                dropped = error;
            }

            if (!ShouldRetry(message, dropped, budget, out var wait))
            {
                if (dropped is not null)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(dropped);
                }

                return;
            }

            if (message.HasResponse)
            {
                message.Response.ContentStream?.Dispose();
            }

            await Task.Delay(wait, message.CancellationToken).ConfigureAwait(false);
        }
    }

    private static bool ShouldRetry(HttpMessage message, Exception? dropped, RetryBudget budget, out TimeSpan wait)
    {
        wait = TimeSpan.Zero;
        var status = dropped is null && message.HasResponse ? message.Response.Status : 0;
        if (dropped is null && !TransientStatuses.Contains(status))
        {
            return false;
        }

        var path = message.Request.Uri.Path;
        var log = OperationContext.Current.Log;
        var what = dropped is not null ? "the connection failed" : $"{status} {message.Response.ReasonPhrase}";
        if (message.TryGetProperty(NotReplayable, out var flag) && flag is true && status is not (429 or 503))
        {
            log.Verbose($"{message.Request.Method} {path}: {what}; not retried, " +
                "because the service may already have acted and a second request could create a second identity.");
            return false;
        }

        var retryAfter = dropped is null ? ReadRetryAfter(message.Response) : null;
        if (budget.Next(retryAfter, connectionFailed: dropped is not null) is not { } next)
        {
            log.Verbose($"{message.Request.Method} {path}: {what}; not retried again: {budget.Exhausted(retryAfter)}.");
            return false;
        }

        wait = next;
        log.Verbose($"{message.Request.Method} {path}: {what}; retrying in " +
            $"{wait.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture)} s, {budget.Describe()}.");
        return true;
    }

    private static TimeSpan? ReadRetryAfter(Response response)
    {
        foreach (var name in (string[])["retry-after-ms", "x-ms-retry-after-ms"])
        {
            if (response.Headers.TryGetValue(name, out var ms)
                && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds)
                && milliseconds >= 0)
            {
                return TimeSpan.FromMilliseconds(milliseconds);
            }
        }

        if (response.Headers.TryGetValue("Retry-After", out var text))
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                var left = date - DateTimeOffset.UtcNow;
                return left > TimeSpan.Zero ? left : TimeSpan.Zero;
            }
        }

        return null;
    }
}
