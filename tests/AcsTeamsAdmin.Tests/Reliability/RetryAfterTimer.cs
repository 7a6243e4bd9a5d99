using System.Diagnostics;
using System.Globalization;

namespace AcsTeamsAdmin.Tests.Reliability;

/// <summary>
/// Sits in front of the sandbox and measures, on the client's monotonic clock, how long the client waited
/// after each answer that carried Retry-After before it sent its next request (the retry).
/// </summary>
internal sealed class RetryAfterTimer(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly List<(double Asked, double Waited)> _waits = [];
    private (double Asked, long AnsweredAt)? _pending;

    public IReadOnlyList<(double Asked, double Waited)> Waits
    {
        get
        {
            lock (_waits)
            {
                return [.. _waits];
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sentAt = Stopwatch.GetTimestamp();
        lock (_waits)
        {
            if (_pending is { } pending)
            {
                _waits.Add((pending.Asked, Stopwatch.GetElapsedTime(pending.AnsweredAt, sentAt).TotalSeconds));
                _pending = null;
            }
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Retry-After", out var values)
            && double.TryParse(values.First(), NumberStyles.Float, CultureInfo.InvariantCulture, out var asked))
        {
            lock (_waits)
            {
                _pending = (asked, Stopwatch.GetTimestamp());
            }
        }

        return response;
    }
}
