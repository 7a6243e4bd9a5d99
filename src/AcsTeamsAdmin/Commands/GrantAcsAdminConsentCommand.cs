using System.Management.Automation;
using AcsTeamsAdmin.Engine.Consent;
using AcsTeamsAdmin.Engine.ServicePrincipals;
using AcsTeamsAdmin.Infrastructure;

namespace AcsTeamsAdmin.Commands;

/// <summary>
/// Grants tenant-wide (admin) consent for the Azure Communication Services scopes to a client app, as
/// the admin consent link would: creates the app's and ACS's service principals when missing, then
/// creates the AllPrincipals grant or adds the missing scopes to it, keeping the others. Confirm
/// impact High: consent on behalf of every user of the tenant is a decision to confirm.
/// Needs DelegatedPermissionGrant.ReadWrite.All (and Application.ReadWrite.All to create a service principal).
/// </summary>
[Cmdlet(VerbsSecurity.Grant, "AcsAdminConsent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(AdminConsentStatus))]
public sealed class GrantAcsAdminConsentCommand : ConnectedCmdlet
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
        var status = await ConsentOperations.GrantAsync(Connection, appId, scopes, pipeline.Context).ConfigureAwait(false);
        if (status is not null)
        {
            pipeline.WriteObject(status);
        }
    }
}
