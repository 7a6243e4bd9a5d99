namespace AcsTeamsAdmin.Sandbox;

public enum FaultKind
{
    /// <summary>429 with Retry-After.</summary>
    TooManyRequests,

    /// <summary>503 with Retry-After.</summary>
    ServiceUnavailable,

    /// <summary>504.</summary>
    GatewayTimeout,

    /// <summary>The connection drops: in-process an HttpRequestException with an inner IOException, on loopback an aborted socket.</summary>
    ConnectionReset,
}

/// <summary>When and how to fail. A rule fires on the listed request numbers, or else at random with <see cref="Rate"/>.</summary>
public sealed record FaultRule
{
    public FaultKind Kind { get; init; } = FaultKind.TooManyRequests;

    /// <summary>Probability in [0, 1] that a matching request fails, when <see cref="OnRequests"/> is not given.</summary>
    public double Rate { get; init; }

    /// <summary>Seed of the random draw, so a failing run can be replayed.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>1-based numbers of the matching requests that fail (counted per rule, after <see cref="PathPrefix"/> filtering).</summary>
    public IReadOnlyList<int>? OnRequests { get; init; }

    /// <summary>Only requests whose path starts with this (e.g. "/v1.0/servicePrincipals"); null matches all.</summary>
    public string? PathPrefix { get; init; }

    /// <summary>Only this HTTP method; null matches all.</summary>
    public string? Method { get; init; }

    /// <summary>Retry-After for 429 and 503, in seconds; fractions allowed (Graph sends them).</summary>
    public double RetryAfterSeconds { get; init; } = 1;

    /// <summary>For <see cref="FaultKind.ConnectionReset"/>: process the request first, then drop the answer (tests idempotency).</summary>
    public bool AfterProcessing { get; init; }

    /// <summary>Stop firing after this many faults; null never stops.</summary>
    public int? MaxFaults { get; init; }
}
