using AcsTeamsAdmin.Benchmarks;

namespace AcsTeamsAdmin.Tests.Benchmarks;

/// <summary>
/// The benchmark's in-process scenarios at a small size: they still run, and the round trips they report
/// are the ones the engine promises. No speed is asserted (that is the benchmark's job, with figures).
/// </summary>
public class BenchmarkSmokeTests
{
    [Fact]
    public async Task Round_trips_readiness_is_one_batch_for_up_to_135_apps_and_a_second_setup_writes_nothing()
    {
        var results = await RoundTripBenchmark.MeasureAsync(manyApps: 12);

        Assert.Equal(["Readiness, 1 app", "Readiness, 12 apps", "Setup, empty tenant", "Setup, ready tenant (2nd run)"], results.Select(r => r.Job));
        // Two shared steps (the ACS service principal, the tenant-wide grants) and two per 15 apps (their service principals, their registrations).
        Assert.Equal(new RequestCounts(Token: 1, Graph: 1, BatchSteps: 2 + 2, Writes: 0), results[0].Ours);
        Assert.Equal(new RequestCounts(Token: 1, Graph: 1, BatchSteps: 2 + 2, Writes: 0), results[1].Ours);
        Assert.Equal(3, results[2].Ours.Writes);
        Assert.Equal(0, results[3].Ours.Writes);
        // The Graph PowerShell side: a token, the ACS read, then three reads per app, one after another.
        Assert.Equal(1 + 1 + (3 * 12), results[1].GraphPowerShell.Count);
        Assert.Equal(3, results[2].GraphPowerShell.Count(call => call.IsWrite));
        Assert.DoesNotContain(results[3].GraphPowerShell, call => call.IsWrite);
    }

    [Fact]
    public async Task Bulk_creates_each_identity_once_and_never_exceeds_the_throttle_limit()
    {
        var results = await BulkBenchmark.MeasureAsync(count: 30);

        Assert.Equal(6, results.Count);
        Assert.All(results, r => Assert.Equal((30, 30), (r.Created, r.Requests)));
        Assert.Equal(1, results[0].MaxInFlight);
        Assert.All(results.Skip(1), r => Assert.InRange(r.MaxInFlight, 2, int.Parse(r.Mode.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture)));
    }
}
