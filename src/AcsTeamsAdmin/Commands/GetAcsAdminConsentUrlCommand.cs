using System.Management.Automation;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Consent;
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
    public string[]? Scope { get; set; }

    [Parameter]
    public SwitchParameter V2 { get; set; }

    [Parameter]
    public CloudEnvironment Environment { get; set; } = CloudEnvironment.Global;

    protected override Task ProcessRecordAsync(PipelineStep pipeline)
    {
        var log = pipeline.Context.Log;
        foreach (var tenant in TenantId)
        {
            pipeline.WriteObject(AdminConsentUrlBuilder.Build(new AdminConsentUrlRequest
            {
                TenantId = tenant,
                ClientId = ClientId,
                RedirectUri = RedirectUri,
                State = State,
                Scope = Scope,
                V2 = V2,
                Environment = Environment,
            }, log));
        }

        return Task.CompletedTask;
    }
}
