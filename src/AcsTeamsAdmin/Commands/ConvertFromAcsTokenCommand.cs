using System.Management.Automation;
using AcsTeamsAdmin.Engine.Tokens;
using AcsTeamsAdmin.Infrastructure;

namespace AcsTeamsAdmin.Commands;

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
