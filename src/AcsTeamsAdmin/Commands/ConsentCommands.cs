using System.Management.Automation;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Consent;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.ServicePrincipals;
using AcsTeamsAdmin.Infrastructure;

namespace AcsTeamsAdmin.Commands;

/// <summary>
/// Builds the admin consent link(s) an ISV sends to customer administrators: v1 (consent to what the
/// app registration lists) or, with -V2 or -Scope, v2 (consent to the ACS scopes in the link). Offline:
/// needs no connection. One link per tenant, so a CSV of customers piped in gives a link each.
/// </summary>
[Cmdlet(VerbsCommon.Get, "AcsAdminConsentUrl")]
[OutputType(typeof(AdminConsentUrl))]
public sealed class GetAcsAdminConsentUrlCommand : AsyncCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Tenant")]
    public string[] TenantId { get; set; } = [];

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("AppId", "ApplicationId")]
    [ArgumentCompleter(typeof(AppIdCompleter))]
    public string? ClientId { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("RedirectUrl", "ReplyUrl")]
    public string? RedirectUri { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? State { get; set; }

    // Not taken from piped objects: a stray empty "Scope" column would silently switch the link to v2.
    [Parameter]
    [ArgumentCompleter(typeof(AcsScopeCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Scope { get; set; }

    [Parameter]
    public SwitchParameter V2 { get; set; }

    [Parameter]
    public CloudEnvironment Environment { get; set; } = CloudEnvironment.Global;

    // The parameters given on the command line, as opposed to those a piped record (a CSV row) binds.
    private HashSet<string> _given = [];

    // What the command line gives applies to every tenant: checked once here, terminating, with stand-ins for what
    // a piped record may still bring (the tenant always; the client id and redirect URI when not given here).
    protected override Task BeginProcessingAsync(PipelineStep pipeline)
    {
        _given = [.. MyInvocation.BoundParameters.Keys];
        var piped = MyInvocation.ExpectingInput;
        _ = AdminConsentUrlBuilder.Build(Request("organizations") with
        {
            ClientId = _given.Contains(nameof(ClientId)) ? ClientId : Engine.ServicePrincipals.AcsFirstPartyApp.AppId,
            RedirectUri = _given.Contains(nameof(RedirectUri)) || !piped ? RedirectUri : "http://localhost",
        }, OperationContext.Unattended().Log);
        return Task.CompletedTask;
    }

    protected override Task ProcessRecordAsync(PipelineStep pipeline)
    {
        var log = pipeline.Context.Log;
        foreach (var tenant in TenantId)
        {
            try
            {
                pipeline.WriteObject(AdminConsentUrlBuilder.BuildForTenant(Request(tenant), tenant, log));
            }
            catch (AcsTeamsAdminException error)
            {
                // One tenant's link failing is that tenant's: the next one goes on.
                pipeline.WriteError(ErrorRecordFactory.Create(error));
            }
        }

        return Task.CompletedTask;
    }

    // An empty cell of a piped CSV row means "not given"; an empty value typed on the command line is still refused.
    private AdminConsentUrlRequest Request(string tenant) => new()
    {
        TenantId = tenant,
        ClientId = ClientId,
        RedirectUri = FromRecord(nameof(RedirectUri), RedirectUri),
        State = FromRecord(nameof(State), State),
        Scope = Scope,
        V2 = V2,
        Environment = Environment,
    };

    private string? FromRecord(string parameter, string? value) =>
        !_given.Contains(parameter) && string.IsNullOrWhiteSpace(value) ? null : value;
}

/// <summary>
/// Grant-/Get-AcsAdminConsent: the same -AppId (piped by value or by property name) and -Scope (checked once, in
/// Begin: a bad scope fails the whole call before any request), one engine call per app.
/// </summary>
public abstract class AdminConsentCmdlet : ConnectedCmdlet
{
    private IReadOnlyList<AcsScope> _scopes = [];

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ClientId", "ApplicationId", "ClientAppId")]
    [ArgumentCompleter(typeof(AppIdCompleter))]
    public string? AppId { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(AcsScopeCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Scope { get; set; }

    private protected abstract Task<AdminConsentStatus?> RunAsync(
        AcsTeamsAdminConnection connection, Engine.Identifiers.AppId appId, IReadOnlyList<AcsScope> scopes, OperationContext context);

    protected override async Task BeginProcessingAsync(PipelineStep pipeline)
    {
        _scopes = AcsScope.Parse(Scope);
        await base.BeginProcessingAsync(pipeline).ConfigureAwait(false);
    }

    protected override async Task ProcessRecordAsync(PipelineStep pipeline)
    {
        var status = await RunAsync(Connection, Engine.Identifiers.AppId.Parse(AppId), _scopes, pipeline.Context).ConfigureAwait(false);
        if (status is not null)
        {
            pipeline.WriteObject(status);
        }
    }
}

/// <summary>
/// Grants tenant-wide (admin) consent for the Azure Communication Services scopes to a client app, as
/// the admin consent link would: creates the app's and ACS's service principals when missing, then
/// creates the AllPrincipals grant or adds the missing scopes to it, keeping the others. Confirm
/// impact High: consent on behalf of every user of the tenant is a decision to confirm.
/// Needs DelegatedPermissionGrant.ReadWrite.All (and Application.ReadWrite.All to create a service principal).
/// </summary>
[Cmdlet(VerbsSecurity.Grant, "AcsAdminConsent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(AdminConsentStatus))]
public sealed class GrantAcsAdminConsentCommand : AdminConsentCmdlet
{
    private protected override Task<AdminConsentStatus?> RunAsync(
        AcsTeamsAdminConnection connection, Engine.Identifiers.AppId appId, IReadOnlyList<AcsScope> scopes, OperationContext context) =>
        ConsentOperations.GrantAsync(connection, appId, scopes, context);
}

/// <summary>
/// Reports the tenant-wide consent a client app has for the Azure Communication Services scopes:
/// granted, missing and extra scopes, and Granted / Partial / NotGranted. Changes nothing.
/// Needs Application.Read.All and DelegatedPermissionGrant.Read.All.
/// </summary>
[Cmdlet(VerbsCommon.Get, "AcsAdminConsent")]
[OutputType(typeof(AdminConsentStatus))]
public sealed class GetAcsAdminConsentCommand : AdminConsentCmdlet
{
    private protected override async Task<AdminConsentStatus?> RunAsync(
        AcsTeamsAdminConnection connection, Engine.Identifiers.AppId appId, IReadOnlyList<AcsScope> scopes, OperationContext context) =>
        await ConsentOperations.GetAsync(connection, appId, scopes, context).ConfigureAwait(false);
}
