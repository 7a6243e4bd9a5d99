using System.Diagnostics;
using System.Globalization;
using AcsTeamsAdmin.Engine.Operations;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AcsTeamsAdmin.Engine.Communication;

/// <summary>
/// One debug line per attempt: method, path (identity ids are not secret; the query holds only api-version), status,
/// time and the two request ids support asks for. Never headers or bodies: those carry the signature and tokens.
/// The line goes to the step that sent the request (<see cref="OperationContext.Current"/>).
/// </summary>
internal sealed class AcsRequestLogPolicy : HttpPipelinePolicy
{
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        var watch = Stopwatch.StartNew();
        try
        {
            ProcessNext(message, pipeline);
        }
        finally
        {
            Write(message, watch.Elapsed);
        }
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        var watch = Stopwatch.StartNew();
        try
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        finally
        {
            Write(message, watch.Elapsed);
        }
    }

    private static void Write(HttpMessage message, TimeSpan elapsed)
    {
        var status = message.HasResponse ? message.Response.Status.ToString(CultureInfo.InvariantCulture) : "no response";
        var cv = message.HasResponse && message.Response.Headers.TryGetValue("MS-CV", out var value) ? value : "-";
        OperationContext.Current.Log.Debug($"ACS {message.Request.Method} {message.Request.Uri.Path} -> {status} in {elapsed.TotalMilliseconds:0} ms " +
            $"(MS-CV {cv}, x-ms-client-request-id {message.Request.ClientRequestId}).");
    }
}
