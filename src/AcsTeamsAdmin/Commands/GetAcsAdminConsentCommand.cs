using System.Management.Automation;
using AcsTeamsAdmin.Engine.Consent;
using AcsTeamsAdmin.Engine.ServicePrincipals;
using AcsTeamsAdmin.Infrastructure;

namespace AcsTeamsAdmin.Commands;

/// <summary>
/// Reports the tenant-wide consent a client app has for the Azure Communication Services scopes:
/// granted, missing and extra scopes, and Granted / Partial / NotGranted. Changes nothing.
/// Needs Application.Read.All and DelegatedPermissionGrant.Read.All.
/// </summary>
[Cmdlet(VerbsCommon.Get, "AcsAdminConsent")]
[OutputType(typeof(AdminConsentStatus))]
public sealed class GetAcsAdminConsentCommand : ConnectedCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ClientId", "ApplicationId", "ClientAppId")]
    [ArgumentCompleter(typeof(AppIdCompleter))]
    public string? AppId { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(AcsScopeCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Scope { get; set; }

    private IReadOnlyList<AcsScope> _scopes = [];

    // -Scope applies to every piped app: a bad one fails the whole call, before any request.
    protected override async Task BeginProcessingAsync(PipelineStep pipeline)
    {
        _scopes = AcsScope.Parse(Scope);
        await base.BeginProcessingAsync(pipeline).ConfigureAwait(false);
    }

    protected override async Task ProcessRecordAsync(PipelineStep pipeline)
    {
        var appId = Engine.Identifiers.AppId.Parse(AppId);
        var scopes = _scopes;
        pipeline.WriteObject(await ConsentOperations.GetAsync(Connection, appId, scopes, pipeline.Context).ConfigureAwait(false));
    }
}
