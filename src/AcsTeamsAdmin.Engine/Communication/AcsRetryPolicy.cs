using System.Globalization;
using AcsTeamsAdmin.Engine.Operations;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AcsTeamsAdmin.Engine.Communication;

/// <summary>
/// Azure.Core's retry policy (exponential back-off with jitter, honouring Retry-After, retry-after-ms and
/// x-ms-retry-after-ms) with one rule added: a request marked not replayable (creating an identity) is retried only
/// when the service said it did not act (429, 503). A dropped connection or a 500/502/504 may come after the
/// identity was created; sending the POST again would create a second one, so the error surfaces instead.
/// </summary>
internal sealed class AcsRetryPolicy(int maxRetries, DelayStrategy delay) : RetryPolicy(maxRetries, delay)
{
    internal const string NotReplayable = "AcsTeamsAdmin.NotReplayable";

    private const string RetryCount = "AcsTeamsAdmin.RetryCount";

    private readonly int _maxRetries = maxRetries;

    protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
        Decide(message, exception, base.ShouldRetry(message, exception));

    protected override async ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
        Decide(message, exception, await base.ShouldRetryAsync(message, exception).ConfigureAwait(false));

    private bool Decide(HttpMessage message, Exception? exception, bool azureCoreWouldRetry)
    {
        if (!azureCoreWouldRetry)
        {
            return false;
        }

        var path = message.Request.Uri.Path;
        var log = OperationContext.Current.Log;
        if (message.TryGetProperty(NotReplayable, out var flag) && flag is true)
        {
            var status = message.HasResponse ? message.Response.Status : 0;
            if (exception is not null || status is not (429 or 503))
            {
                log.Verbose($"{message.Request.Method} {path}: {(exception is null ? status.ToString(CultureInfo.InvariantCulture) : "the connection failed")}; not retried, because the service may already have acted and a second request could create a second identity.");
                return false;
            }
        }

        var retry = message.TryGetProperty(RetryCount, out var count) && count is int n ? n + 1 : 1;
        message.SetProperty(RetryCount, retry);
        var what = exception is null ? $"{message.Response.Status} {message.Response.ReasonPhrase}" : "the connection failed";
        log.Verbose($"{message.Request.Method} {path}: {what}; retrying (retry {retry} of {_maxRetries}).");
        return true;
    }
}
