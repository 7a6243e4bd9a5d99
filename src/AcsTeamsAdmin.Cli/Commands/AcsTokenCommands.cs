using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.TeamsUsers;
using AcsTeamsAdmin.Engine.Tokens;

namespace AcsTeamsAdmin.Cli.Commands;

/// <summary>
/// Get-AcsTeamsUserAadToken, Convert-AadTokenToTeamsToken and ConvertFrom-AcsToken. None signs in: their
/// --client-id and --tenant-id are the Teams user's app and tenant. The Entra token can come from
/// ACSTEAMS_AAD_TOKEN instead of the command line.
/// </summary>
internal static class AcsTokenCommands
{
    public static IReadOnlyList<CliHandler> All { get; } =
    [
        CliHandler.Offline("Get-AcsTeamsUserAadToken", GetTeamsUserToken),
        CliHandler.Offline("Convert-AadTokenToTeamsToken", Convert),
        CliHandler.Offline("ConvertFrom-AcsToken", Decode),
    ];

    private static CommandRun GetTeamsUserToken(CommandArguments args)
    {
        var request = TeamsUserTokenRequest.Parse(
            args.Text("ClientId"), args.Text("TenantId"), args.Switch("UseDeviceCode"), args.Text("Account"), args.Text("AuthorityHost"), session: null);
        var plainText = args.Switch("AsPlainText");
        return async invocation =>
        {
            var token = await TeamsUserSignIn.AcquireAsync(request, session: null, invocation.Context).ConfigureAwait(false);
            invocation.Write(plainText ? token : token.Protect());
        };
    }

    private static CommandRun Convert(CommandArguments args)
    {
        // Every value is checked (the token locally too) before the client is built and anything is sent.
        var exchange = TeamsUserTokenExchange.Parse(args.Secret("AadToken"), args.Text("ClientId"), args.Text("UserObjectId"));
        var resource = AcsConnectionParameters.ReadOffline(args, "Convert-AadTokenToTeamsToken");
        var plainText = args.Switch("AsPlainText");
        return async invocation =>
        {
            var client = await resource.CreateClientAsync(invocation).ConfigureAwait(false);
            var token = await AcsIdentityOperations.ExchangeTeamsUserTokenAsync(client, exchange, invocation.Context).ConfigureAwait(false);
            invocation.Write(plainText ? token : AcsSecureAccessToken.From(token));
        };
    }

    private static CommandRun Decode(CommandArguments args)
    {
        // A token holds no comma: several are several tokens, as several piped into the cmdlet.
        IReadOnlyList<string?> tokens = args.Has("Token") ? [.. args.List("Token")] : [args.Secret("Token")];
        return invocation =>
        {
            foreach (var token in tokens)
            {
                invocation.Write(TokenInspector.Inspect(token, DateTimeOffset.UtcNow));
            }

            return Task.CompletedTask;
        };
    }
}
