using System.Management.Automation;
using AcsTeamsAdmin.Engine.Applications;
using AcsTeamsAdmin.Engine.Readiness;
using AcsTeamsAdmin.Infrastructure;

namespace AcsTeamsAdmin.Commands;

/// <summary>
/// One-shot setup planned from the readiness reads: every fixable check that fails (the ACS service
/// principal; each app's ACS permissions, public client flows, redirect URI and audience; its service
/// principal and admin consent) is asked about (ShouldProcess), then fixed with the writes of
/// New-AcsTeamsServicePrincipal, Set-AcsVoipPermission and Grant-AcsAdminConsent. Writes one SetupCheck
/// per check: its status afterwards and what this run changed (-WhatIf: WouldChange). A second run changes
/// nothing. Needs Application.ReadWrite.All and DelegatedPermissionGrant.ReadWrite.All.
/// </summary>
[Cmdlet(VerbsData.Initialize, "AcsTeams", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(SetupCheck))]
public sealed class InitializeAcsTeamsCommand : ConnectedCmdlet
{
    private readonly PipedAppIds _appIds = new();
    private PublicClientRedirectUri? _redirectUri;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ClientId", "ApplicationId")]
    [ArgumentCompleter(typeof(AppIdCompleter))]
    public string[] AppId { get; set; } = [];

    /// <summary>TenantAdmin, AppOwner, or both (the default).</summary>
    [Parameter]
    public SetupRoles[] Role { get; set; } = [SetupRoles.All];

    [Parameter]
    public SwitchParameter MultiTenant { get; set; }

    [Parameter]
    public string? RedirectUri { get; set; }

    // -RedirectUri applies to every app: a bad one fails the whole call, before any request.
    protected override async Task BeginProcessingAsync(PipelineStep pipeline)
    {
        _redirectUri = RedirectUri is null ? null : PublicClientRedirectUri.Parse(RedirectUri);
        await base.BeginProcessingAsync(pipeline).ConfigureAwait(false);
    }

    protected override Task ProcessRecordAsync(PipelineStep pipeline)
    {
        _appIds.Add(AppId, pipeline);
        return Task.CompletedTask;
    }

    protected override async Task EndProcessingAsync(PipelineStep pipeline)
    {
        _appIds.RequireAny(required: true, MyInvocation.ExpectingInput);

        var request = new SetupRequest
        {
            AppIds = _appIds.Ids,
            Roles = Role.Aggregate((SetupRoles)0, (all, role) => all | role),
            MultiTenant = MultiTenant,
            RedirectUri = _redirectUri,
        };
        pipeline.WriteObject(await SetupOperations.InitializeAsync(Connection, request, pipeline.Context).ConfigureAwait(false), enumerate: true);
    }
}
