using AcsTeamsAdmin.Engine.Operations;
using Azure.Core;

namespace AcsTeamsAdmin.Engine.Communication;

/// <summary>
/// Options of <see cref="AcsIdentityClient"/>: Azure.Core's (Transport, Retry, ...) plus the api-version and the
/// clock. Retries default to 4 with 0.8 s exponential back-off capped at 60 s, the same limits as the Graph client.
/// The client's verbose (retries) and debug lines (one per request) go to <see cref="OperationContext.Current"/>.
/// </summary>
public sealed class AcsIdentityClientOptions : ClientOptions
{
    public AcsIdentityClientOptions()
    {
        Retry.MaxRetries = 4;
        Retry.Delay = TimeSpan.FromSeconds(0.8);
        Retry.MaxDelay = TimeSpan.FromSeconds(60);
        Retry.Mode = RetryMode.Exponential;
        Diagnostics.ApplicationId = "AcsTeamsAdmin";

        // Azure.Core's event-source logging could carry request details; the client reports through the step's log instead.
        Diagnostics.IsLoggingEnabled = false;
        Diagnostics.IsLoggingContentEnabled = false;
        Diagnostics.IsDistributedTracingEnabled = false;
    }

    public AcsApiVersion ApiVersion { get; set; } = AcsApiVersion.Default;

    /// <summary>The clock for x-ms-date (tests move it).</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;
}
