using System.Management.Automation;
using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Infrastructure;

namespace AcsTeamsAdmin.Commands;

/// <summary>Revokes every token issued so far to an ACS identity; the identity stays. Writes nothing unless -PassThru.</summary>
[Cmdlet(VerbsSecurity.Revoke, "AcsAccessToken", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(AcsIdentityChange))]
public sealed class RevokeAcsAccessTokenCommand : AcsIdentityChangeCmdlet
{
    protected override string ChangeName => "Revoked";

    private protected override Task<bool> ChangeAsync(IAcsIdentityClient client, AcsIdentityId identity, OperationContext context) =>
        AcsIdentityOperations.RevokeAccessTokensAsync(client, identity, context);
}
