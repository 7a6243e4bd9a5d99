using System.Management.Automation;
using AcsTeamsAdmin.Engine.Applications;
using AcsTeamsAdmin.Infrastructure;

namespace AcsTeamsAdmin.Commands;

/// <summary>
/// Shows an app registration as ACS with Teams sees it: the ACS permissions it requests and lacks,
/// public client settings, sign-in audience and publisher. By id, or by display name with wildcards
/// (Graph's startswith does the prefix, the rest is matched locally). Needs Application.Read.All.
/// </summary>
[Cmdlet(VerbsCommon.Get, "AcsTeamsApplication", DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(AppRegistrationInfo))]
public sealed class GetAcsTeamsApplicationCommand : ConnectedCmdlet
{
    private const string ByIdSet = "ById";
    private const string ByDisplayNameSet = "ByDisplayName";

    /// <summary>The app's appId, or its object id (-ApplicationId, as Graph PowerShell names an object id).</summary>
    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ApplicationId")]
    [ArgumentCompleter(typeof(AppIdCompleter))]
    public string AppId { get; set; } = string.Empty;

    [Parameter(ParameterSetName = ByDisplayNameSet, Mandatory = true)]
    [SupportsWildcards]
    public string DisplayName { get; set; } = string.Empty;

    protected override async Task ProcessRecordAsync(PipelineStep pipeline)
    {
        if (ParameterSetName == ByDisplayNameSet)
        {
            var pattern = DisplayNamePattern.Parse(DisplayName);
            pipeline.WriteObject(await ApplicationOperations.FindAsync(Connection, pattern, pipeline.Context).ConfigureAwait(false), enumerate: true);
            return;
        }

        var id = AppIdOrObjectId.Parse(AppId);
        pipeline.WriteObject(await ApplicationOperations.GetAsync(Connection, id, pipeline.Context).ConfigureAwait(false));
    }
}
