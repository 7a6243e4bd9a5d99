using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AcsTeamsAdmin.Sandbox;

/// <summary>
/// Serves a <see cref="SandboxService"/> on http://127.0.0.1:PORT: plain HTTP/1.1 over a TcpListener, one port for
/// everything, routed by path like the in-process handler. Not HttpListener: it cannot reset a connection (its
/// Abort still sends a status line, so a client sees a 502 instead of a dropped connection), and a dropped
/// connection is a fault the sandbox must show clients as it happens on a real network.
/// </summary>
public sealed class LoopbackSandboxHost : IAsyncDisposable
{
    // Far above anything the module sends (a $batch of 20 steps is a few KB); a bigger request is refused.
    private const int MaxHeaderBytes = 64 * 1024;
    private const int MaxBodyBytes = 16 * 1024 * 1024;

    private readonly SandboxService _service;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _acceptLoop;
    private readonly HashSet<TcpClient> _connections = [];

    private LoopbackSandboxHost(SandboxService service, TcpListener listener, Uri baseAddress)
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
        ct.ThrowIfCancellationRequested();
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        var chosen = ((IPEndPoint)listener.LocalEndpoint).Port;
        return Task.FromResult(new LoopbackSandboxHost(service, listener, new Uri($"http://127.0.0.1:{chosen.ToString(CultureInfo.InvariantCulture)}/")));
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _acceptLoop.ConfigureAwait(false);
        lock (_connections)
        {
            foreach (var connection in _connections)
            {
                connection.Dispose();
            }
        }

        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => ServeConnectionAsync(client));
        }
    }

    /// <summary>Requests one after another on a kept-alive connection, until the client closes it or a fault drops it.</summary>
    private async Task ServeConnectionAsync(TcpClient client)
    {
        lock (_connections)
        {
            _connections.Add(client);
        }

        try
        {
            client.NoDelay = true;
            var stream = client.GetStream();
            var reader = new RequestReader(stream);
            while (!_stopping.IsCancellationRequested)
            {
                var request = await reader.ReadAsync(BaseAddress, _stopping.Token).ConfigureAwait(false);
                if (request is null)
                {
                    return;
                }

                var answer = await _service.HandleAsync(request, _stopping.Token).ConfigureAwait(false);
                if (answer.AbortConnection)
                {
                    Reset(client);
                    return;
                }

                var keepAlive = !request.Headers.Any(header => string.Equals(header.Key, "Connection", StringComparison.OrdinalIgnoreCase)
                    && header.Value.Contains("close", StringComparison.OrdinalIgnoreCase));
                await WriteAsync(stream, answer, keepAlive, _stopping.Token).ConfigureAwait(false);
                if (!keepAlive)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or InvalidDataException)
        {
            // The client went away, sent something that is not HTTP, or we are stopping: nothing to answer.
        }
        finally
        {
            lock (_connections)
            {
                _connections.Remove(client);
            }

            client.Dispose();
        }
    }

    /// <summary>Closes with a TCP reset (linger 0): the client sees the connection dropped, as on a real network.</summary>
    private static void Reset(TcpClient client)
    {
        client.Client.LingerState = new LingerOption(enable: true, seconds: 0);
        client.Client.Close();
    }

    private static async Task WriteAsync(NetworkStream stream, SandboxResponse answer, bool keepAlive, CancellationToken ct)
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {answer.StatusCode} {ReasonPhrase(answer.StatusCode)}\r\n");
        foreach (var (name, value) in answer.Headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {answer.Body.Length}\r\n");
        head.Append(keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), ct).ConfigureAwait(false);
        await stream.WriteAsync(answer.Body, ct).ConfigureAwait(false);
        await stream.FlushAsync(ct).ConfigureAwait(false);
    }

    // "ServiceUnavailable" -> "Service Unavailable": clients show it in their logs.
    private static string ReasonPhrase(int status)
    {
        var name = ((HttpStatusCode)status).ToString();
        if (int.TryParse(name, out _))
        {
            return "Status";
        }

        var words = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
            {
                words.Append(' ');
            }

            words.Append(name[i]);
        }

        return words.ToString();
    }

    /// <summary>Reads HTTP/1.1 requests off one connection: request line, headers, and a Content-Length or chunked body.</summary>
    private sealed class RequestReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[16 * 1024];
        private int _start;
        private int _end;

        public async Task<SandboxRequest?> ReadAsync(Uri baseAddress, CancellationToken ct)
        {
            var requestLine = await ReadLineAsync(ct).ConfigureAwait(false);
            if (requestLine is null)
            {
                return null;
            }

            var parts = requestLine.Split(' ');
            if (parts.Length != 3 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
            {
                throw new InvalidDataException("Not an HTTP/1.x request line.");
            }

            var headers = new List<KeyValuePair<string, string>>();
            var headerBytes = 0;
            for (var line = await ReadLineAsync(ct).ConfigureAwait(false); !string.IsNullOrEmpty(line); line = await ReadLineAsync(ct).ConfigureAwait(false))
            {
                headerBytes += line.Length;
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0 || headerBytes > MaxHeaderBytes)
                {
                    throw new InvalidDataException("Malformed or oversized headers.");
                }

                headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }

            var body = await ReadBodyAsync(headers, ct).ConfigureAwait(false);
            return new SandboxRequest(parts[0], new Uri(baseAddress, parts[1]), headers, body);
        }

        private async Task<byte[]> ReadBodyAsync(List<KeyValuePair<string, string>> headers, CancellationToken ct)
        {
            string? Header(string name) => headers.LastOrDefault(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
            if (Header("Transfer-Encoding") is { } encoding && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                using var body = new MemoryStream();
                while (true)
                {
                    var sizeLine = await ReadLineAsync(ct).ConfigureAwait(false) ?? throw new InvalidDataException("Chunked body ended early.");
                    var size = int.Parse(sizeLine.Split(';')[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    if (size == 0)
                    {
                        // Trailers, if any, end with an empty line.
                        while (!string.IsNullOrEmpty(await ReadLineAsync(ct).ConfigureAwait(false)))
                        {
                        }

                        return body.ToArray();
                    }

                    if (body.Length + size > MaxBodyBytes)
                    {
                        throw new InvalidDataException("Body too large.");
                    }

                    body.Write(await ReadExactlyAsync(size, ct).ConfigureAwait(false));
                    _ = await ReadLineAsync(ct).ConfigureAwait(false);
                }
            }

            var length = Header("Content-Length") is { } value ? long.Parse(value, CultureInfo.InvariantCulture) : 0;
            return length is < 0 or > MaxBodyBytes
                ? throw new InvalidDataException("Bad Content-Length.")
                : await ReadExactlyAsync((int)length, ct).ConfigureAwait(false);
        }

        private async Task<string?> ReadLineAsync(CancellationToken ct)
        {
            var line = new List<byte>();
            while (true)
            {
                if (_start == _end && !await FillAsync(ct).ConfigureAwait(false))
                {
                    return line.Count == 0 ? null : throw new InvalidDataException("Connection closed mid-line.");
                }

                var b = _buffer[_start++];
                if (b == (byte)'\n')
                {
                    return Encoding.ASCII.GetString(line.ToArray()).TrimEnd('\r');
                }

                line.Add(b);
                if (line.Count > MaxHeaderBytes)
                {
                    throw new InvalidDataException("Line too long.");
                }
            }
        }

        private async Task<byte[]> ReadExactlyAsync(int count, CancellationToken ct)
        {
            var result = new byte[count];
            var filled = 0;
            while (filled < count)
            {
                if (_start == _end && !await FillAsync(ct).ConfigureAwait(false))
                {
                    throw new InvalidDataException("Body ended early.");
                }

                var take = Math.Min(count - filled, _end - _start);
                Array.Copy(_buffer, _start, result, filled, take);
                _start += take;
                filled += take;
            }

            return result;
        }

        private async Task<bool> FillAsync(CancellationToken ct)
        {
            _start = 0;
            _end = await stream.ReadAsync(_buffer, ct).ConfigureAwait(false);
            return _end > 0;
        }
    }
}
