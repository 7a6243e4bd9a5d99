using System.Management.Automation;
using AcsTeamsAdmin.Engine.Applications;
using AcsTeamsAdmin.Engine.Readiness;
using AcsTeamsAdmin.Infrastructure;

namespace AcsTeamsAdmin.Commands;

/// <summary>
/// One-shot setup: runs every fixable step in order (the ACS service principal; each app's ACS
/// permissions, public client flows, redirect URI and audience; admin consent) through the same
/// operations as New-AcsTeamsServicePrincipal, Set-AcsVoipPermission and Grant-AcsAdminConsent, each
/// behind ShouldProcess, then writes the readiness report. -WhatIf lists each step as WouldChange or
/// NoChange; a second run changes nothing. Needs Application.ReadWrite.All and DelegatedPermissionGrant.ReadWrite.All.
/// </summary>
[Cmdlet(VerbsData.Initialize, "AcsTeams", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(SetupStep))]
[OutputType(typeof(ReadinessCheck))]
public sealed class InitializeAcsTeamsCommand : ConnectedCmdlet
{
    private readonly List<string> _appIds = [];

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

    protected override Task ProcessRecordAsync(PipelineStep pipeline)
    {
        _appIds.AddRange(AppId);
        return Task.CompletedTask;
    }

    protected override async Task EndProcessingAsync(PipelineStep pipeline)
    {
        var request = new SetupRequest
        {
            AppIds = _appIds.Select(value => Engine.Identifiers.AppId.Parse(value)).ToArray(),
            Roles = Role.Aggregate((SetupRoles)0, (all, role) => all | role),
            MultiTenant = MultiTenant,
            RedirectUri = RedirectUri is null ? null : PublicClientRedirectUri.Parse(RedirectUri),
        };
        var (steps, report) = await SetupOperations.InitializeAsync(Connection, request, pipeline.Context).ConfigureAwait(false);
        pipeline.WriteObject(steps, enumerate: true);
        pipeline.WriteObject(report, enumerate: true);
    }
}
