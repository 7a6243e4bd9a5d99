using System.Management.Automation;
using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Infrastructure;

namespace AcsTeamsAdmin.Commands;

/// <summary>
/// Issues a token for an existing ACS identity (piped from New-AcsIdentity by its Id). The token is a SecureString
/// unless -AsPlainText, as with Get-AzAccessToken.
/// </summary>
[Cmdlet(VerbsCommon.New, "AcsAccessToken", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(AcsSecureAccessToken), typeof(AcsAccessToken))]
public sealed class NewAcsAccessTokenCommand : AcsCmdlet
{
    private AcsTokenRequest? _request;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public string IdentityId { get; set; } = "";

    [Parameter(Mandatory = true)]
    [ArgumentCompleter(typeof(AcsTokenScopeCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Scope { get; set; } = [];

    [Parameter]
    public int? ExpiresInMinutes { get; set; }

    [Parameter]
    public SwitchParameter AsPlainText { get; set; }

    // The token request applies to every piped identity: a bad one fails the whole call, before any request.
    protected override Task BeginProcessingAsync(PipelineStep pipeline)
    {
        _request = AcsTokenRequest.Parse(Scope, ExpiresInMinutes);
        PrepareClient(pipeline.Context.Log);
        return Task.CompletedTask;
    }

    protected override async Task ProcessRecordAsync(PipelineStep pipeline)
    {
        var identity = AcsIdentityId.Parse(IdentityId);
        if (await AcsIdentityOperations.NewAccessTokenAsync(
            ClientForRecord(pipeline.Context.Log),
            identity,
            _request!,
            pipeline.Context).ConfigureAwait(false) is { } token)
        {
            pipeline.WriteObject(AsPlainText ? token : AcsSecureAccessToken.From(token));
        }
    }
}
