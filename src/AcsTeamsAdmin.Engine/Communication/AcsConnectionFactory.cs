using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Http;
using AcsTeamsAdmin.Engine.Operations;
using Azure.Core.Pipeline;

namespace AcsTeamsAdmin.Engine.Communication;

/// <summary>
/// Turns an <see cref="AcsConnectionRequest"/> into an ACS identity client, checking every value first so bad
/// input fails before any request. The rules, in order:
/// a connection string signs with the access key; an endpoint uses the Connect-AcsTeamsAdmin session's
/// Entra credential (managed identity in a runbook, a certificate, ...) for https://communication.azure.com//.default;
/// neither uses the session's sandbox ACS resource when the session is a sandbox. An explicit -ConnectionString or
/// -Endpoint always wins: it is reached where it is, even in a sandbox session (see
/// <see cref="AcsTeamsAdminConnection.TransportFor"/>).
/// </summary>
public static class AcsConnectionFactory
{
    public static IAcsIdentityClient Create(AcsConnectionRequest request, AcsTeamsAdminConnection? session, IOperationLog log, RetryLimits? retry = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(log);
        var plan = Plan(request, session);
        log.Verbose(plan.Key is not null
            ? $"Using the ACS resource {plan.Endpoint.Authority} with its access key (api-version {plan.ApiVersion})."
            : $"Using the ACS resource {plan.Endpoint.Authority} with the session's Entra credential " +
              $"({session!.Info.SignInMode}, {session.Info.Account}; api-version {plan.ApiVersion}).");
        return Create(plan, session, retry);
    }

    /// <summary>The client for a checked plan: the access key, else the session's credential.</summary>
    internal static IAcsIdentityClient Create(AcsConnectionPlan plan, AcsTeamsAdminConnection? session, RetryLimits? retry = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var options = new AcsIdentityClientOptions { ApiVersion = plan.ApiVersion, RetryLimits = retry ?? session?.RetryLimits ?? RetryLimits.Default };

        if (session?.TransportFor(plan.Endpoint) is { } transport)
        {
            options.Transport = new HttpClientTransport(new HttpClient(transport, disposeHandler: false));
        }

        return plan.Key is { } key
            ? new AcsIdentityClient(key, options)
            : new AcsIdentityClient(
                plan.Endpoint,
                (session ?? throw new ArgumentException("Entra sign-in to ACS needs a session.", nameof(session))).Credential,
                options);
    }

    /// <summary>
    /// Checks every value that needs no session (api-version, the connection string, the endpoint) so a front end
    /// can fail before signing in; true when a session must be signed in to (-Endpoint, or the sandbox).
    /// </summary>
    public static bool NeedsSession(AcsConnectionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ConnectionString is not null)
        {
            _ = Plan(request, null);
            return false;
        }

        _ = AcsApiVersion.Parse(request.ApiVersion);
        if (request.Endpoint is not null)
        {
            _ = AcsKeyCredential.ParseEndpoint(request.Endpoint);
        }

        return true;
    }

    /// <summary>Parses and checks everything; throws before any network call.</summary>
    public static AcsConnectionPlan Plan(AcsConnectionRequest request, AcsTeamsAdminConnection? session)
    {
        ArgumentNullException.ThrowIfNull(request);
        var apiVersion = AcsApiVersion.Parse(request.ApiVersion);
        var hasString = request.ConnectionString is not null;
        var hasEndpoint = request.Endpoint is not null;
        if (hasString && hasEndpoint)
        {
            throw new AcsTeamsAdminException(ErrorIds.ConflictingParameters, FailureCategory.InvalidArgument,
                "-ConnectionString and -Endpoint choose different ways to reach ACS; give one.",
                "Use -ConnectionString for the resource's access key, or -Endpoint to authenticate with the Connect-AcsTeamsAdmin session's Entra credential.");
        }

        if (hasString)
        {
            var key = AcsKeyCredential.ParseConnectionString(request.ConnectionString, request.ConnectionStringParameter);
            return new AcsConnectionPlan(key.Endpoint, apiVersion, key);
        }

        if (hasEndpoint)
        {
            var endpoint = AcsKeyCredential.ParseEndpoint(request.Endpoint);
            return session is null
                ? throw new AcsTeamsAdminException(ErrorIds.NotConnected, FailureCategory.AuthenticationError,
                    "-Endpoint: authenticating to ACS with Entra ID needs a signed-in session, and this one has none.",
                    "Run Connect-AcsTeamsAdmin first (-Identity in an Azure Automation runbook; " +
                    "the identity needs a role such as Contributor on the ACS resource), or pass -ConnectionString.")
                {
                    ParameterName = "Endpoint",
                }
                : new AcsConnectionPlan(endpoint, apiVersion, null);
        }

        if (session?.Sandbox is { } sandbox)
        {
            return new AcsConnectionPlan(sandbox.Describe().AcsEndpoint, apiVersion, null);
        }

        throw new AcsTeamsAdminException(ErrorIds.MissingParameter, FailureCategory.InvalidArgument,
            "-ConnectionString or -Endpoint: say which ACS resource to use.",
            "Pass -ConnectionString (Azure portal > the Communication Services resource > Keys), or -Endpoint after Connect-AcsTeamsAdmin; " +
            "after Connect-AcsTeamsAdmin -Sandbox neither is needed.")
        {
            ParameterName = "ConnectionString",
        };
    }
}

/// <summary>A checked ACS connection: the endpoint, the api-version and, for access-key signing, the key.</summary>
public sealed record AcsConnectionPlan(Uri Endpoint, AcsApiVersion ApiVersion, AcsKeyCredential? Key);
