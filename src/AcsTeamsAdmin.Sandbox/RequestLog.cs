namespace AcsTeamsAdmin.Sandbox;

/// <summary>One request the sandbox served (hooks excluded). Batch steps appear as entries with a <see cref="ParentSequence"/>.</summary>
public sealed record RequestLogEntry
{
    public long Sequence { get; init; }

    public DateTimeOffset TimeUtc { get; init; }

    public string Method { get; init; } = "";

    /// <summary>Path and query as the client sent them (for a batch step: the step's URL under /v1.0).</summary>
    public string PathAndQuery { get; init; } = "";

    /// <summary>HTTP status; 0 when the connection was dropped before an answer.</summary>
    public int Status { get; init; }

    /// <summary>The injected fault, e.g. "429", "503", "504", "reset", "reset-after-processing"; null when none.</summary>
    public string? Fault { get; init; }

    public string? TenantId { get; init; }

    public string? ClientAppId { get; init; }

    /// <summary>The batch request this step belonged to.</summary>
    public long? ParentSequence { get; init; }

    /// <summary>The step's id within its batch.</summary>
    public string? BatchStepId { get; init; }

    /// <summary>The Graph request-id header we answered with (Graph calls only).</summary>
    public string? RequestId { get; init; }

    /// <summary>The request's User-Agent, as a service's logs would keep it.</summary>
    public string? UserAgent { get; init; }
}

/// <summary>Every request the sandbox served, in order; safe to read while requests are running.</summary>
public sealed class RequestLog
{
    private readonly object _gate = new();
    private readonly List<RequestLogEntry> _entries = [];
    private long _sequence;

    public IReadOnlyList<RequestLogEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>Top-level requests only (batch steps left out): what went over the wire.</summary>
    public IReadOnlyList<RequestLogEntry> Calls => Entries.Where(e => e.ParentSequence is null).ToList();

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    internal long NextSequence() => Interlocked.Increment(ref _sequence);

    internal void Add(RequestLogEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }
}
