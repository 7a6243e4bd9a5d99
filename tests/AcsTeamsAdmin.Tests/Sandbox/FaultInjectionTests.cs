using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox;
using Microsoft.Graph.Models;
using static AcsTeamsAdmin.Tests.Sandbox.SandboxTestKit;

namespace AcsTeamsAdmin.Tests.Sandbox;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task A_429_is_retried_by_the_Graph_SDKs_RetryHandler()
    {
        using var sandbox = new SandboxService();
        // Whole seconds: Kiota's RetryHandler reads Retry-After as an integer and falls back to its own back-off otherwise.
        sandbox.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, OnRequests = [1], PathPrefix = "/v1.0/", RetryAfterSeconds = 0 });
        var graph = Graph(sandbox, AppToken(sandbox, "Organization.Read.All"));

        var org = await graph.Organization.GetAsync();

        Assert.Equal(SandboxIds.FabrikamTenantId, org!.Value![0].Id);
        var calls = sandbox.Requests.Calls.Where(e => e.PathAndQuery.StartsWith("/v1.0/organization", StringComparison.Ordinal)).ToList();
        Assert.Equal([429, 200], calls.Select(c => c.Status));
        Assert.Equal("429", calls[0].Fault);
    }

    [Fact]
    public async Task The_429_answer_has_Graphs_shape_and_a_fractional_Retry_After()
    {
        using var sandbox = new SandboxService();
        sandbox.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, OnRequests = [1], RetryAfterSeconds = 2.5 });

        var (status, body, response) = await SendAsync(sandbox, HttpMethod.Get, "/v1.0/organization", AppToken(sandbox, "Organization.Read.All"));

        Assert.Equal(429, status);
        Assert.Equal("TooManyRequests", (string?)body!["error"]!["code"]);
        Assert.Equal("2.5", response.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task A_reset_throws_HttpRequestException_with_an_inner_IOException_and_hooks_are_never_faulted()
    {
        using var sandbox = new SandboxService();
        sandbox.Faults.Add(new FaultRule { Kind = FaultKind.ConnectionReset, Rate = 1 });
        using var http = Http(sandbox);

        var e = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/v1.0/organization"));
        using var hook = await http.GetAsync("/_sandbox/requests");

        Assert.IsType<IOException>(e.InnerException);
        Assert.True(hook.IsSuccessStatusCode);
        var entry = Assert.Single(sandbox.Requests.Entries);
        Assert.Equal(("reset", 0), (entry.Fault, entry.Status));
    }

    [Fact]
    public async Task A_reset_after_processing_loses_the_answer_but_keeps_the_change_so_a_blind_retry_conflicts()
    {
        using var sandbox = new SandboxService();
        sandbox.Faults.Add(new FaultRule { Kind = FaultKind.ConnectionReset, AfterProcessing = true, OnRequests = [1], PathPrefix = "/v1.0/servicePrincipals" });
        var token = AppToken(sandbox, "Application.ReadWrite.All");
        var body = new JsonObject { ["appId"] = SandboxIds.AcsAppId };

        await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync(sandbox, HttpMethod.Post, "/v1.0/servicePrincipals", token, body));
        var (retry, _, _) = await SendAsync(sandbox, HttpMethod.Post, "/v1.0/servicePrincipals", token, body);

        Assert.Equal(409, retry);
        Assert.Equal("reset-after-processing", sandbox.Requests.Entries[0].Fault);
    }

    [Fact]
    public void A_rate_with_the_same_seed_fails_the_same_requests()
    {
        static List<bool> Schedule(int seed)
        {
            using var sandbox = new SandboxService();
            sandbox.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable, Rate = 0.3, Seed = seed });
            using var http = Http(sandbox);
            return Enumerable.Range(0, 40).Select(_ => http.GetAsync("/v1.0/organization").Result.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable).ToList();
        }

        var a = Schedule(7);
        var b = Schedule(7);
        var c = Schedule(8);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.InRange(a.Count(f => f), 4, 24);
    }

    [Fact]
    public async Task The_Graph_SDK_gives_up_on_a_persistent_503_with_the_status()
    {
        using var sandbox = new SandboxService();
        sandbox.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable, Rate = 1, RetryAfterSeconds = 0 });
        var graph = Graph(sandbox, AppToken(sandbox, "Application.ReadWrite.All"));

        // The SDK's RetryHandler retries 3 times, then throws an AggregateException of the failed attempts.
        var e = await Assert.ThrowsAsync<AggregateException>(() => graph.ServicePrincipals.PostAsync(new ServicePrincipal { AppId = SandboxIds.AcsAppId }));

        Assert.Contains("ServiceUnavailable", e.Message, StringComparison.Ordinal);
        Assert.Equal(4, sandbox.Requests.Calls.Count);
        Assert.All(sandbox.Requests.Calls, c => Assert.Equal("503", c.Fault));
    }
}
