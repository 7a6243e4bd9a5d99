using System.Management.Automation;
using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.Operations;

namespace AcsTeamsAdmin.Infrastructure;

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
