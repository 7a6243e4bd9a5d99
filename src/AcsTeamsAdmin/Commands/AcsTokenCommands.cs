using System.Management.Automation;
using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.TeamsUsers;
using AcsTeamsAdmin.Engine.Tokens;
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

/// <summary>
/// Decodes an Entra ID or ACS access token offline, without validating its signature: its kind, tenant, app,
/// user or ACS identity, scopes, roles and expiry, for troubleshooting. The token itself is not part of the output.
/// </summary>
[Cmdlet(VerbsData.ConvertFrom, "AcsToken")]
[OutputType(typeof(TokenInfo))]
public sealed class ConvertFromAcsTokenCommand : AsyncCmdlet
{
    /// <summary>A string, a SecureString, or an object with a Token property (our token objects, Get-AzAccessToken's).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [Alias("AccessToken", "AadToken")]
    [ValidateNotNull]
    public object Token { get; set; } = "";

    protected override Task ProcessRecordAsync(PipelineStep pipeline)
    {
        pipeline.WriteObject(TokenInspector.Inspect(SecretParameter.Read(Token, "Token", "token"), DateTimeOffset.UtcNow));
        return Task.CompletedTask;
    }
}

/// <summary>
/// Signs a Teams user in to an app with MSAL and returns their Entra token for ACS (Teams.ManageCalls and
/// Teams.ManageChats), ready for Convert-AadTokenToTeamsToken: silently from this session's MSAL cache when it
/// can, else through the system browser or (-UseDeviceCode) a device code. After Connect-AcsTeamsAdmin -Sandbox
/// the sign-in happens in the sandbox.
/// </summary>
[Cmdlet(VerbsCommon.Get, "AcsTeamsUserAadToken")]
[OutputType(typeof(TeamsUserAadToken), typeof(TeamsUserAadPlainToken))]
public sealed class GetAcsTeamsUserAadTokenCommand : AsyncCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("AppId")]
    [ArgumentCompleter(typeof(AppIdCompleter))]
    public string ClientId { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? TenantId { get; set; }

    [Parameter]
    public SwitchParameter UseDeviceCode { get; set; }

    [Parameter]
    [Alias("UserPrincipalName", "LoginHint")]
    public string? Account { get; set; }

    [Parameter]
    public string? AuthorityHost { get; set; }

    [Parameter]
    public SwitchParameter AsPlainText { get; set; }

    // -Account and -AuthorityHost apply to every piped app: bad ones fail the whole call, before any sign-in.
    protected override Task BeginProcessingAsync(PipelineStep pipeline)
    {
        TeamsUserTokenRequest.CheckSharedValues(Account, AuthorityHost);
        return Task.CompletedTask;
    }

    protected override async Task ProcessRecordAsync(PipelineStep pipeline)
    {
        var session = PipelineRunspace is { } runspace ? ConnectionStore.Get(runspace) : null;

        var request = TeamsUserTokenRequest.Parse(ClientId, TenantId, UseDeviceCode, Account, AuthorityHost, session);
        var token = await TeamsUserSignIn.AcquireAsync(request, session, pipeline.Context).ConfigureAwait(false);
        pipeline.WriteObject(AsPlainText ? token : token.Protect());
    }
}

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
