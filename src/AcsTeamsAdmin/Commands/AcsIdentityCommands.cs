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

/// <summary>
/// A change to existing ACS identities taken from the pipeline (revoke their tokens, delete them):
/// one client per ACS resource (the typed one, or each piped identity's own), each id parsed before its call, a record with -PassThru.
/// </summary>
public abstract class AcsIdentityChangeCmdlet : AcsCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public string IdentityId { get; set; } = "";

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>What -PassThru reports as done, e.g. "Revoked".</summary>
    protected abstract string ChangeName { get; }

    /// <summary>The engine operation; true when it did (or had already done) the change.</summary>
    private protected abstract Task<bool> ChangeAsync(IAcsIdentityClient client, AcsIdentityId identity, OperationContext context);

    protected override Task BeginProcessingAsync(PipelineStep pipeline)
    {
        PrepareClient(pipeline.Context.Log);
        return Task.CompletedTask;
    }

    protected override async Task ProcessRecordAsync(PipelineStep pipeline)
    {
        var identity = AcsIdentityId.Parse(IdentityId);
        var client = ClientForRecord(pipeline.Context.Log);
        if (await ChangeAsync(client, identity, pipeline.Context).ConfigureAwait(false) && PassThru)
        {
            pipeline.WriteObject(new AcsIdentityChange(identity.Value, ChangeName, client.Endpoint.AbsoluteUri));
        }
    }
}

/// <summary>Revokes every token issued so far to an ACS identity; the identity stays. Writes nothing unless -PassThru.</summary>
[Cmdlet(VerbsSecurity.Revoke, "AcsAccessToken", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(AcsIdentityChange))]
public sealed class RevokeAcsAccessTokenCommand : AcsIdentityChangeCmdlet
{
    protected override string ChangeName => "Revoked";

    private protected override Task<bool> ChangeAsync(IAcsIdentityClient client, AcsIdentityId identity, OperationContext context) =>
        AcsIdentityOperations.RevokeAccessTokensAsync(client, identity, context);
}

/// <summary>
/// Deletes an ACS identity and its tokens. Already deleted counts as done, so re-running is safe. High impact:
/// the identity's chat threads and data go with it, so PowerShell asks unless -Confirm:$false.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "AcsIdentity", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(AcsIdentityChange))]
public sealed class RemoveAcsIdentityCommand : AcsIdentityChangeCmdlet
{
    protected override string ChangeName => "Deleted";

    private protected override Task<bool> ChangeAsync(IAcsIdentityClient client, AcsIdentityId identity, OperationContext context) =>
        AcsIdentityOperations.RemoveIdentityAsync(client, identity, context);
}
