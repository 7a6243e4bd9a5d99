using System.Management.Automation;
using AcsTeamsAdmin.Engine.ServicePrincipals;
using AcsTeamsAdmin.Infrastructure;

namespace AcsTeamsAdmin.Commands;

/// <summary>
/// Gets the Azure Communication Services service principal (or another app's) in the connected tenant;
/// nothing when the tenant has none. Needs Application.Read.All.
/// </summary>
[Cmdlet(VerbsCommon.Get, "AcsTeamsServicePrincipal")]
[OutputType(typeof(ServicePrincipalInfo))]
public sealed class GetAcsTeamsServicePrincipalCommand : ConnectedCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ClientId")]
    [ArgumentCompleter(typeof(AppIdCompleter))]
    public string AppId { get; set; } = AcsFirstPartyApp.AppId;

    protected override async Task ProcessRecordAsync(PipelineStep pipeline)
    {
        var principal = await ServicePrincipalOperations.GetAsync(Connection, Engine.Identifiers.AppId.Parse(AppId), pipeline.Context).ConfigureAwait(false);
        if (principal is not null)
        {
            pipeline.WriteObject(principal);
        }
    }
}
