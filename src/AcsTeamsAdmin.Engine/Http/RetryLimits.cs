namespace AcsTeamsAdmin.Engine.Http;

/// <summary>Limits on retrying transient faults (429, 503, 504, dropped connections).</summary>
public sealed record RetryLimits
{
    /// <summary>Retries after the first attempt; 0 turns retrying off.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>The first back-off when the service gives no Retry-After; doubles each time, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(0.8);

    /// <summary>The longest single wait; a Retry-After beyond it ends the retries instead of blocking a runbook for an hour.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    public static RetryLimits Default { get; } = new();
}
