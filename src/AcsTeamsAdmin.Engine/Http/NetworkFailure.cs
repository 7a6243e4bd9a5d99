using System.Net.Sockets;
using Azure;

namespace AcsTeamsAdmin.Engine.Http;

/// <summary>
/// Tells a transport failure that happened before the request reached the service (the name did not resolve, the
/// connection was refused or could not be made, TLS failed) from one after it was sent (the connection dropped
/// while the answer was due). Before sending, nothing can have been created, and every other request to the same
/// endpoint will fail the same way; after sending, a create may have happened.
/// </summary>
internal static class NetworkFailure
{
    /// <summary>True when <paramref name="error"/> (an HttpRequestException, or Azure.Core's wrappers of one) happened before anything was sent.</summary>
    public static bool BeforeSending(Exception? error) => error switch
    {
        null => false,
        AggregateException all => all.InnerExceptions.Count > 0 && all.InnerExceptions.All(BeforeSending),
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError } => true,
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } http => http.InnerException is SocketException
        {
            SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable
                or SocketError.NetworkUnreachable or SocketError.TryAgain or SocketError.NoData or SocketError.AddressNotAvailable,
        },
        _ => BeforeSending(error.InnerException),
    };

    /// <summary>
    /// True for Azure.Core's ways of reporting a transport failure: status 0, all retries of one, or an IOException
    /// (HttpIOException) when the connection dropped in the middle of the answer's body.
    /// </summary>
    public static bool IsTransportFailure(Exception error) => error switch
    {
        RequestFailedException { Status: 0 } => true,
        IOException => true,
        AggregateException all => all.InnerExceptions.Count > 0 && all.InnerExceptions.All(IsTransportFailure),
        _ => false,
    };
}
