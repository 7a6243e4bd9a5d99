using System.Management.Automation;
using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.Operations;

namespace AcsTeamsAdmin.Infrastructure;

/// <summary>
/// A change to existing ACS identities taken from the pipeline (revoke their tokens, delete them):
/// one client for the whole pipeline, each id parsed before its call, a record with -PassThru.
/// </summary>
public abstract class AcsIdentityChangeCmdlet : AcsCmdlet
{
    private IAcsIdentityClient? _client;

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
        _client = CreateClient(pipeline.Context.Log);
        return Task.CompletedTask;
    }

    protected override async Task ProcessRecordAsync(PipelineStep pipeline)
    {
        var identity = AcsIdentityId.Parse(IdentityId);
        if (await ChangeAsync(_client!, identity, pipeline.Context).ConfigureAwait(false) && PassThru)
        {
            pipeline.WriteObject(new AcsIdentityChange(identity.Value, ChangeName, _client!.Endpoint.AbsoluteUri));
        }
    }
}
