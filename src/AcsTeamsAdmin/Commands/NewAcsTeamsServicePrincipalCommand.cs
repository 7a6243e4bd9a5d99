using System.Management.Automation;
using AcsTeamsAdmin.Engine.ServicePrincipals;
using AcsTeamsAdmin.Infrastructure;

namespace AcsTeamsAdmin.Commands;

/// <summary>
/// Makes sure the connected tenant has the Azure Communication Services service principal (or
/// another multi-tenant app's): returns it whether created or already there, and never creates two.
/// Needs Application.ReadWrite.All.
/// </summary>
[Cmdlet(VerbsCommon.New, "AcsTeamsServicePrincipal", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ServicePrincipalInfo))]
public sealed class NewAcsTeamsServicePrincipalCommand : ConnectedCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ClientId")]
    [ArgumentCompleter(typeof(AppIdCompleter))]
    public string AppId { get; set; } = AcsFirstPartyApp.AppId;

    protected override async Task ProcessRecordAsync(PipelineStep pipeline)
    {
        var principal = await ServicePrincipalOperations.EnsureAsync(Connection, Engine.Identifiers.AppId.Parse(AppId), pipeline.Context).ConfigureAwait(false);
        if (principal is not null)
        {
            pipeline.WriteObject(principal);
        }
    }
}
