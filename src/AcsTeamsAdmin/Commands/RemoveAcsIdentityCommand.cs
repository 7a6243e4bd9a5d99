using System.Management.Automation;
using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Infrastructure;

namespace AcsTeamsAdmin.Commands;

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
