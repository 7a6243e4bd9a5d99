using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using AcsTeamsAdmin.Engine.Applications;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Tests.Support;
using Xunit.Abstractions;

namespace AcsTeamsAdmin.Tests.Reliability;

/// <summary>
/// The concurrent-edits campaign: Set-AcsVoipPermission's engine 50 times on Contoso's seeded app while another
/// writer (a seeded mix: adds a permission to a resource the app has, adds a new resource, or removes a non-ACS
/// entry) changes requiredResourceAccess after the read our plan came from and before our write (after the app
/// read or after the ACS service principal read, also seeded). Every run must end with their change AND our ACS
/// entries, with no entry twice. Not covered: the last few milliseconds between the writer's re-read and its
/// PATCH; Graph has no ETag on applications, so nothing a client does can guard that window.
/// </summary>
public sealed class ConcurrentEditCampaignTests(ITestOutputHelper output)
{
    private const int Runs = 50;

    private static readonly AppIdOrObjectId Calling = AppIdOrObjectId.Parse(ContosoConnections.CallingAppId);

    private static readonly (string Resource, string Id, string Type)[] Ours =
    [
        (SandboxIds.AcsAppId, SandboxIds.AcsTeamsManageCallsScopeId, "Scope"),
        (SandboxIds.AcsAppId, SandboxIds.AcsTeamsManageChatsScopeId, "Scope"),
    ];

    [Fact]
    public async Task Fifty_runs_with_another_writer_between_our_read_and_our_write_keep_their_change_and_ours()
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(20261122);
        var results = new List<RunResult>();
        for (var run = 1; run <= Runs; run++)
        {
            results.Add(await RunOnceAsync(run, random));
        }

        var failed = results.Where(result => result.Problem is not null).ToArray();
        CampaignFigures.Print(output, "concurrent edits", string.Create(CultureInfo.InvariantCulture,
            $"runs {Runs} (additions {results.Count(r => r.Kind != EditKind.Remove)}, removals {results.Count(r => r.Kind == EditKind.Remove)}); other-writer changes made {results.Count(r => r.Edited)}, kept {results.Count(r => r.Kept)}, lost {results.Count(r => r.Edited && !r.Kept)}; " +
            $"runs missing an ACS entry {results.Count(r => r.MissingOurs > 0)}, duplicated entries {results.Sum(r => r.Duplicates)}; PATCHes {results.Sum(r => r.Patches)} (max {results.Max(r => r.Patches)} in one run); {clock.Elapsed.TotalSeconds:0.0} s"));
        foreach (var result in failed)
        {
            output.WriteLine($"run {result.Run} ({result.Kind}): {result.Problem}");
        }

        Assert.Empty(failed.Select(result => $"run {result.Run}: {result.Problem}"));
        Assert.All(results, result => Assert.True(result.Edited, $"run {result.Run}: the other writer never got its turn"));

        // The seed must reach every kind of edit, else the campaign proves less than it says.
        Assert.All(Enum.GetValues<EditKind>(), kind => Assert.Contains(results, result => result.Kind == kind));
    }

    [Fact]
    public async Task A_scope_the_app_had_at_the_plan_and_lost_to_a_stale_write_after_ours_is_written_again()
    {
        // The app already has every asked-for scope, so the plan only adds a redirect URI; another writer's stale
        // copy then removes VoIP right after our PATCH. Reporting done would claim a scope the app no longer has.
        using var sandbox = new SandboxService();
        using var hook = new TransportHook(sandbox.CreateHandler());
        using var connection = await ContosoConnections.ConnectAsync(sandbox, hook);
        var voip = AcsApplicationSettings.ForChange(null, includeLegacyVoip: true, false, null, false);
        await ApplicationOperations.SetAsync(connection, Calling, voip, new RecordingHost().Context());
        var voipEntry = (SandboxIds.AcsAppId, SandboxIds.AcsVoipScopeId, "Scope");
        Assert.Contains(voipEntry, ContosoConnections.Permissions(sandbox, ContosoConnections.CallingAppId));
        hook.Sent.Clear();
        var staleWriteDone = false;
        hook.After = (method, path, _) =>
        {
            if (!staleWriteDone && method == "PATCH" && path.StartsWith("/v1.0/applications", StringComparison.Ordinal))
            {
                staleWriteDone = true;
                ContosoConnections.Edit(sandbox, ContosoConnections.CallingAppId, app => Apply(app, EditKind.Remove, voipEntry));
            }
        };

        var host = new RecordingHost();
        var result = await ApplicationOperations.SetAsync(
            connection, Calling, voip with { RedirectUri = PublicClientRedirectUri.Parse("http://localhost:7001/") }, host.Context());

        Assert.True(staleWriteDone);
        Assert.Contains(voipEntry, ContosoConnections.Permissions(sandbox, ContosoConnections.CallingAppId));
        Assert.Contains("VoIP", result!.AcsPermissions);
        Assert.Empty(result.MissingAcsPermissions);
        Assert.Equal(2, hook.Writes("/v1.0/applications").Count());
    }

    private static async Task<RunResult> RunOnceAsync(int run, Random random)
    {
        using var sandbox = new SandboxService();
        using var hook = new TransportHook(sandbox.CreateHandler());
        using var connection = await ContosoConnections.ConnectAsync(sandbox, hook);
        var before = ContosoConnections.Permissions(sandbox, ContosoConnections.CallingAppId);
        var kind = (EditKind)random.Next(3);
        var moment = random.Next(2) == 0 ? "/v1.0/applications(appId=" : "/v1.0/servicePrincipals";
        var theirs = kind switch
        {
            EditKind.AddToExistingResource => (before[random.Next(before.Count)].Resource, Guid.NewGuid().ToString(), random.Next(2) == 0 ? "Scope" : "Role"),
            EditKind.AddResource => (Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), random.Next(2) == 0 ? "Scope" : "Role"),
            _ => before[random.Next(before.Count)],
        };
        var edited = false;
        hook.After = (method, path, _) =>
        {
            // Once, after a read the plan depends on and before any PATCH: the moment a lost update would happen.
            if (!edited && method == "GET" && path.StartsWith(moment, StringComparison.Ordinal) && !hook.Writes("/v1.0/applications").Any())
            {
                edited = true;
                ContosoConnections.Edit(sandbox, ContosoConnections.CallingAppId, app => Apply(app, kind, theirs));
            }
        };

        string? problem = null;
        try
        {
            await ApplicationOperations.SetAsync(connection, Calling, new AcsApplicationSettings(), new RecordingHost().Context());
        }
        catch (Exception error) when (error is not Xunit.Sdk.XunitException)
        {
            problem = $"{error.GetType().Name}: {error.Message}";
        }

        var after = ContosoConnections.Permissions(sandbox, ContosoConnections.CallingAppId);
        var kept = kind == EditKind.Remove ? !after.Contains(theirs) : after.Contains(theirs);
        var missing = Ours.Count(entry => !after.Contains(entry));
        var duplicates = after.Count - after.Distinct().Count();
        var untouched = before.Where(entry => entry != theirs).Count(entry => !after.Contains(entry));
        problem ??= !kept ? $"their {kind} of {theirs} was lost"
            : missing > 0 ? $"{missing} ACS entr(ies) missing"
            : duplicates > 0 ? $"{duplicates} duplicate entr(ies)"
            : untouched > 0 ? $"{untouched} entr(ies) nobody removed are gone"
            : null;
        return new RunResult(run, kind, problem, edited, edited && kept, missing, duplicates, hook.Writes("/v1.0/applications").Count());
    }

    private static void Apply(JsonObject app, EditKind kind, (string Resource, string Id, string Type) entry)
    {
        var resources = app["requiredResourceAccess"]!.AsArray();
        var resource = resources.FirstOrDefault(candidate => string.Equals((string?)candidate!["resourceAppId"], entry.Resource, StringComparison.OrdinalIgnoreCase));
        if (kind == EditKind.Remove)
        {
            var accesses = resource!["resourceAccess"]!.AsArray();
            accesses.Remove(accesses.First(access => (string?)access!["id"] == entry.Id && (string?)access["type"] == entry.Type));
            if (accesses.Count == 0)
            {
                resources.Remove(resource);
            }

            return;
        }

        var added = new JsonObject { ["id"] = entry.Id, ["type"] = entry.Type };
        if (resource is null)
        {
            resources.Add(new JsonObject { ["resourceAppId"] = entry.Resource, ["resourceAccess"] = new JsonArray(added) });
        }
        else
        {
            resource["resourceAccess"]!.AsArray().Add(added);
        }
    }

    private enum EditKind
    {
        AddToExistingResource,
        AddResource,
        Remove,
    }

    private sealed record RunResult(int Run, EditKind Kind, string? Problem, bool Edited, bool Kept, int MissingOurs, int Duplicates, int Patches);
}
