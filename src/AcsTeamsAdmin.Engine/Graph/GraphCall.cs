using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Http;
using Azure.Identity;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Identity.Client;
using Microsoft.Kiota.Abstractions;

namespace AcsTeamsAdmin.Engine.Graph;

/// <summary>
/// Runs one Graph call and turns whatever goes wrong into an <see cref="AcsTeamsAdminException"/>
/// with a specific error id (from <see cref="ServiceErrorMap"/>), the user's input as the target,
/// the service's code and request id, and the original exception kept inside.
/// </summary>
internal static class GraphCall
{
    /// <param name="call">The Graph SDK call.</param>
    /// <param name="whatFailed">What we were doing, in the user's terms, to start the message with.</param>
    /// <param name="target">The user's input the call is about.</param>
    /// <param name="requiredPermission">The least-privileged Graph permission the call needs, named in a 403.</param>
    /// <param name="cancellationToken">The operation's cancellation.</param>
    public static async Task<T> RunAsync<T>(
        Func<Task<T>> call,
        string whatFailed,
        object? target,
        string requiredPermission,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await TransportAsync(call, whatFailed, target, cancellationToken).ConfigureAwait(false);
        }
        catch (ODataError error)
        {
            throw Translate(error, whatFailed, target, requiredPermission);
        }
        catch (ApiException error) when (error is not ODataError)
        {
            // An answer without an OData error body (a proxy's HTML page, an empty 5xx): map by status alone.
            var rule = ServiceErrorMap.Resolve(ServiceKind.Graph, error.ResponseStatusCode, null);
            throw new AcsTeamsAdminException(rule.ErrorId, rule.Category,
                $"{whatFailed}: Microsoft Graph answered {error.ResponseStatusCode} without an error description.",
                rule.RecommendedAction, target, error)
            {
                HttpStatus = error.ResponseStatusCode,
            };
        }
    }

    /// <summary>
    /// What goes wrong on the way, whoever sends the request (the Graph SDK, or <see cref="GraphJsonClient"/>): the token, the
    /// network, the time. Kept apart from the SDK's error types so a plain request never loads Microsoft.Graph or Kiota.
    /// </summary>
    public static async Task<T> TransportAsync<T>(Func<Task<T>> call, string whatFailed, object? target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (AuthenticationFailedException error)
        {
            throw SignInFailure(error, target);
        }
        catch (HttpRequestException error) when (NetworkFailure.BeforeSending(error))
        {
            throw new AcsTeamsAdminException(ErrorIds.EndpointUnreachable, FailureCategory.ConnectionError,
                $"{whatFailed}: could not connect to Microsoft Graph ({error.HttpRequestError}); nothing was sent.",
                "Check the network connection, the proxy settings and -GraphEndpoint if you gave one, then run the command again.", target, error);
        }
        catch (HttpRequestException error)
        {
            throw new AcsTeamsAdminException(ErrorIds.ConnectionFailed, FailureCategory.ConnectionError,
                $"{whatFailed}: the connection to Microsoft Graph dropped ({error.HttpRequestError}).",
                "Check the network connection and proxy settings, then run the command again; re-running is safe.", target, error);
        }
        catch (TaskCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AcsTeamsAdminException(ErrorIds.ServiceTimeout, FailureCategory.OperationTimeout,
                $"{whatFailed}: Microsoft Graph did not answer in time.",
                "Run the command again; re-running is safe.", target, error);
        }
    }

    public static async Task RunAsync(Func<Task> call, string whatFailed, object? target, string requiredPermission, CancellationToken cancellationToken) =>
        await RunAsync(async () =>
        {
            await call().ConfigureAwait(false);
            return true;
        }, whatFailed, target, requiredPermission, cancellationToken).ConfigureAwait(false);

    public static AcsTeamsAdminException Translate(ODataError error, string whatFailed, object? target, string requiredPermission)
    {
        ArgumentNullException.ThrowIfNull(error);
        var graphError = new GraphError(error.ResponseStatusCode, error.Error?.Code, error.Error?.Message ?? error.Message, error.Error?.InnerError?.RequestId);
        return Translate(graphError, whatFailed, target, requiredPermission, error);
    }

    public static AcsTeamsAdminException Translate(GraphError error, string whatFailed, object? target, string requiredPermission, Exception? inner = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        var rule = ServiceErrorMap.Resolve(ServiceKind.Graph, error.Status, error.Code);

        // Graph's 403 says "Insufficient privileges" without saying which: we know which this call needs.
        var needs = rule.Category == FailureCategory.PermissionDenied ? $" This needs the Microsoft Graph permission {requiredPermission}." : string.Empty;
        return new AcsTeamsAdminException(rule.ErrorId, rule.Category,
            $"{whatFailed}: Microsoft Graph answered {error.Status} {error.Code}: {error.Message}{needs}",
            rule.RecommendedAction, target, inner)
        {
            HttpStatus = error.Status,
            ServiceErrorCode = error.Code,
            RequestId = error.RequestId,
        };
    }

    public static AcsTeamsAdminException SignInFailure(AuthenticationFailedException error, object? target)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (NetworkFailure.BeforeSending(error))
        {
            // Azure.Identity says "Retry failed after 4 tries. Retry settings can be adjusted in ClientOptions.Retry":
            // true, but the user needs to know the sign-in endpoint could not be reached.
            return new AcsTeamsAdminException(ErrorIds.EndpointUnreachable, FailureCategory.ConnectionError,
                "Sign-in failed: could not connect to the Entra ID sign-in endpoint; nothing was sent.",
                "Check the network connection, the proxy settings and -AuthorityHost if you gave one, then run the command again.", target, error);
        }

        // MSAL's client-side failures (a device code that expired before anyone used it) carry an error code too.
        var msal = error.InnerException as MsalServiceException;
        var code = (error.InnerException as MsalException)?.ErrorCode;
        var rule = ServiceErrorMap.Resolve(ServiceKind.EntraId, msal?.StatusCode ?? 0, code);

        // Entra's own text (AADSTS code and reason) is the most useful part; it never holds the secret.
        var reason = msal?.Message ?? error.InnerException?.Message ?? error.Message;
        return new AcsTeamsAdminException(rule.ErrorId, rule.Category, $"Sign-in failed: {FirstLine(reason)}", rule.RecommendedAction, target, error)
        {
            HttpStatus = msal?.StatusCode,
            ServiceErrorCode = code,
            RequestId = msal?.CorrelationId,
        };
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
