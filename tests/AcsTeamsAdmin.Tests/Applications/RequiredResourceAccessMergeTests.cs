using AcsTeamsAdmin.Engine.Applications;
using AcsTeamsAdmin.Engine.Failures;

namespace AcsTeamsAdmin.Tests.Applications;

public class RequiredResourceAccessMergeTests
{
    private const string Acs = "1fd5118e-2576-4263-8130-9503064c837a";
    private const string Graph = "00000003-0000-0000-c000-000000000000";
    private static readonly ResourceAccessEntry Calls = new(Guid.Parse("de8ec1df-066a-4817-bc5d-9a985b986262"), "Scope");
    private static readonly ResourceAccessEntry Chats = new(Guid.Parse("6290af7f-b407-49f9-92d5-bf584fdc4019"), "Scope");
    private static readonly RequiredResource AcsDefault = new(Acs, [Calls, Chats]);

    [Fact]
    public void Every_other_resource_and_permission_stays_in_order_and_ACS_is_appended()
    {
        var userRead = new ResourceAccessEntry(Guid.NewGuid(), "Scope");
        var role = new ResourceAccessEntry(Guid.NewGuid(), "Role");
        var api = new RequiredResource(Guid.NewGuid().ToString(), [new ResourceAccessEntry(Guid.NewGuid(), "Scope")]);
        RequiredResource[] current = [new(Graph, [userRead, role]), api];

        var result = RequiredResourceAccessMerge.Merge(current, AcsDefault);

        Assert.True(result.Changed);
        Assert.True(result.AddedResource);
        Assert.Equal(3, result.Merged.Count);
        Assert.Equal([userRead, role], result.Merged[0].Permissions);
        Assert.Same(api, result.Merged[1]);
        Assert.Equal(Acs, result.Merged[2].ResourceAppId);
        Assert.Equal([Calls, Chats], result.Added);
    }

    [Fact]
    public void Scopes_already_there_are_not_added_again_whatever_the_casing()
    {
        RequiredResource[] current = [new(Acs.ToUpperInvariant(), [new ResourceAccessEntry(Calls.Id, "scope")])];

        var result = RequiredResourceAccessMerge.Merge(current, AcsDefault);

        var acs = Assert.Single(result.Merged);
        Assert.Equal(Acs.ToUpperInvariant(), acs.ResourceAppId);
        Assert.Equal([new ResourceAccessEntry(Calls.Id, "scope"), Chats], acs.Permissions);
        Assert.Equal([Chats], result.Added);
        Assert.False(result.AddedResource);
    }

    [Fact]
    public void Nothing_to_add_returns_the_list_as_it_was_and_says_unchanged()
    {
        RequiredResource[] current = [new(Graph, [new ResourceAccessEntry(Guid.NewGuid(), "Role")]), new(Acs, [Chats, Calls])];

        var result = RequiredResourceAccessMerge.Merge(current, AcsDefault);

        Assert.False(result.Changed);
        Assert.Same(current, result.Merged);
    }

    [Fact]
    public void A_role_with_the_same_id_as_a_wanted_scope_is_not_the_scope()
    {
        RequiredResource[] current = [new(Acs, [new ResourceAccessEntry(Calls.Id, "Role")])];

        var result = RequiredResourceAccessMerge.Merge(current, AcsDefault);

        Assert.Equal([new ResourceAccessEntry(Calls.Id, "Role"), Calls, Chats], Assert.Single(result.Merged).Permissions);
    }

    [Fact]
    public void A_51st_resource_is_refused_before_anything_is_written()
    {
        var current = Enumerable.Range(0, 50).Select(_ => new RequiredResource(Guid.NewGuid().ToString(), [new ResourceAccessEntry(Guid.NewGuid(), "Scope")])).ToArray();

        var error = Assert.Throws<AcsTeamsAdminException>(() => RequiredResourceAccessMerge.Merge(current, AcsDefault));

        Assert.Equal(ErrorIds.RequiredResourceAccessLimit, error.ErrorId);
        Assert.Equal(FailureCategory.LimitsExceeded, error.Category);
        Assert.Contains("51 APIs", error.Message, StringComparison.Ordinal);
        Assert.Contains("at most 50", error.Message, StringComparison.Ordinal);
        Assert.Contains("API permissions", error.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public void A_401st_permission_is_refused_but_exactly_400_is_fine()
    {
        var resources = Enumerable.Range(0, 4).Select(_ => new RequiredResource(Guid.NewGuid().ToString(),
            Enumerable.Range(0, 100).Select(_ => new ResourceAccessEntry(Guid.NewGuid(), "Scope")).ToArray())).ToList();
        resources[3] = resources[3] with { Permissions = resources[3].Permissions.Skip(2).ToArray() };

        Assert.Equal(400, RequiredResourceAccessMerge.Merge(resources, AcsDefault).Merged.Sum(r => r.Permissions.Count));
        var error = Assert.Throws<AcsTeamsAdminException>(() => RequiredResourceAccessMerge.Merge(resources, AcsDefault with { Permissions = [Calls, Chats, new ResourceAccessEntry(Guid.NewGuid(), "Scope")] }));
        Assert.Contains("401 permissions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_thousand_generated_manifests_keep_every_entry_and_gain_no_duplicate()
    {
        var random = new Random(20240115);
        int changed = 0, refused = 0, unchanged = 0;
        for (var run = 0; run < 1000; run++)
        {
            var current = GeneratedManifest.Create(random);
            var addition = GeneratedManifest.Addition(random);
            RequiredResourceAccessMergeResult result;
            try
            {
                result = RequiredResourceAccessMerge.Merge(current, addition);
            }
            catch (AcsTeamsAdminException error) when (error.ErrorId == ErrorIds.RequiredResourceAccessLimit)
            {
                // Refused only when the additions really would pass a limit.
                Assert.True(GeneratedManifest.WouldExceed(current, addition), $"run {run}: refused although within the limits");
                refused++;
                continue;
            }

            GeneratedManifest.AssertKeepsEverything(current, result.Merged, $"run {run}");
            GeneratedManifest.AssertHasAllOnce(addition, result.Merged, current, $"run {run}");
            Assert.Equal(result.Merged.Sum(r => r.Permissions.Count) - current.Sum(r => r.Permissions.Count), result.Added.Count);
            if (result.Changed)
            {
                changed++;
            }
            else
            {
                unchanged++;
            }
        }

        // The generator must reach every branch, or the property above says little.
        Assert.True(changed > 100 && refused > 20 && unchanged > 20, $"changed {changed}, refused {refused}, unchanged {unchanged}");
    }
}
