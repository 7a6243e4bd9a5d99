using System.Net;
using System.Net.Sockets;

namespace AcsTeamsAdmin.Sandbox;

/// <summary>
/// Serves a <see cref="SandboxService"/> on http://127.0.0.1:PORT with HttpListener (in the BCL everywhere
/// PowerShell runs; ASP.NET Core is not). One port for everything, routed by path like the in-process handler.
/// </summary>
public sealed class LoopbackSandboxHost : IAsyncDisposable
{
    private readonly SandboxService _service;
    private readonly HttpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _acceptLoop;

    private LoopbackSandboxHost(SandboxService service, HttpListener listener, Uri baseAddress)
    {
        _service = service;
        _listener = listener;
        BaseAddress = baseAddress;
        Description = service.Describe(baseAddress);
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseAddress { get; }

    public SandboxDescription Description { get; }

    /// <summary>Starts listening on 127.0.0.1 only; port 0 picks a free port.</summary>
    public static Task<LoopbackSandboxHost> StartAsync(SandboxService service, int port = 0, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        for (var attempt = 0; ; attempt++)
        {
            ct.ThrowIfCancellationRequested();
            var chosen = port == 0 ? FreePort() : port;
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{chosen}/");
            try
            {
                listener.Start();
                return Task.FromResult(new LoopbackSandboxHost(service, listener, new Uri($"http://127.0.0.1:{chosen}/")));
            }
            catch (HttpListenerException) when (port == 0 && attempt < 5)
            {
                // Another process took the port between our probe and our bind: pick again.
                CloseQuietly(listener);
            }
            catch
            {
                CloseQuietly(listener);
                throw;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        CloseQuietly(_listener);
        try
        {
            await _acceptLoop.ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
        }

        _stopping.Dispose();
    }

    /// <summary>
    /// Closes the listener without throwing. On Unix the managed HttpListener looks its port up again while
    /// closing and may try to bind it anew; if something else took the port meanwhile (parallel tests picking
    /// free ports), Close throws "Address already in use" although there is nothing left to release.
    /// </summary>
    private static void CloseQuietly(HttpListener listener)
    {
        try
        {
            listener.Close();
        }
        catch (HttpListenerException)
        {
            // See above: the port is no longer ours, so there is nothing to release.
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(context));
        }
    }

    /// <summary>
    /// HttpListener cannot reset a socket: its Abort still flushes a 200 header first. Promising a body and
    /// closing the connection without it makes the client fail the same way (HttpRequestException over an
    /// IOException: the response ended prematurely) without a usable answer.
    /// </summary>
    private static void Drop(HttpListenerResponse response)
    {
        response.StatusCode = 502;
        response.ContentLength64 = 1024;
        response.KeepAlive = false;
        try
        {
            response.OutputStream.Flush();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or InvalidOperationException)
        {
            // Already gone: exactly what we wanted.
        }

        response.Abort();
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var request = context.Request;
            var headers = new List<KeyValuePair<string, string>>();
            foreach (var name in request.Headers.AllKeys.OfType<string>())
            {
                headers.Add(new(name, request.Headers[name] ?? ""));
            }

            using var buffer = new MemoryStream();
            await request.InputStream.CopyToAsync(buffer, _stopping.Token).ConfigureAwait(false);
            var uri = request.Url ?? new Uri(BaseAddress, request.RawUrl);
            var answer = await _service.HandleAsync(new SandboxRequest(request.HttpMethod, uri, headers, buffer.ToArray()), _stopping.Token).ConfigureAwait(false);
            if (answer.AbortConnection)
            {
                Drop(response);
                return;
            }

            response.StatusCode = answer.StatusCode;
            foreach (var (name, value) in answer.Headers)
            {
                if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    response.ContentType = value;
                }
                else
                {
                    response.AddHeader(name, value);
                }
            }

            response.ContentLength64 = answer.Body.Length;
            await response.OutputStream.WriteAsync(answer.Body, _stopping.Token).ConfigureAwait(false);
            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or we are stopping: nothing to answer.
            response.Abort();
        }
    }
}
