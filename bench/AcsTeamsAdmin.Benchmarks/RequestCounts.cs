using AcsTeamsAdmin.Sandbox;

namespace AcsTeamsAdmin.Benchmarks;

/// <summary>What the sandbox's request log says one operation sent.</summary>
internal sealed record RequestCounts(int Token, int Graph, int BatchSteps, int Writes)
{
    public int OverTheWire => Token + Graph;

    public static RequestCounts From(SandboxService sandbox)
    {
        var entries = sandbox.Requests.Entries;
        var graph = entries.Where(e => e.ParentSequence is null && e.PathAndQuery.StartsWith("/v1.0/", StringComparison.Ordinal)).ToArray();
        return new RequestCounts(
            entries.Count(e => e.PathAndQuery.Contains("/oauth2/v2.0/token", StringComparison.Ordinal)),
            graph.Length,
            entries.Count(e => e.ParentSequence is not null),
            // A $batch POST carries reads only here; its steps are counted as steps, not writes.
            graph.Count(e => e.Method != "GET" && e.PathAndQuery != "/v1.0/$batch"));
    }
}
