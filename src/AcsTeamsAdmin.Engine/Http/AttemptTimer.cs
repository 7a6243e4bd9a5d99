namespace AcsTeamsAdmin.Engine.Http;

/// <summary>
/// How long the last HTTP attempt of a call took, retry waits left out: the time one request needs, which a caller
/// that must wait "about one request" (the settle after an app registration PATCH) can go by. Started by the
/// caller; the Graph retry handler, running in the same async flow, records each attempt in it.
/// </summary>
internal sealed class AttemptTimer
{
    private static readonly AsyncLocal<AttemptTimer?> Current = new();

    /// <summary>The last attempt's time from sending to the answer's headers; zero when none was made.</summary>
    public TimeSpan LastAttempt { get; private set; }

    /// <summary>Times the HTTP attempts made from here on in this async flow.</summary>
    public static AttemptTimer Start() => Current.Value = new AttemptTimer();

    /// <summary>Called by the retry handler after each attempt.</summary>
    public static void Record(TimeSpan took)
    {
        if (Current.Value is { } timer)
        {
            timer.LastAttempt = took;
        }
    }
}
