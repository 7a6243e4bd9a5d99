namespace AcsTeamsAdmin.Engine.Http;

/// <summary>
/// How transient faults (429, 503, 504, dropped connections) are retried, for Graph and ACS alike: by time first.
/// A request may spend up to <see cref="Budget"/> waiting between its attempts, so a service's Retry-After is
/// honoured as long as the total stays within it, and a runbook is never blocked for an hour; the attempt count is a
/// backstop. The budget is the user's to set (Connect-AcsTeamsAdmin -MaxRetryWaitSeconds).
/// </summary>
public sealed record RetryLimits
{
    /// <summary>Retries after the first attempt at most; 0 turns retrying off.</summary>
    public int MaxRetries { get; init; } = 10;

    /// <summary>The first back-off when the service gives no Retry-After; doubles each time, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(0.8);

    /// <summary>The longest back-off the module picks itself; a Retry-After may ask for more, within the budget.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The most one request may wait between its attempts, in all.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Retries of a connection that could not be made or dropped, at most: a service that throttles asks to be tried
    /// again, but an address that refuses connections is more often wrong than restarting, and a user should hear so in
    /// seconds, not after the whole budget.
    /// </summary>
    public int MaxConnectionRetries { get; init; } = 3;

    /// <summary>How long one attempt may take before it counts as unanswered (HttpClient's own default).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>The longest budget a user may set: an hour, the most any Retry-After of Graph or ACS asks for.</summary>
    public static TimeSpan MaxBudget { get; } = TimeSpan.FromHours(1);

    public static RetryLimits Default { get; } = new();

    /// <summary>The limits with a budget of <paramref name="seconds"/>, checked: 0 turns retrying off.</summary>
    public static RetryLimits WithBudget(int seconds, string parameterName = "MaxRetryWaitSeconds") =>
        seconds < 0 || seconds > MaxBudget.TotalSeconds
            ? throw Failures.AcsTeamsAdminException.InvalidInput(parameterName, seconds, $"{seconds} is out of range.",
                $"Pass 0 (no retries) to {MaxBudget.TotalSeconds:0} seconds; the default is {Default.Budget.TotalSeconds:0}.")
            : Default with { Budget = TimeSpan.FromSeconds(seconds), MaxRetries = seconds == 0 ? 0 : Default.MaxRetries };

    /// <summary>A fresh account of one request's retries under these limits.</summary>
    internal RetryBudget Start() => new(this);
}

/// <summary>One request's retries so far, and whether it may wait once more.</summary>
internal sealed class RetryBudget(RetryLimits limits)
{
    public int Retries { get; private set; }

    public int ConnectionRetries { get; private set; }

    public TimeSpan Waited { get; private set; }

    public RetryLimits Limits => limits;

    /// <summary>
    /// The wait before the next attempt: the service's Retry-After, else exponential back-off with full jitter (so
    /// clients throttled together do not retry in lockstep). Null when the limits say stop: too many attempts, or a
    /// wait that would take the total past the budget.
    /// </summary>
    public TimeSpan? Next(TimeSpan? retryAfter, bool connectionFailed = false)
    {
        if (Retries >= limits.MaxRetries || (connectionFailed && ConnectionRetries >= limits.MaxConnectionRetries))
        {
            return null;
        }

        var wait = retryAfter ?? Backoff(Retries);
        if (Waited + wait > limits.Budget)
        {
            return null;
        }

        Retries++;
        ConnectionRetries += connectionFailed ? 1 : 0;
        Waited += wait;
        return wait;
    }

    /// <summary>For log lines: "retry 2 (3.1 s of the 120 s retry budget)".</summary>
    public string Describe() =>
        FormattableString.Invariant($"retry {Retries} ({Waited.TotalSeconds:0.#} s of the {limits.Budget.TotalSeconds:0} s retry budget)");

    /// <summary>Why retrying stopped, for the error a user sees.</summary>
    public string Exhausted(TimeSpan? retryAfter) => retryAfter is { } asked && Waited + asked > limits.Budget
        ? FormattableString.Invariant($"the service asked to wait {asked.TotalSeconds:0.#} s more, ") +
            FormattableString.Invariant($"beyond the {limits.Budget.TotalSeconds:0} s retry budget ({Retries} retries, {Waited.TotalSeconds:0.#} s waited)")
        : FormattableString.Invariant($"still failing after {Retries} retries and {Waited.TotalSeconds:0.#} s of waiting");

    private TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(limits.MaxDelay.TotalSeconds, limits.BaseDelay.TotalSeconds * Math.Pow(2, attempt));
        return TimeSpan.FromSeconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
    }
}
