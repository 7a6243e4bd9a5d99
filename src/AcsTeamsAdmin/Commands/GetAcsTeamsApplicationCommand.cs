using System.Management.Automation;
using AcsTeamsAdmin.Engine.Applications;
using AcsTeamsAdmin.Infrastructure;

namespace AcsTeamsAdmin.Commands;

/// <summary>
/// Shows an app registration as ACS with Teams sees it: the ACS permissions it requests and lacks,
/// public client settings, sign-in audience and publisher. Needs Application.Read.All.
/// </summary>
[Cmdlet(VerbsCommon.Get, "AcsTeamsApplication")]
[OutputType(typeof(AppRegistrationInfo))]
public sealed class GetAcsTeamsApplicationCommand : ConnectedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("AppId")]
    [ArgumentCompleter(typeof(AppIdCompleter))]
    public string ApplicationId { get; set; } = string.Empty;

    protected override async Task ProcessRecordAsync()
    {
        var id = AppRegistrationId.Parse(ApplicationId);
        PostObject(await ApplicationOperations.GetAsync(Connection, id, CreateOperationContext()).ConfigureAwait(false));
    }
}
