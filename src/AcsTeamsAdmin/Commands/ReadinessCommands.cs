using System.Management.Automation;
using System.Security;
using AcsTeamsAdmin.Engine.Applications;
using AcsTeamsAdmin.Engine.Readiness;
using AcsTeamsAdmin.Infrastructure;

namespace AcsTeamsAdmin.Commands;

/// <summary>
/// Checks everything ACS with Teams needs in the connected tenant for its client apps: one result per
/// check (Pass, Fail, Warning, Skipped) with the exact command that fixes a failure. App ids piped in are
/// gathered and read together, 20 Graph reads to a $batch request. Changes nothing.
/// Needs Application.Read.All and DelegatedPermissionGrant.Read.All (or Directory.Read.All).
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "AcsTeamsReadiness")]
[OutputType(typeof(ReadinessCheck))]
[OutputType(typeof(string))]
public sealed class TestAcsTeamsReadinessCommand : ConnectedCmdlet
{
    private readonly PipedAppIds _appIds = new();
    private readonly List<string> _pipedEndpoints = [];
    private string? _typedEndpoint;

    // Optional, but never empty when typed: an empty $apps in a script must not quietly check no app (BeginProcessing).
    // A piped ACS resource brings no app id: Get-AcsResource | Test-AcsTeamsReadiness checks the tenant and the resource.
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ClientId", "ApplicationId")]
    [ArgumentCompleter(typeof(AppIdCompleter))]
    [AppIdsFromInput]
    public string[] AppId { get; set; } = [];

    /// <summary>The apps serve users of other tenants: a single-tenant app then fails.</summary>
    [Parameter]
    public SwitchParameter MultiTenant { get; set; }

    /// <summary>An ACS resource to probe with this session's Entra credential; binds Get-AcsResource's Endpoint by name.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Endpoint")]
    public string? AcsEndpoint { get; set; }

    /// <summary>An ACS resource to probe with its access key.</summary>
    [Parameter]
    [SecretTransformation("connection string")]
    public SecureString? AcsConnectionString { get; set; }

    /// <summary>A Teams user's Entra token to check against the exchange's claim rules (locally, never sent).</summary>
    [Parameter]
    [SecretTransformation("token")]
    public SecureString? TeamsUserToken { get; set; }

    /// <summary>A Teams user (object id or UPN) whose account and Teams licence are checked; with -TeamsUserToken, the token's user (object id).</summary>
    [Parameter]
    public string? TeamsUserId { get; set; }

    /// <summary>Write one markdown report (for a change ticket) instead of the check objects.</summary>
    [Parameter]
    public SwitchParameter AsMarkdown { get; set; }

    protected override async Task BeginProcessingAsync(PipelineStep pipeline)
    {
        // A typed -AcsEndpoint is the call's; one bound from a piped object (Get-AcsResource) is that record's.
        _typedEndpoint = MyInvocation.BoundParameters.ContainsKey(nameof(AcsEndpoint)) ? AcsEndpoint ?? string.Empty : null;
        if (MyInvocation.BoundParameters.ContainsKey(nameof(AppId)) && AppId is null or [])
        {
            throw Engine.Failures.AcsTeamsAdminException.InvalidInput(nameof(AppId), null, "is an empty list.",
                "Pass at least one Application (client) id, or leave -AppId out to check only the tenant.",
                Engine.Failures.ErrorIds.MissingParameter);
        }

        await base.BeginProcessingAsync(pipeline).ConfigureAwait(false);
    }

    protected override Task ProcessRecordAsync(PipelineStep pipeline)
    {
        _appIds.Add(AppId, pipeline);
        if (_typedEndpoint is null && !string.IsNullOrWhiteSpace(AcsEndpoint) && !_pipedEndpoints.Contains(AcsEndpoint, StringComparer.OrdinalIgnoreCase))
        {
            _pipedEndpoints.Add(AcsEndpoint);
        }

        return Task.CompletedTask;
    }

    protected override async Task EndProcessingAsync(PipelineStep pipeline)
    {
        // Piping an ACS resource alone (Get-AcsResource | Test-AcsTeamsReadiness) checks the tenant and that resource.
        _appIds.RequireAny(required: false, MyInvocation.ExpectingInput && _pipedEndpoints.Count == 0);
        if (_pipedEndpoints.Count > 1)
        {
            throw new Engine.Failures.AcsTeamsAdminException(Engine.Failures.ErrorIds.ConflictingParameters, Engine.Failures.FailureCategory.InvalidArgument,
                $"-AcsEndpoint: the piped objects name {_pipedEndpoints.Count} ACS resources ({string.Join(", ", _pipedEndpoints)}); one run probes one.",
                "Pipe one resource (Get-AcsResource -Name <name> | Test-AcsTeamsReadiness ...), or pass -AcsEndpoint.")
            {
                ParameterName = nameof(AcsEndpoint),
            };
        }

        // Everything is parsed before the first Graph call.
        var request = ReadinessRequest.Parse(
            appId: [.. _appIds.Ids.Select(id => id.ToString())],
            multiTenant: MultiTenant,
            acsEndpoint: _typedEndpoint ?? _pipedEndpoints.FirstOrDefault(),
            acsConnectionString: SecureStrings.Reveal(AcsConnectionString),
            teamsUserToken: SecureStrings.Reveal(TeamsUserToken),
            teamsUserId: TeamsUserId);
        var checks = await ReadinessOperations.TestAsync(Connection, request, pipeline.Context).ConfigureAwait(false);
        if (AsMarkdown)
        {
            pipeline.WriteObject(ReadinessMarkdown.Render(checks, DateTimeOffset.UtcNow));
        }
        else
        {
            pipeline.WriteObject(checks, enumerate: true);
        }
    }
}

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
