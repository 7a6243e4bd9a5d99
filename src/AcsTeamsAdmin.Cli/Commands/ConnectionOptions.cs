using AcsTeamsAdmin.Cli.Parsing;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Http;

namespace AcsTeamsAdmin.Cli.Commands;

/// <summary>
/// The sign-in options of every command that signs in: Connect-AcsTeamsAdmin's parameters in kebab case
/// (<see cref="CommandCatalog.SignInOptions"/>). The client secret and the access token can come from
/// environment variables instead of the command line (<see cref="SecretVariables"/>).
/// </summary>
internal static class ConnectionOptions
{
    public static ConnectionRequest ToRequest(CommandArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var thumbprint = args.Text("CertificateThumbprint");
        var sandbox = args.Switch("Sandbox");
        var chosen = new (bool Given, SignInMode Mode, string Option)[]
        {
            (sandbox, SignInMode.Sandbox, "--sandbox"),
            (args.Has("AccessToken"), SignInMode.AccessToken, "--access-token"),
            (args.Switch("Identity"), SignInMode.ManagedIdentity, "--identity"),
            (thumbprint is not null, SignInMode.Certificate, "--certificate-thumbprint"),
            (args.Has("ClientSecret"), SignInMode.ClientSecret, "--client-secret"),
            (args.Switch("UseDeviceCode"), SignInMode.DeviceCode, "--use-device-code"),
        }.Where(mode => mode.Given).ToArray();
        if (chosen.Length > 1)
        {
            throw new AcsTeamsAdminException(ErrorIds.ConflictingParameters, FailureCategory.InvalidArgument,
                $"{string.Join(" and ", chosen.Select(mode => mode.Option))} choose different ways to sign in; give one.",
                "Pick one sign-in: --sandbox, --client-secret, --certificate-thumbprint, --identity, " +
                "--access-token or --use-device-code (none means a browser sign-in).");
        }

        var statePath = args.Text("SandboxStatePath");
        var saveState = args.Switch("SaveSandboxState");
        var retry = args.Number("MaxRetryWaitSeconds") is { } seconds ? RetryLimits.WithBudget(seconds) : RetryLimits.Default;
        if (sandbox)
        {
            return ConnectionRequest.ForSandbox(statePath, args.Text("TenantId"), saveState, retry);
        }

        if (statePath is not null || saveState)
        {
            throw ParsedArguments.Usage($"{(statePath is not null ? "--sandbox-state-path" : "--save-sandbox-state")} applies only with --sandbox.");
        }

        // The environment supplies a secret only when no option chose another way to sign in.
        var secret = args.Secret("ClientSecret", fromEnvironment: chosen.Length == 0);
        var token = args.Secret("AccessToken", fromEnvironment: chosen.Length == 0 && secret is null);
        var mode = chosen.Length == 1 ? chosen[0].Mode
            : secret is not null ? SignInMode.ClientSecret
            : token is not null ? SignInMode.AccessToken
            : SignInMode.InteractiveBrowser;
        var clientId = args.Text("ClientId");
        return new ConnectionRequest
        {
            Mode = mode,
            Environment = ParseEnvironment(args.Choice("Environment")),
            TenantId = args.Text("TenantId"),
            ClientId = mode == SignInMode.ManagedIdentity ? null : clientId,
            ManagedIdentityClientId = mode == SignInMode.ManagedIdentity ? clientId : null,
            ClientSecret = secret,
            CertificateThumbprint = thumbprint,
            AccessToken = token,
            Scopes = args.List("Scopes"),
            GraphEndpoint = args.Text("GraphEndpoint"),
            AuthorityHost = args.Text("AuthorityHost"),
            RetryLimits = retry,
        };
    }

    /// <summary>A cloud name as the cmdlets' -Environment takes it (already checked against the enum's names).</summary>
    internal static CloudEnvironment ParseEnvironment(string? value) =>
        value is null ? CloudEnvironment.Global : Enum.Parse<CloudEnvironment>(value, ignoreCase: true);
}
