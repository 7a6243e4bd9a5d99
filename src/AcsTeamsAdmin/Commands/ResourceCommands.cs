using System.Management.Automation;
using AcsTeamsAdmin.Engine.Resources;
using AcsTeamsAdmin.Infrastructure;

namespace AcsTeamsAdmin.Commands;

/// <summary>
/// Gets Azure Communication Services resources from Azure Resource Manager with the session's sign-in: one by
/// subscription, resource group and name, those of a subscription or group, or every one the sign-in can see. The
/// output binds by property name to Test-AcsAnonymousJoinPolicy (-AcsResourceId), Test-AcsTeamsReadiness
/// (-AcsEndpoint) and the ACS identity cmdlets (-Endpoint, -ConnectionString with -IncludeConnectionString).
/// Needs an Azure role that reads the resource (Reader); the connection string needs its ListKeys action (Contributor).
/// </summary>
[Cmdlet(VerbsCommon.Get, "AcsResource")]
[OutputType(typeof(AcsResource))]
public sealed class GetAcsResourceCommand : ConnectedCmdlet
{
    private AcsResourceQuery? _query;

    [Parameter]
    public string? SubscriptionId { get; set; }

    [Parameter]
    public string? ResourceGroupName { get; set; }

    [Parameter(Position = 0)]
    [SupportsWildcards]
    public string? Name { get; set; }

    /// <summary>Also read the primary connection string (POST listKeys), as a SecureString.</summary>
    [Parameter]
    public SwitchParameter IncludeConnectionString { get; set; }

    // Every value is checked before signing in to Azure Resource Manager.
    protected override async Task BeginProcessingAsync(PipelineStep pipeline)
    {
        _query = AcsResourceQuery.Parse(SubscriptionId, ResourceGroupName, Name, IncludeConnectionString);
        await base.BeginProcessingAsync(pipeline).ConfigureAwait(false);
    }

    protected override async Task ProcessRecordAsync(PipelineStep pipeline) =>
        pipeline.WriteObject(await AcsResourceOperations.GetAsync(Connection, _query!, pipeline.Context).ConfigureAwait(false), enumerate: true);
}
