namespace AcsTeamsAdmin.Benchmarks;

/// <summary>
/// Adds a fixed delay before each request reaches the sandbox: the in-process sandbox answers in
/// microseconds, so without it concurrency would have nothing to overlap and the figures would say
/// nothing about a real network. Counts requests in flight to show the bound holds.
/// </summary>
internal sealed class LatencyHandler(HttpMessageHandler inner, TimeSpan delay) : DelegatingHandler(inner)
{
    private int _inFlight;
    private int _maxInFlight;

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
