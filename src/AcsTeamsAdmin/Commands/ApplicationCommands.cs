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

/// <summary>
/// Adds the Azure Communication Services delegated permissions (and, on request, the public client
/// settings and a multi-tenant audience) to an app registration, merging into what it has: nothing
/// it had is lost, nothing is added twice, and a second run writes nothing. Needs Application.ReadWrite.All.
/// </summary>
[Cmdlet(VerbsCommon.Set, "AcsVoipPermission", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(AppRegistrationInfo))]
public sealed class SetAcsVoipPermissionCommand : ConnectedCmdlet
{
    /// <summary>The app's appId, or its object id (-ApplicationId, as Graph PowerShell names an object id).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ApplicationId")]
    [ArgumentCompleter(typeof(AppIdCompleter))]
    public string AppId { get; set; } = string.Empty;

    /// <summary>ACS delegated permissions by name; default Teams.ManageCalls and Teams.ManageChats.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(AcsScopeCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Scope { get; set; } = [];

    [Parameter]
    public SwitchParameter IncludeLegacyVoip { get; set; }

    [Parameter]
    public SwitchParameter AllowPublicClientFlows { get; set; }

    [Parameter]
    public string? RedirectUri { get; set; }

    [Parameter]
    public SwitchParameter MultiTenant { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private AcsApplicationSettings? _settings;

    // The settings apply to every piped app: bad ones fail the whole call, before any request.
    protected override async Task BeginProcessingAsync(PipelineStep pipeline)
    {
        _settings = AcsApplicationSettings.ForChange(Scope, IncludeLegacyVoip, AllowPublicClientFlows, RedirectUri, MultiTenant);
        await base.BeginProcessingAsync(pipeline).ConfigureAwait(false);
    }

    protected override async Task ProcessRecordAsync(PipelineStep pipeline)
    {
        // The app is parsed before any call, so bad input never reaches Graph.
        var id = AppIdOrObjectId.Parse(AppId);
        var result = await ApplicationOperations.SetAsync(Connection, id, _settings!, pipeline.Context).ConfigureAwait(false);
        if (PassThru && result is not null)
        {
            pipeline.WriteObject(result);
        }
    }
}
