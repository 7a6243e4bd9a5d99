using System.Management.Automation;
using AcsTeamsAdmin.Engine.TeamsUsers;
using AcsTeamsAdmin.Infrastructure;

namespace AcsTeamsAdmin.Commands;

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
