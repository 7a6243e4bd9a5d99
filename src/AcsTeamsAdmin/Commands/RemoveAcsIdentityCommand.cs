using System.Management.Automation;
using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Infrastructure;

namespace AcsTeamsAdmin.Commands;

/// <summary>
/// Deletes an ACS identity and its tokens. Already deleted counts as done, so re-running is safe. High impact:
/// the identity's chat threads and data go with it, so PowerShell asks unless -Confirm:$false.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "AcsIdentity", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(AcsIdentityChange))]
public sealed class RemoveAcsIdentityCommand : AcsCmdlet
{
    private IAcsIdentityClient? _client;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public string IdentityId { get; set; } = "";

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override Task BeginProcessingAsync()
    {
        _client = CreateClient(CreateOperationContext().Log);
        return Task.CompletedTask;
    }

    protected override async Task ProcessRecordAsync()
    {
        var identity = AcsIdentityId.Parse(IdentityId);
        if (await AcsIdentityOperations.RemoveIdentityAsync(_client!, identity, CreateOperationContext()).ConfigureAwait(false) && PassThru)
        {
            PostObject(new AcsIdentityChange(identity.Value, "Deleted", _client!.Endpoint.AbsoluteUri));
        }
    }
}
