using System.Management.Automation;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.ServicePrincipals;
using AcsTeamsAdmin.Infrastructure;

namespace AcsTeamsAdmin.Commands;

/// <summary>
/// Get-/New-AcsTeamsServicePrincipal: the same -AppId (the ACS first-party app unless another is named, piped by value
/// or by property name), one engine call per record, the service principal written when there is one.
/// </summary>
public abstract class ServicePrincipalCmdlet : ConnectedCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ClientId")]
    [ArgumentCompleter(typeof(AppIdCompleter))]
    public string AppId { get; set; } = AcsFirstPartyApp.AppId;

    private protected abstract Task<ServicePrincipalInfo?> RunAsync(
        AcsTeamsAdminConnection connection, Engine.Identifiers.AppId appId, OperationContext context);

    protected override async Task ProcessRecordAsync(PipelineStep pipeline)
    {
        var principal = await RunAsync(Connection, Engine.Identifiers.AppId.Parse(AppId), pipeline.Context).ConfigureAwait(false);
        if (principal is not null)
        {
            pipeline.WriteObject(principal);
        }
    }
}

/// <summary>
/// Gets the Azure Communication Services service principal (or another app's) in the connected tenant;
/// nothing when the tenant has none. Needs Application.Read.All.
/// </summary>
[Cmdlet(VerbsCommon.Get, "AcsTeamsServicePrincipal")]
[OutputType(typeof(ServicePrincipalInfo))]
public sealed class GetAcsTeamsServicePrincipalCommand : ServicePrincipalCmdlet
{
    private protected override Task<ServicePrincipalInfo?> RunAsync(
        AcsTeamsAdminConnection connection, Engine.Identifiers.AppId appId, OperationContext context) =>
        ServicePrincipalOperations.GetAsync(connection, appId, context);
}

/// <summary>
/// Makes sure the connected tenant has the Azure Communication Services service principal (or
/// another multi-tenant app's): returns it whether created or already there, and never creates two.
/// Needs Application.ReadWrite.All.
/// </summary>
[Cmdlet(VerbsCommon.New, "AcsTeamsServicePrincipal", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ServicePrincipalInfo))]
public sealed class NewAcsTeamsServicePrincipalCommand : ServicePrincipalCmdlet
{
    private protected override Task<ServicePrincipalInfo?> RunAsync(
        AcsTeamsAdminConnection connection, Engine.Identifiers.AppId appId, OperationContext context) =>
        ServicePrincipalOperations.EnsureAsync(connection, appId, context);
}
