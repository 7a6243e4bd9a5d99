using AcsTeamsAdmin.Engine.Http;
using AcsTeamsAdmin.Engine.Operations;
using Azure.Core;

namespace AcsTeamsAdmin.Engine.Communication;

/// <summary>
/// Options of <see cref="AcsIdentityClient"/>: Azure.Core's (Transport, Retry, ...) plus the api-version and the
/// clock and the retry limits (the same as the session's Graph calls').
/// The client's verbose (retries) and debug lines (one per request) go to <see cref="OperationContext.Current"/>.
/// </summary>
public sealed class AcsIdentityClientOptions : ClientOptions
{
    public AcsIdentityClientOptions()
    {
        // Azure.Core's event-source logging could carry request details; the client reports through the step's log instead.
        Diagnostics.IsLoggingEnabled = false;
        Diagnostics.IsLoggingContentEnabled = false;
        Diagnostics.IsDistributedTracingEnabled = false;
    }

    public AcsApiVersion ApiVersion { get; set; } = AcsApiVersion.Default;

    /// <summary>How transient faults are retried: the session's limits, the same as its Graph calls'.</summary>
    public RetryLimits RetryLimits { get; set; } = RetryLimits.Default;

    /// <summary>The clock for x-ms-date (tests move it).</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;
}
