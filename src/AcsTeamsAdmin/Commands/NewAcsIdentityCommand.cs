using System.Management.Automation;
using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Infrastructure;

namespace AcsTeamsAdmin.Commands;

/// <summary>
/// Creates ACS (bring-your-own) identities, optionally each with a first token. One per piped object
/// (`1..500 | New-AcsIdentity`) or -Count of them, with at most -ThrottleLimit requests at once; identities are
/// written as they are created (completion order), and a failed one is a non-terminating error.
/// </summary>
[Cmdlet(VerbsCommon.New, "AcsIdentity", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(AcsIdentity))]
public sealed class NewAcsIdentityCommand : AcsCmdlet
{
    private AcsIdentityBatch? _batch;

    /// <summary>Each piped object creates one identity; its value is not used.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public object? InputObject { get; set; }

    [Parameter(Position = 0)]
    [ValidateRange(1, 100000)]
    public int Count { get; set; } = 1;

    [Parameter]
    [ArgumentCompleter(typeof(AcsTokenScopeCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Scope { get; set; }

    [Parameter]
    public int? ExpiresInMinutes { get; set; }

    [Parameter]
    public int ThrottleLimit { get; set; } = AcsIdentityBatch.DefaultThrottleLimit;

    protected override Task BeginProcessingAsync(PipelineStep pipeline)
    {
        // Everything is parsed before the first request.
        var token = AcsTokenRequest.ParseOptional(Scope, ExpiresInMinutes);

        if (MyInvocation.BoundParameters.ContainsKey(nameof(Count)) && MyInvocation.ExpectingInput)
        {
            throw new AcsTeamsAdminException(ErrorIds.ConflictingParameters, FailureCategory.InvalidArgument,
                "-Count and pipeline input both say how many identities to create; use one.", "Pipe objects (1..500 | New-AcsIdentity) or pass -Count 500.");
        }

        var throttle = AcsIdentityBatch.ParseThrottleLimit(ThrottleLimit);
        PrepareClient(pipeline.Context.Log);
        _batch = new AcsIdentityBatch(
            MyInvocation.ExpectingInput ? null : ClientForRecord(pipeline.Context.Log),
            token,
            throttle,
            MyInvocation.ExpectingInput ? null : Count,
            CancelToken);
        return Task.CompletedTask;
    }

    protected override async Task ProcessRecordAsync(PipelineStep pipeline)
    {
        if (MyInvocation.ExpectingInput)
        {
            // Each piped object may name its own resource (Get-AcsResource's output): the identity is created there.
            await _batch!.AddAsync(pipeline.Context, ClientForRecord(pipeline.Context.Log)).ConfigureAwait(false);
            Write(pipeline, _batch.TakeFinished(pipeline.Context));
        }
    }

    protected override async Task EndProcessingAsync(PipelineStep pipeline)
    {
        if (!MyInvocation.ExpectingInput)
        {
            for (var i = 0; i < Count; i++)
            {
                await _batch!.AddAsync(pipeline.Context).ConfigureAwait(false);
                Write(pipeline, _batch.TakeFinished(pipeline.Context));
            }
        }

        Write(pipeline, await _batch!.CompleteAsync(pipeline.Context).ConfigureAwait(false));
    }

    // The pipeline is stopping: identities created as it stopped, and those taken but not written before it did, can
    // only be listed in the warning; errors not written count with the requests that may have created one.
    protected override string? StoppedSummary(StepLeftovers leftovers)
    {
        if (_batch is null)
        {
            return null;
        }

        var stop = _batch.StopAsync().GetAwaiter().GetResult();
        AcsIdentity[] unwritten = [.. leftovers.Output.OfType<AcsIdentity>()];
        return new BatchStop(stop.Reported - unwritten.Length, [.. unwritten, .. stop.Late], stop.CutOff + leftovers.Errors).Describe(lateWritten: false)
            + " Keep what a long run writes with -OutVariable, or pipe it to Export-Csv.";
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _batch?.Dispose();
        }

        base.Dispose(disposing);
    }

    private static void Write(PipelineStep pipeline, IReadOnlyList<WorkResult<AcsIdentity>> results)
    {
        foreach (var result in results)
        {
            switch (result.Error)
            {
                case null:
                    pipeline.WriteObject(result.Value);
                    break;
                case AcsTeamsAdminException failure when failure.FailsEveryInput:
                    // An unreachable endpoint or a refused key fails every identity alike: one error, then stop.
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
                    break;
                case AcsTeamsAdminException failure:
                    pipeline.WriteError(ErrorRecordFactory.Create(failure));
                    break;
                default:
                    // Cancellation (Ctrl+C) and defects end the command.
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(result.Error);
                    break;
            }
        }
    }
}
