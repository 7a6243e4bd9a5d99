using System.Management.Automation;
using System.Security;
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

    // Optional, but never empty when given: an empty $apps in a script must not quietly check no app.
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ClientId", "ApplicationId")]
    [ArgumentCompleter(typeof(AppIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] AppId { get; set; } = [];

    /// <summary>The apps serve users of other tenants: a single-tenant app then fails.</summary>
    [Parameter]
    public SwitchParameter MultiTenant { get; set; }

    /// <summary>An ACS resource to probe with this session's Entra credential.</summary>
    [Parameter]
    public string? AcsEndpoint { get; set; }

    /// <summary>An ACS resource to probe with its access key.</summary>
    [Parameter]
    [SecretTransformation("connection string")]
    public SecureString? AcsConnectionString { get; set; }

    /// <summary>A Teams user's Entra token to check against the exchange's claim rules (locally, never sent).</summary>
    [Parameter]
    [SecretTransformation("token")]
    public SecureString? TeamsUserToken { get; set; }

    [Parameter]
    public string? TeamsUserId { get; set; }

    /// <summary>Write one markdown report (for a change ticket) instead of the check objects.</summary>
    [Parameter]
    public SwitchParameter AsMarkdown { get; set; }

    protected override Task ProcessRecordAsync(PipelineStep pipeline)
    {
        _appIds.Add(AppId, pipeline);
        return Task.CompletedTask;
    }

    protected override async Task EndProcessingAsync(PipelineStep pipeline)
    {
        _appIds.RequireAny(required: false, MyInvocation.ExpectingInput);

        // Everything is parsed before the first Graph call.
        var input = new ReadinessInput
        {
            AppId = [.. _appIds.Ids.Select(id => id.ToString())],
            MultiTenant = MultiTenant,
            AcsEndpoint = AcsEndpoint,
            AcsConnectionString = SecureStrings.Reveal(AcsConnectionString),
            TeamsUserToken = SecureStrings.Reveal(TeamsUserToken),
            TeamsUserId = TeamsUserId,
        }.Parse();
        var context = pipeline.Context;
        var checks = await ReadinessOperations.TestAsync(Connection, input.ToRequest(Connection), context).ConfigureAwait(false);
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
