using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.Failures;

namespace AcsTeamsAdmin.Cli.Commands;

/// <summary>
/// The ACS resource options of the ACS commands (the cmdlets' -ConnectionString, -Endpoint, -ApiVersion). They
/// are not sign-in options: --endpoint authenticates with whatever the sign-in options (--identity,
/// --client-secret, --sandbox, ...) sign in with. The connection string can come from
/// ACSTEAMS_ACS_CONNECTION_STRING instead of the command line, where other users could read it.
/// </summary>
internal sealed class AcsConnectionParameters
{
    private readonly AcsConnectionRequest _request;
    private readonly bool _needsSession;

    // Every value that needs no session is checked here, so bad input fails before any sign-in.
    private AcsConnectionParameters(AcsConnectionRequest request)
    {
        _request = request;
        _needsSession = AcsConnectionFactory.NeedsSession(request);
    }

    /// <summary>
    /// For commands that may sign in: the ACS options are read now, and the run signs in only when --endpoint
    /// (or the sandbox) needs it.
    /// </summary>
    public static AcsConnectionParameters Read(CommandArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var sandbox = args.Switch("Sandbox");

        // The environment supplies the connection string only when no option named another way to reach ACS.
        var endpoint = args.Text("Endpoint");
        var request = new AcsConnectionRequest
        {
            ConnectionString = args.Secret("ConnectionString", fromEnvironment: endpoint is null && !sandbox),
            Endpoint = endpoint,
            ApiVersion = args.Text("ApiVersion"),
        };
        if (request.ConnectionString is null && request.Endpoint is null && !sandbox)
        {
            throw new AcsTeamsAdminException(ErrorIds.MissingParameter, FailureCategory.InvalidArgument,
                "-ConnectionString or -Endpoint: say which ACS resource to use.",
                $"Pass --connection-string (or set {SecretVariables.AcsConnectionString}), " +
                "or --endpoint with sign-in options such as --identity; with --sandbox neither is needed.")
            {
                ParameterName = "ConnectionString",
            };
        }

        return new AcsConnectionParameters(request);
    }

    /// <summary>For commands that cannot sign in (their own --client-id is not the sign-in's): the connection string only.</summary>
    public static AcsConnectionParameters ReadOffline(CommandArguments args, string command)
    {
        ArgumentNullException.ThrowIfNull(args);
        var request = new AcsConnectionRequest
        {
            ConnectionString = args.Secret("ConnectionString", fromEnvironment: !args.Has("Endpoint")),
            Endpoint = args.Text("Endpoint"),
            ApiVersion = args.Text("ApiVersion"),
        };
        if (request.ConnectionString is null && request.Endpoint is not null)
        {
            throw new AcsTeamsAdminException(ErrorIds.ConflictingParameters, FailureCategory.InvalidArgument,
                $"-Endpoint: acsteams {command} cannot sign in to Entra ID (its --client-id is the Teams user's app, not a sign-in).",
                $"Pass --connection-string or set {SecretVariables.AcsConnectionString}; or use the {command} cmdlet after Connect-AcsTeamsAdmin.")
            {
                ParameterName = "Endpoint",
            };
        }

        if (request.ConnectionString is null)
        {
            throw new AcsTeamsAdminException(ErrorIds.MissingParameter, FailureCategory.InvalidArgument,
                "-ConnectionString: say which ACS resource to use.", $"Pass --connection-string or set {SecretVariables.AcsConnectionString}.")
            {
                ParameterName = "ConnectionString",
            };
        }

        return new AcsConnectionParameters(request);
    }

    /// <summary>Builds the client, signing in first when the resource is reached with the session's credential.</summary>
    public async Task<IAcsIdentityClient> CreateClientAsync(CliInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var log = invocation.Context.Log;
        if (!_needsSession)
        {
            return AcsConnectionFactory.Create(_request, null, log);
        }

        var session = await invocation.ConnectAsync().ConfigureAwait(false);
        return AcsConnectionFactory.Create(_request, session, log);
    }
}
