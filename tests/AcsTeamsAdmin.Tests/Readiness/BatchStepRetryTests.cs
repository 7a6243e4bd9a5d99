using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Http;
using AcsTeamsAdmin.Engine.Readiness;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Readiness;

/// <summary>Graph throttles inside a batch per step: only those steps are sent again, after their Retry-After.</summary>
public class BatchStepRetryTests
{
    [Fact]
    public async Task A_throttled_step_is_sent_again_alone_and_the_answer_is_as_if_it_never_failed()
    {
        using var sandbox = new SandboxService();
        using var throttle = new StepThrottle(sandbox.CreateHandler(), ReadinessReads.AcsStepId, times: 2, retryAfter: "0");
        var (_, connection) = await ReadyWorld.CreateAsync(throttle, sandbox);
        using var _ = connection;
        var host = new RecordingHost();
        throttle.Armed = true;

        var checks = await ReadyWorld.CheckAsync(connection, host: host);

        Assert.Empty(ReadyWorld.Failing(checks));
        Assert.Equal(ReadinessStatus.Pass, checks.Single(check => check.Name == ReadinessCheckNames.AcsServicePrincipal).Status);
        // The first batch holds all four reads (ACS, the grant list, the app's service principal and registration).
        Assert.Equal([4, 1, 1], throttle.StepsPerBatch);
        Assert.Contains(host.Lines, line => line.Contains("retrying only those", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_step_throttled_past_the_retry_limit_fails_with_the_throttling_error()
    {
        using var sandbox = new SandboxService();
        using var throttle = new StepThrottle(sandbox.CreateHandler(), ReadinessReads.AcsStepId, times: 100, retryAfter: "0");
        var (_, connection) = await ReadyWorld.CreateAsync(throttle, sandbox);
        using var _ = connection;
        throttle.Armed = true;

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => ReadyWorld.CheckAsync(connection));

        Assert.Equal(ErrorIds.Throttled, error.ErrorId);
        Assert.Equal(429, error.HttpStatus);
        Assert.Equal(1 + RetryLimits.Default.MaxRetries, throttle.StepsPerBatch.Count);
    }

    /// <summary>Rewrites one step's reply in Graph's batch answer to 429 TooManyRequests, a number of times.</summary>
    private sealed class StepThrottle(HttpMessageHandler inner, string stepId, int times, string retryAfter) : DelegatingHandler(inner)
    {
        private int _left = times;

        public bool Armed { get; set; }

        public List<int> StepsPerBatch { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (!Armed || !request.RequestUri!.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal))
            {
                return response;
            }

            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
            var replies = (JsonArray)body["responses"]!;
            StepsPerBatch.Add(replies.Count);
            foreach (var reply in replies.OfType<JsonObject>().Where(reply => (string?)reply["id"] == stepId && _left > 0))
            {
                _left--;
                reply["status"] = 429;
                reply["headers"] = new JsonObject { ["Retry-After"] = retryAfter, ["Content-Type"] = "application/json" };
                reply["body"] = new JsonObject { ["error"] = new JsonObject { ["code"] = "TooManyRequests", ["message"] = "Too many requests." } };
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        }
    }
}
