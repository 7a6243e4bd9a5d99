using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.TeamsUsers;
using AcsTeamsAdmin.Engine.Tokens;
using AcsTeamsAdmin.Engine.Validation;

namespace AcsTeamsAdmin.Cli.Commands;

/// <summary>
/// Get-AcsTeamsUserAadToken, Convert-AadTokenToTeamsToken and ConvertFrom-AcsToken. None signs in: their
/// --client-id and --tenant-id are the Teams user's app and tenant. The Entra token can come from
/// ACSTEAMS_AAD_TOKEN instead of the command line.
/// </summary>
internal static class AcsTokenCommands
{
    public const string AadTokenVariable = "ACSTEAMS_AAD_TOKEN";

    private static readonly CliParameter AsPlainText = new("AsPlainText", CliValueKind.Switch, "Print the token itself (scripts that pass it on).");

    public static IReadOnlyList<CliCommand> All { get; } =
    [
        new("Get-AcsTeamsUserAadToken", "Sign a Teams user in to an app (MSAL: browser or device code) and get their Entra token for ACS.",
            [
                new("ClientId", CliValueKind.Text, "The app (a public client with the ACS Teams.ManageCalls and Teams.ManageChats permissions).", Required: true),
                new("TenantId", CliValueKind.Text, "The user's tenant id or domain (default: organizations)."),
                new("UseDeviceCode", CliValueKind.Switch, "Sign in with a device code (SSH sessions, containers)."),
                new("Account", CliValueKind.Text, "The user's sign-in name (login hint)."),
                new("AuthorityHost", CliValueKind.Text, "Another Entra ID authority host (a loopback sandbox: http://127.0.0.1:PORT)."),
                AsPlainText,
            ],
            GetTeamsUserTokenAsync) { Connects = false },
        new("Convert-AadTokenToTeamsToken", "Exchange a Teams user's Entra token for an ACS access token, after checking it locally.",
            [
                .. AcsConnectionParameters.All,
                new("AadToken", CliValueKind.Text, $"The Teams user's Entra token for ACS (or set {AadTokenVariable})."),
                new("ClientId", CliValueKind.Text, "The app the token was issued to (its appid claim).", Required: true),
                new("UserObjectId", CliValueKind.Text, "The Teams user's object id (the token's oid claim).", Required: true),
                AsPlainText,
            ],
            ConvertAsync) { Connects = false },
        new("ConvertFrom-AcsToken", "Decode an Entra or ACS token offline (kind, tenant, app, user, scopes, expiry); the token is not printed.",
            [new("Token", CliValueKind.Text, $"The token (or set {AadTokenVariable}).")],
            DecodeAsync) { Connects = false },
    ];

    private static async Task GetTeamsUserTokenAsync(CliInvocation invocation)
    {
        var args = invocation.Arguments;
        var request = TeamsUserTokenRequest.Parse(args.Value("client-id"), args.Value("tenant-id"), args.Flag("use-device-code"), args.Value("account"), args.Value("authority-host"), session: null);
        var token = await TeamsUserSignIn.AcquireAsync(request, session: null, invocation.Context).ConfigureAwait(false);
        invocation.Write(args.Flag("as-plain-text") ? token : token.Protect());
    }

    private static async Task ConvertAsync(CliInvocation invocation)
    {
        var args = invocation.Arguments;

        // Every value is checked (the token locally too) before the client is built and anything is sent.
        var exchange = new TeamsUserTokenExchange(
            args.Value("aad-token") ?? invocation.Environment(AadTokenVariable) ?? "",
            AppId.Parse(args.Value("client-id"), "ClientId"),
            InputParser.ParseGuid("UserObjectId", args.Value("user-object-id"), "it is the Teams user's object id (the Entra token's oid claim)."));
        var client = AcsConnectionParameters.CreateOfflineClient(invocation, "Convert-AadTokenToTeamsToken");
        var token = await AcsIdentityOperations.ExchangeTeamsUserTokenAsync(client, exchange, invocation.Context).ConfigureAwait(false);
        invocation.Write(args.Flag("as-plain-text") ? token : AcsSecureAccessToken.From(token));
    }

    private static Task DecodeAsync(CliInvocation invocation)
    {
        var token = invocation.Arguments.Value("token") ?? invocation.Environment(AadTokenVariable);
        invocation.Write(TokenInspector.Inspect(token, DateTimeOffset.UtcNow));
        return Task.CompletedTask;
    }
}
