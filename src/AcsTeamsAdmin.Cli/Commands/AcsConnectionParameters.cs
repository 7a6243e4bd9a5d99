using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Operations;

namespace AcsTeamsAdmin.Cli.Commands;

/// <summary>
/// The ACS resource options of the ACS commands (the cmdlets' -ConnectionString, -Endpoint, -ApiVersion). They
/// are not sign-in options: --endpoint authenticates with whatever the sign-in options (--identity,
/// --client-secret, --sandbox, ...) sign in with. The connection string can come from
/// ACSTEAMS_ACS_CONNECTION_STRING instead of the command line, where other users could read it.
/// </summary>
internal static class AcsConnectionParameters
{
    public const string ConnectionStringVariable = "ACSTEAMS_ACS_CONNECTION_STRING";

    public static IReadOnlyList<CliParameter> All { get; } =
    [
        new("ConnectionString", CliValueKind.Text, $"The ACS resource's connection string (endpoint=...;accesskey=...), or set {ConnectionStringVariable}."),
        new("Endpoint", CliValueKind.Text, "The ACS resource's endpoint, authenticated with Entra ID through the sign-in options (e.g. --identity)."),
        new("ApiVersion", CliValueKind.Text, $"ACS identity api-version: {string.Join(", ", AcsApiVersion.Released)} (default {AcsApiVersion.Default})."),
    ];

    public static AcsConnectionRequest Read(CliInvocation invocation, bool signInOptionsGiven)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var args = invocation.Arguments;

        // The environment supplies the connection string only when no option named another way to reach ACS.
        var connectionString = args.Value("connection-string")
            ?? (args.Has("endpoint") || signInOptionsGiven ? null : invocation.Environment(ConnectionStringVariable));
        return new AcsConnectionRequest { ConnectionString = connectionString, Endpoint = args.Value("endpoint"), ApiVersion = args.Value("api-version") };
    }

    /// <summary>
    /// For commands that may sign in: every ACS value is checked first, then the sign-in happens only when
    /// --endpoint (or the sandbox) needs it.
    /// </summary>
    public static async Task<IAcsIdentityClient> CreateClientAsync(CliInvocation invocation, IOperationLog log)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var sandbox = invocation.Arguments.Flag("sandbox");
        var request = Read(invocation, sandbox);
        if (!AcsConnectionFactory.NeedsSession(request))
        {
            return AcsConnectionFactory.Create(request, null, log);
        }

        if (request.Endpoint is null && !sandbox)
        {
            throw new AcsTeamsAdminException(ErrorIds.MissingParameter, FailureCategory.InvalidArgument,
                "-ConnectionString or -Endpoint: say which ACS resource to use.",
                $"Pass --connection-string (or set {ConnectionStringVariable}), or --endpoint with sign-in options such as --identity; with --sandbox neither is needed.")
            {
                ParameterName = "ConnectionString",
            };
        }

        var session = await invocation.ConnectAsync().ConfigureAwait(false);
        return AcsConnectionFactory.Create(request, session, log);
    }

    /// <summary>For commands that cannot sign in (their own --client-id is not the sign-in's): the connection string only.</summary>
    public static IAcsIdentityClient CreateOfflineClient(CliInvocation invocation, string command)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var request = Read(invocation, signInOptionsGiven: false);
        if (request.ConnectionString is null && request.Endpoint is not null)
        {
            throw new AcsTeamsAdminException(ErrorIds.ConflictingParameters, FailureCategory.InvalidArgument,
                $"-Endpoint: acsteams {command} cannot sign in to Entra ID (its --client-id is the Teams user's app, not a sign-in).",
                $"Pass --connection-string or set {ConnectionStringVariable}; or use the {command} cmdlet after Connect-AcsTeamsAdmin.")
            {
                ParameterName = "Endpoint",
            };
        }

        if (request.ConnectionString is null)
        {
            throw new AcsTeamsAdminException(ErrorIds.MissingParameter, FailureCategory.InvalidArgument,
                "-ConnectionString: say which ACS resource to use.", $"Pass --connection-string or set {ConnectionStringVariable}.")
            {
                ParameterName = "ConnectionString",
            };
        }

        return AcsConnectionFactory.Create(request, null, invocation.Context.Log);
    }
}
