namespace AcsTeamsAdmin.Engine.Http;

/// <summary>Counts what the retry handler did, for -Verbose summaries, tests and the reliability benchmarks.</summary>
public sealed class RetryStatistics
{
    private long _retries;
    private long _waitTicks;
    private long _givenUp;

    public long Retries => Interlocked.Read(ref _retries);

    public TimeSpan TotalWait => TimeSpan.FromTicks(Interlocked.Read(ref _waitTicks));

    /// <summary>Requests that still failed after the last allowed retry.</summary>
    public long GivenUp => Interlocked.Read(ref _givenUp);

    internal void RecordRetry(TimeSpan wait)
    {
        Interlocked.Increment(ref _retries);
        Interlocked.Add(ref _waitTicks, wait.Ticks);
    }

    internal void RecordGiveUp() => Interlocked.Increment(ref _givenUp);
}
