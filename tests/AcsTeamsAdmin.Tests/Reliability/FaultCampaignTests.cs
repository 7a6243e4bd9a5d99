using System.Diagnostics;
using System.Globalization;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Http;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.Readiness;
using AcsTeamsAdmin.Engine.ServicePrincipals;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Tests.Readiness;
using AcsTeamsAdmin.Tests.Support;
using Xunit.Abstractions;

namespace AcsTeamsAdmin.Tests.Reliability;

/// <summary>
/// The faults campaign: the one-shot setup (Initialize-AcsTeams) 100 times, each on a fresh sandbox whose
/// Graph fails 20% of requests with a seeded mix of 429 and 503 (with Retry-After), 504, and dropped
/// connections before and AFTER the request was processed (the dangerous case: the write happened, the
/// answer was lost). Every run must converge to the right state with nothing created twice, within the
/// shipped retry limits, waiting at least as long as each Retry-After asked.
/// </summary>
public sealed class FaultCampaignTests(ITestOutputHelper output)
{
    private const int Runs = 100;
    private const double FaultRate = 0.2;

    // Small so 100 runs stay fast, fractional as Graph sends it, non-zero so honouring it can be measured.
    private const double RetryAfterSeconds = 0.02;

    private static readonly (FaultKind Kind, bool AfterProcessing)[] Mix =
    [
        (FaultKind.TooManyRequests, false),
        (FaultKind.ServiceUnavailable, false),
        (FaultKind.GatewayTimeout, false),
        (FaultKind.ConnectionReset, false),
        (FaultKind.ConnectionReset, true),
    ];

    [Fact]
    public async Task One_hundred_setups_with_20_percent_mixed_faults_converge_with_no_duplicates_within_the_retry_limits()
    {
        var clock = Stopwatch.StartNew();
        var runs = new List<RunResult>();
        for (var run = 1; run <= Runs; run++)
        {
            runs.Add(await RunOnceAsync(run));
        }

        clock.Stop();
        var failed = runs.Where(run => run.Problem is not null).ToArray();
        // How much longer than Retry-After asked each retry waited (negative: too early).
        var waits = runs.SelectMany(run => run.RetryAfterMargins).ToArray();
        var faults = runs.Sum(run => run.Faults);
        var requests = runs.Sum(run => run.Requests);
        CampaignFigures.Print(output, "faults", string.Create(CultureInfo.InvariantCulture,
            $"runs passed {Runs - failed.Length}/{Runs}; Graph requests {requests}, faults injected {faults} ({100.0 * faults / requests:0.0}%) " +
            $"of which resets after processing {runs.Sum(run => run.ResetsAfterProcessing)}; retries {runs.Sum(run => run.Retries)} (max {runs.Max(run => run.Retries)} in one run), " +
            $"given up {runs.Sum(run => run.GivenUp)}, longest fault streak on one request {runs.Max(run => run.LongestStreak)} (limit {CampaignLimits.MaxRetries}); " +
            $"Retry-After {RetryAfterSeconds:0.###} s honoured {waits.Count(margin => margin >= 0)}/{waits.Length} " +
            $"(wait beyond it min {Seconds(waits.DefaultIfEmpty().Min())}, mean {Seconds(waits.DefaultIfEmpty().Average())}, max {Seconds(waits.DefaultIfEmpty().Max())}); " +
            $"campaign {clock.Elapsed.TotalSeconds:0.0} s"));
        foreach (var run in failed)
        {
            output.WriteLine($"run {run.Run} failed: {run.Problem}");
        }

        Assert.Empty(failed.Select(run => $"run {run.Run}: {run.Problem}"));
        Assert.True(faults > requests / 10, $"The plan should have injected about 20% faults, but injected {faults} in {requests} requests.");
        Assert.Contains(runs, run => run.ResetsAfterProcessing > 0);
        Assert.NotEmpty(waits);
        Assert.All(waits, margin => Assert.True(margin >= 0, $"A retry came {-margin:0.####} s before the Retry-After of {RetryAfterSeconds} s was up."));
        Assert.All(runs, run => Assert.InRange(run.LongestStreak, 0, CampaignLimits.MaxRetries));
    }

    private static async Task<RunResult> RunOnceAsync(int run)
    {
        // Odd runs: a customer's empty tenant (both service principals and the grant to create). Even runs: the
        // ISV's own tenant, whose app also needs its permissions merged, public client flows and audience.
        var customer = run % 2 == 1;
        using var sandbox = new SandboxService(SandboxSeed.Create(new SandboxSeedOptions { IncludeEmptyTenant = true }));
        using var timer = new RetryAfterTimer(sandbox.CreateHandler());
        using var connection = await ConnectAsync(sandbox, timer, customer);
        var tenantId = customer ? SandboxIds.EmptyTenantId : SandboxIds.ContosoTenantId;
        IReadOnlyList<(string Resource, string Id, string Type)> before = [];
        if (!customer)
        {
            ContosoConnections.Edit(sandbox, ContosoConnections.CallingAppId, app =>
            {
                app["isFallbackPublicClient"] = false;
                app["signInAudience"] = "AzureADMyOrg";
            });
            before = ContosoConnections.Permissions(sandbox, ContosoConnections.CallingAppId);
        }

        sandbox.Requests.Clear();
        for (var index = 0; index < Mix.Length; index++)
        {
            sandbox.Faults.Add(new FaultRule
            {
                Kind = Mix[index].Kind,
                AfterProcessing = Mix[index].AfterProcessing,
                // The plan fires the first matching rule that draws a fault: five rules at r give 1-(1-r)^5 = 20% in all.
                Rate = 1 - Math.Pow(1 - FaultRate, 1.0 / Mix.Length),
                Seed = (run * 31) + index,
                PathPrefix = "/v1.0/",
                RetryAfterSeconds = RetryAfterSeconds,
            });
        }

        string? problem = null;
        try
        {
            await SetupOperations.InitializeAsync(connection, new SetupRequest { AppIds = [ReadyWorld.Calling], MultiTenant = true }, new RecordingHost().Context());
        }
        catch (AcsTeamsAdminException error)
        {
            problem = $"{error.ErrorId}: {error.Message}";
        }

        var log = sandbox.Requests.Calls;
        sandbox.Faults.Clear();
        problem ??= await CheckStateAsync(sandbox, connection, tenantId, before);
        return new RunResult(
            run,
            problem,
            log.Count(entry => entry.PathAndQuery.StartsWith("/v1.0/", StringComparison.Ordinal)),
            log.Count(entry => entry.Fault is not null),
            log.Count(entry => entry.Fault == "reset-after-processing"),
            connection.Retries.Retries,
            connection.Retries.GivenUp,
            LongestStreak(log),
            timer.Waits.Select(wait => wait.Waited - wait.Asked).ToArray());
    }

    /// <summary>Null when the tenant is exactly as one clean setup leaves it; else what is wrong.</summary>
    private static async Task<string?> CheckStateAsync(SandboxService sandbox, AcsTeamsAdminConnection connection, string tenantId, IReadOnlyList<(string Resource, string Id, string Type)> before)
    {
        var (acs, client, grants) = sandbox.State.Read(data =>
        {
            var tenant = data.Tenants.Single(candidate => candidate.Id == tenantId);
            var acsPrincipals = tenant.ServicePrincipals.Where(sp => (string?)sp["appId"] == SandboxIds.AcsAppId).Select(sp => (string)sp["id"]!).ToArray();
            var clientPrincipals = tenant.ServicePrincipals.Where(sp => (string?)sp["appId"] == ContosoConnections.CallingAppId).Select(sp => (string)sp["id"]!).ToArray();
            var pairGrants = tenant.OAuth2PermissionGrants
                .Where(grant => clientPrincipals.Contains((string?)grant["clientId"]) && acsPrincipals.Contains((string?)grant["resourceId"]))
                .Select(grant => ((string?)grant["consentType"], (string?)grant["scope"] ?? string.Empty))
                .ToArray();
            return (acsPrincipals.Length, clientPrincipals.Length, pairGrants);
        });
        if (acs != 1 || client != 1 || grants.Length != 1)
        {
            return $"expected one ACS service principal, one client service principal and one grant; found {acs}, {client}, {grants.Length}";
        }

        var scopes = grants[0].Item2.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (grants[0].Item1 != "AllPrincipals" || scopes.Length != scopes.Distinct(StringComparer.OrdinalIgnoreCase).Count()
            || AcsScope.Default.Any(scope => !scopes.Contains(scope.Value, StringComparer.OrdinalIgnoreCase)))
        {
            return $"the grant is {grants[0].Item1} with scope '{grants[0].Item2}'";
        }

        if (before.Count > 0)
        {
            var after = ContosoConnections.Permissions(sandbox, ContosoConnections.CallingAppId);
            if (!before.SequenceEqual(after.Take(before.Count)) || after.Count != after.Distinct().Count())
            {
                return $"the app's permissions were not merged: {before.Count} before, {after.Count} after";
            }
        }

        var failing = ReadyWorld.Failing(await ReadinessOperations.TestAsync(connection, new ReadinessRequest { AppIds = [ReadyWorld.Calling], MultiTenant = true }, new RecordingHost().Context()));
        return failing.Count == 0 ? null : "readiness still fails: " + string.Join(", ", failing.Select(check => check.Name));
    }

    /// <summary>The most faults in a row one request met before it got through (a retry repeats method and URL).</summary>
    private static int LongestStreak(IReadOnlyList<RequestLogEntry> log)
    {
        var longest = 0;
        var streak = 0;
        string? previous = null;
        foreach (var entry in log)
        {
            var key = entry.Method + " " + entry.PathAndQuery;
            streak = entry.Fault is null ? 0 : (key == previous ? streak : 0) + 1;
            longest = Math.Max(longest, streak);
            previous = entry.Fault is null ? null : key;
        }

        return longest;
    }

    private static string Seconds(double value) => value.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    /// <summary>
    /// The shipped retry limits (MaxRetries, MaxDelay) with a 10 ms first back-off instead of 0.8 s: the back-off
    /// only applies where no Retry-After came (504, dropped connections), and 0.8 s would make 100 runs take minutes.
    /// </summary>
    private static readonly RetryLimits CampaignLimits = RetryLimits.Default with { BaseDelay = TimeSpan.FromMilliseconds(10) };

    private static Task<AcsTeamsAdminConnection> ConnectAsync(SandboxService sandbox, HttpMessageHandler transport, bool customer)
    {
        var token = sandbox.IssueAccessToken(customer
            ? new AccessTokenRequest { TenantId = SandboxIds.EmptyTenantId, ClientAppId = SandboxIds.FabrikamAdminClientId, Roles = ["Application.ReadWrite.All", "DelegatedPermissionGrant.ReadWrite.All"] }
            : new AccessTokenRequest { TenantId = SandboxIds.ContosoTenantId, ClientAppId = SandboxIds.ContosoAdminClientId, Roles = ["Application.ReadWrite.All", "DelegatedPermissionGrant.ReadWrite.All"] });
        return Connector.ConnectAsync(new ConnectionRequest
        {
            Mode = SignInMode.AccessToken,
            AccessToken = token,
            GraphEndpoint = SandboxService.InProcessBaseAddress.AbsoluteUri + "v1.0",
            Transport = transport,
            RetryLimits = CampaignLimits,
        }, OperationContext.Unattended());
    }

    private sealed record RunResult(int Run, string? Problem, int Requests, int Faults, int ResetsAfterProcessing, long Retries, long GivenUp, int LongestStreak, double[] RetryAfterMargins);
}
