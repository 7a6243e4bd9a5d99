using System.Management.Automation;
using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Infrastructure;

namespace AcsTeamsAdmin.Commands;

/// <summary>Revokes every token issued so far to an ACS identity; the identity stays. Writes nothing unless -PassThru.</summary>
[Cmdlet(VerbsSecurity.Revoke, "AcsAccessToken", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(AcsIdentityChange))]
public sealed class RevokeAcsAccessTokenCommand : AcsCmdlet
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
        if (await AcsIdentityOperations.RevokeAccessTokensAsync(_client!, identity, CreateOperationContext()).ConfigureAwait(false) && PassThru)
        {
            PostObject(new AcsIdentityChange(identity.Value, "Revoked", _client!.Endpoint.AbsoluteUri));
        }
    }
}
