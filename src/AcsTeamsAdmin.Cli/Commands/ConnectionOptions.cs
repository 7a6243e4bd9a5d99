using AcsTeamsAdmin.Cli.Parsing;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Http;

namespace AcsTeamsAdmin.Cli.Commands;

/// <summary>
/// The options every command accepts to sign in: Connect-AcsTeamsAdmin's parameters in kebab case.
/// Secrets can come from environment variables instead of the command line, where other users of
/// the machine could read them in the process list.
/// </summary>
internal static class ConnectionOptions
{
    public const string ClientSecretVariable = "ACSTEAMS_CLIENT_SECRET";
    public const string AccessTokenVariable = "ACSTEAMS_ACCESS_TOKEN";

    public static IReadOnlyList<CliParameter> Parameters { get; } =
    [
        new("Sandbox", CliValueKind.Switch, "Use the built-in in-process sandbox (nothing leaves the machine)."),
        new("SandboxStatePath", CliValueKind.Text, "With --sandbox: start from this state file (only read, unless --save-sandbox-state)."),
        new("SaveSandboxState", CliValueKind.Switch, "With --sandbox-state-path: save the state back to that file after the command (created if missing)."),
        new("TenantId", CliValueKind.Text, "Tenant id (GUID) or verified domain; with --sandbox, the seeded tenant to sign in to (default: Fabrikam)."),
        new("ClientId", CliValueKind.Text, "The app signing in (app-only), the public client (delegated) or a user-assigned managed identity's client id (with --identity)."),
        new("ClientSecret", CliValueKind.Text, $"The app's client secret (or set {ClientSecretVariable})."),
        new("CertificateThumbprint", CliValueKind.Text, "Sign in as the app with the certificate of this thumbprint from the 'My' store."),
        new("Identity", CliValueKind.Switch, "Sign in as the Azure managed identity (system-assigned, or --client-id for a user-assigned one)."),
        new("AccessToken", CliValueKind.Text, $"A Microsoft Graph access token obtained elsewhere (or set {AccessTokenVariable})."),
        new("UseDeviceCode", CliValueKind.Switch, "Sign in with a device code instead of a browser."),
        new("Scopes", CliValueKind.List, "Delegated Graph scopes to ask for (default: the ones the commands need)."),
        new("Environment", CliValueKind.Text, "Global (default), USGov, USGovDoD or China."),
        new("GraphEndpoint", CliValueKind.Text, "Another Graph base URL ending in /v1.0 (e.g. a loopback sandbox)."),
        new("AuthorityHost", CliValueKind.Text, "Another Entra ID authority host (e.g. a loopback sandbox)."),
        new("MaxRetryWaitSeconds", CliValueKind.Text, $"The most one request may wait to be retried, 0 to 3600 seconds (default {Engine.Http.RetryLimits.Default.Budget.TotalSeconds:0}; 0: no retries)."),
    ];

    public static ConnectionRequest ToRequest(ParsedArguments args, Func<string, string?> environment)
    {
        var thumbprint = args.Value("certificate-thumbprint");
        var sandbox = args.Flag("sandbox");
        var chosen = new (bool Given, SignInMode Mode, string Option)[]
        {
            (sandbox, SignInMode.Sandbox, "--sandbox"),
            (args.Has("access-token"), SignInMode.AccessToken, "--access-token"),
            (args.Flag("identity"), SignInMode.ManagedIdentity, "--identity"),
            (thumbprint is not null, SignInMode.Certificate, "--certificate-thumbprint"),
            (args.Has("client-secret"), SignInMode.ClientSecret, "--client-secret"),
            (args.Flag("use-device-code"), SignInMode.DeviceCode, "--use-device-code"),
        }.Where(mode => mode.Given).ToArray();
        if (chosen.Length > 1)
        {
            throw new AcsTeamsAdminException(ErrorIds.ConflictingParameters, FailureCategory.InvalidArgument,
                $"{string.Join(" and ", chosen.Select(mode => mode.Option))} choose different ways to sign in; give one.",
                "Pick one sign-in: --sandbox, --client-secret, --certificate-thumbprint, --identity, --access-token or --use-device-code (none means a browser sign-in).");
        }

        var statePath = args.Value("sandbox-state-path");
        var retry = RetryLimits(args.Value("max-retry-wait-seconds"));
        if (sandbox)
        {
            return ConnectionRequest.ForSandbox(statePath, args.Value("tenant-id"), args.Flag("save-sandbox-state"), retry);
        }

        if (statePath is not null || args.Flag("save-sandbox-state"))
        {
            throw ParsedArguments.Usage($"{(statePath is not null ? "--sandbox-state-path" : "--save-sandbox-state")} applies only with --sandbox.");
        }

        // The environment supplies a secret only when no option chose another way to sign in.
        var secretFromEnvironment = chosen.Length == 0 ? environment(ClientSecretVariable) : null;
        var tokenFromEnvironment = chosen.Length == 0 && secretFromEnvironment is null ? environment(AccessTokenVariable) : null;
        var mode = chosen.Length == 1 ? chosen[0].Mode
            : secretFromEnvironment is not null ? SignInMode.ClientSecret
            : tokenFromEnvironment is not null ? SignInMode.AccessToken
            : SignInMode.InteractiveBrowser;
        var clientId = args.Value("client-id");
        return new ConnectionRequest
        {
            Mode = mode,
            Environment = ParseEnvironment(args.Value("environment")),
            TenantId = args.Value("tenant-id"),
            ClientId = mode == SignInMode.ManagedIdentity ? null : clientId,
            ManagedIdentityClientId = mode == SignInMode.ManagedIdentity ? clientId : null,
            ClientSecret = args.Value("client-secret") ?? secretFromEnvironment,
            CertificateThumbprint = thumbprint,
            AccessToken = args.Value("access-token") ?? tokenFromEnvironment,
            Scopes = args.Values("scopes"),
            GraphEndpoint = args.Value("graph-endpoint"),
            AuthorityHost = args.Value("authority-host"),
            RetryLimits = retry,
        };
    }

    private static RetryLimits RetryLimits(string? seconds) =>
        seconds is null ? Engine.Http.RetryLimits.Default
        : int.TryParse(seconds, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? Engine.Http.RetryLimits.WithBudget(value)
            : throw AcsTeamsAdminException.InvalidInput("MaxRetryWaitSeconds", seconds, $"'{seconds}' is not a whole number of seconds.",
                $"Pass 0 to {Engine.Http.RetryLimits.MaxBudget.TotalSeconds:0}.");

    internal static CloudEnvironment ParseEnvironment(string? value)
    {
        if (value is null)
        {
            return CloudEnvironment.Global;
        }

        return Enum.TryParse<CloudEnvironment>(value, ignoreCase: true, out var environment) && Enum.IsDefined(environment)
            ? environment
            : throw AcsTeamsAdminException.InvalidInput("Environment", value, $"'{value}' is not a cloud this module knows.",
                $"Pass one of: {string.Join(", ", Enum.GetNames<CloudEnvironment>())}.");
    }
}
