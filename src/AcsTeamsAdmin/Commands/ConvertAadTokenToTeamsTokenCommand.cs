using System.Management.Automation;
using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Infrastructure;

namespace AcsTeamsAdmin.Commands;

/// <summary>
/// Exchanges a Teams user's Entra token (Teams.ManageCalls and Teams.ManageChats of ACS) for an ACS access
/// token. The Entra token is checked locally first (a JWT, not expired, for ACS, both scopes, issued to
/// -ClientId for -UserObjectId): each problem gets its own message and no request is sent. Binds by property
/// name, so `Get-AcsTeamsUserAadToken ... | Convert-AadTokenToTeamsToken` works.
/// </summary>
[Cmdlet(VerbsData.Convert, "AadTokenToTeamsToken")]
[OutputType(typeof(AcsSecureAccessToken), typeof(AcsAccessToken))]
public sealed class ConvertAadTokenToTeamsTokenCommand : AcsCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Token")]
    [ValidateNotNull]
    public object AadToken { get; set; } = "";

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("AppId")]
    [ArgumentCompleter(typeof(AppIdCompleter))]
    public string ClientId { get; set; } = "";

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ObjectId")]
    public string UserObjectId { get; set; } = "";

    [Parameter]
    public SwitchParameter AsPlainText { get; set; }

    protected override Task BeginProcessingAsync(PipelineStep pipeline)
    {
        PrepareClient(pipeline.Context.Log);
        return Task.CompletedTask;
    }

    protected override async Task ProcessRecordAsync(PipelineStep pipeline)
    {
        var exchange = TeamsUserTokenExchange.Parse(SecretParameter.Read(AadToken, "AadToken", "token"), ClientId, UserObjectId);
        var token = await AcsIdentityOperations.ExchangeTeamsUserTokenAsync(
            ClientForRecord(pipeline.Context.Log),
            exchange,
            pipeline.Context).ConfigureAwait(false);
        pipeline.WriteObject(AsPlainText ? token : AcsSecureAccessToken.From(token));
    }
}
