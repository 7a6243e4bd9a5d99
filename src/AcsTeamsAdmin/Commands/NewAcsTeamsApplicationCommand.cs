using System.Management.Automation;
using AcsTeamsAdmin.Engine.Applications;
using AcsTeamsAdmin.Infrastructure;

namespace AcsTeamsAdmin.Commands;

/// <summary>
/// Registers an app with everything ACS with Teams needs, in one request: the ACS delegated
/// permissions, public client flows, a public client redirect URI and, with -MultiTenant, a
/// multi-tenant audience. An app already registered under the name is returned, not duplicated.
/// Needs Application.ReadWrite.All.
/// </summary>
[Cmdlet(VerbsCommon.New, "AcsTeamsApplication", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(AppRegistrationInfo))]
public sealed class NewAcsTeamsApplicationCommand : ConnectedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    public string DisplayName { get; set; } = string.Empty;

    [Parameter]
    public SwitchParameter MultiTenant { get; set; }

    [Parameter]
    public string RedirectUri { get; set; } = PublicClientRedirectUri.Default.Value;

    [Parameter]
    [ArgumentCompleter(typeof(AcsScopeCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Scope { get; set; } = [];

    [Parameter]
    public SwitchParameter IncludeLegacyVoip { get; set; }

    private AcsApplicationSettings? _settings;

    // The settings apply to every piped display name: bad ones fail the whole call, before any request.
    protected override async Task BeginProcessingAsync(PipelineStep pipeline)
    {
        _settings = AcsApplicationSettings.ForNewApplication(Scope, IncludeLegacyVoip, RedirectUri, MultiTenant);
        await base.BeginProcessingAsync(pipeline).ConfigureAwait(false);
    }

    protected override async Task ProcessRecordAsync(PipelineStep pipeline)
    {
        var result = await ApplicationOperations.NewAsync(Connection, DisplayName, _settings!, pipeline.Context).ConfigureAwait(false);
        if (result is not null)
        {
            pipeline.WriteObject(result);
        }
    }
}
