using System.Net;
using AcsTeamsAdmin.Engine.Http;
using AcsTeamsAdmin.Engine.Operations;

namespace AcsTeamsAdmin.Tests.Engine;

public class TransientFaultRetryHandlerTests
{
    private readonly List<TimeSpan> _waits = [];
    private readonly RetryStatistics _statistics = new();

    [Fact]
    public async Task Throttling_is_retried_after_the_fractional_Retry_After_the_service_asked_for()
    {
        var server = new ScriptedHandler(
            _ => Respond(HttpStatusCode.TooManyRequests, retryAfter: "0.25"),
            _ => Respond(HttpStatusCode.OK));

        using var response = await Send(server, HttpMethod.Get);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([TimeSpan.FromSeconds(0.25)], _waits);
        Assert.Equal(2, server.Calls);
        Assert.Equal(1, _statistics.Retries);
    }

    [Fact]
    public async Task The_attempt_timer_holds_the_last_attempts_time_without_the_retry_waits()
    {
        // The settle after an app PATCH waits "three requests' time": a Retry-After waited out before the PATCH got
        // through (and a slow failed attempt) must not stretch it.
        var server = new ScriptedHandler(
            _ =>
            {
                Thread.Sleep(400);
                return Respond(HttpStatusCode.TooManyRequests, retryAfter: "30");
            },
            _ => Respond(HttpStatusCode.OK));

        var timer = AttemptTimer.Start();
        using var response = await Send(server, new HttpMethod("PATCH"), body: "{}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([TimeSpan.FromSeconds(30)], _waits);
        Assert.InRange(timer.LastAttempt, TimeSpan.FromTicks(1), TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task Retries_stop_at_the_limit_and_return_the_last_answer()
    {
        var server = new ScriptedHandler(Enumerable.Repeat<Func<HttpRequestMessage, HttpResponseMessage>>(_ => Respond(HttpStatusCode.ServiceUnavailable), 10).ToArray());

        using var response = await Send(server, HttpMethod.Get, new RetryLimits { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(10) });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(4, server.Calls);
        Assert.Equal(1, _statistics.GivenUp);
        Assert.All(_waits, wait => Assert.InRange(wait, TimeSpan.Zero, TimeSpan.FromMilliseconds(80)));
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_longest_wait_is_not_waited_for()
    {
        var server = new ScriptedHandler(_ => Respond(HttpStatusCode.TooManyRequests, retryAfter: "3600"), _ => Respond(HttpStatusCode.OK));

        using var response = await Send(server, HttpMethod.Get);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Empty(_waits);
    }

    [Fact]
    public async Task A_dropped_connection_is_retried_for_a_read()
    {
        var server = new ScriptedHandler(_ => throw ConnectionReset(), _ => Respond(HttpStatusCode.OK));

        using var response = await Send(server, HttpMethod.Get);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.Calls);
    }

    [Fact]
    public async Task A_dropped_connection_is_not_retried_for_a_POST_which_may_have_created_something()
    {
        var server = new ScriptedHandler(_ => throw ConnectionReset(), _ => Respond(HttpStatusCode.Created));

        await Assert.ThrowsAsync<HttpRequestException>(() => Send(server, HttpMethod.Post));
        Assert.Equal(1, server.Calls);
    }

    [Fact]
    public async Task A_request_body_is_sent_whole_on_every_attempt()
    {
        var bodies = new List<string>();
        var server = new ScriptedHandler(
            request => { bodies.Add(request.Content!.ReadAsStringAsync().Result); return Respond(HttpStatusCode.ServiceUnavailable, retryAfter: "0"); },
            request => { bodies.Add(request.Content!.ReadAsStringAsync().Result); return Respond(HttpStatusCode.NoContent); });

        using var response = await Send(server, HttpMethod.Patch, body: "{\"scope\":\"a b\"}");

        Assert.Equal(["{\"scope\":\"a b\"}", "{\"scope\":\"a b\"}"], bodies);
    }

    [Fact]
    public async Task Errors_that_are_not_transient_are_returned_at_once()
    {
        var server = new ScriptedHandler(_ => Respond(HttpStatusCode.Forbidden));

        using var response = await Send(server, HttpMethod.Get);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(1, server.Calls);
        Assert.Empty(_waits);
    }

    [Fact]
    public async Task Each_attempt_is_one_debug_line_with_the_path_the_status_and_the_request_id_but_no_query()
    {
        var lines = new List<string>();
        var server = new ScriptedHandler(
            _ => Respond(HttpStatusCode.ServiceUnavailable, retryAfter: "0"),
            _ =>
            {
                var ok = Respond(HttpStatusCode.OK);
                ok.Headers.Add("request-id", "3f2a-req");
                return ok;
            });
        var log = new LineLog(lines);
        using var scope = new OperationContext(OperationContext.Unattended().Approval, OperationContext.Unattended().Progress, log, default).Enter();
        var handler = new TransientFaultRetryHandler(RetryLimits.Default, _statistics, (_, _) => Task.CompletedTask) { InnerHandler = server };
        using var client = new HttpClient(handler);

        using var response = await client.GetAsync(new Uri("https://graph.example/v1.0/servicePrincipals?$filter=appId eq 'secret-ish'"));

        var debug = lines.Where(line => line.StartsWith("DEBUG:", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["DEBUG: GET /v1.0/servicePrincipals -> 503 (request-id -)", "DEBUG: GET /v1.0/servicePrincipals -> 200 (request-id 3f2a-req)"], debug);
        Assert.DoesNotContain(lines, line => line.Contains("secret-ish", StringComparison.Ordinal));
    }

    private sealed class LineLog(List<string> lines) : IOperationLog
    {
        public void Verbose(string message) => lines.Add("VERBOSE: " + message);

        public void Debug(string message) => lines.Add("DEBUG: " + message);

        public void Warning(string message) => lines.Add("WARNING: " + message);
    }

    private async Task<HttpResponseMessage> Send(ScriptedHandler server, HttpMethod method, RetryLimits? limits = null, string? body = null)
    {
        var handler = new TransientFaultRetryHandler(limits ?? RetryLimits.Default, _statistics, (wait, _) =>
        {
            _waits.Add(wait);
            return Task.CompletedTask;
        })
        {
            InnerHandler = server,
        };
        using var client = new HttpClient(handler);
        using var request = new HttpRequestMessage(method, "https://graph.example/v1.0/servicePrincipals");
        if (body is not null)
        {
            request.Content = new StringContent(body);
        }

        return await client.SendAsync(request);
    }

    private static HttpResponseMessage Respond(HttpStatusCode status, string? retryAfter = null)
    {
        var response = new HttpResponseMessage(status);
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        return response;
    }

    private static HttpRequestException ConnectionReset() =>
        new("An error occurred while sending the request.", new IOException("Connection reset by peer"));

    private sealed class ScriptedHandler(params Func<HttpRequestMessage, HttpResponseMessage>[] script) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(script[Math.Min(Calls++, script.Length - 1)](request));
    }
}
