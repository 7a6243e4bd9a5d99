using AcsTeamsAdmin.Engine.Applications;
using AcsTeamsAdmin.Engine.Completion;
using AcsTeamsAdmin.Engine.Consent;
using AcsTeamsAdmin.Engine.Readiness;

namespace AcsTeamsAdmin.Tests.Completion;

public class RecentAppsTests
{
    private const string Calling = "c0a1b2c3-d4e5-4f60-8a71-b2c3d4e5f614";
    private const string Api = "e2c3d4e5-f6a7-4b82-8c93-d4e5f6a7b816";
    private const string Admin = "5a3c9e71-0b2d-4c8e-9f16-7d4a2b8c1e02";

    [Fact]
    public void The_newest_app_comes_first_and_a_repeat_moves_to_the_front_without_duplicating()
    {
        var recent = new RecentApps();
        recent.Remember(Calling, "Contoso Teams Calling");
        recent.Remember(Api);
        recent.Remember(Calling.ToUpperInvariant());

        Assert.Equal([Calling, Api], recent.Candidates().Select(c => c.Value));
    }

    [Fact]
    public void A_later_sighting_without_a_name_keeps_the_name_seen_before()
    {
        var recent = new RecentApps();
        recent.Remember(Calling, "Contoso Teams Calling");
        recent.Remember(Calling, null);

        var candidate = Assert.Single(recent.Candidates());
        Assert.Equal("Contoso Teams Calling: " + Calling, candidate.ToolTip);
        Assert.Equal("Contoso Teams Calling", candidate.AlsoMatches);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public void Anything_that_is_not_an_app_id_is_ignored(string? value)
    {
        var recent = new RecentApps();
        recent.Remember(value, "x");

        Assert.Empty(recent.Candidates());
    }

    [Fact]
    public void The_list_keeps_only_the_newest_apps_up_to_its_capacity()
    {
        var recent = new RecentApps(capacity: 2);
        recent.Remember(Calling);
        recent.Remember(Api);
        recent.Remember(Admin);

        Assert.Equal([Admin, Api], recent.Candidates().Select(c => c.Value));
    }

    [Fact]
    public void Typing_the_start_of_a_display_name_completes_to_the_app_id()
    {
        var recent = new RecentApps();
        recent.Remember(Calling, "Contoso Teams Calling");
        recent.Remember(Api, "Contoso API");
        recent.Remember(Admin, "Fabrikam admin");

        var matches = CompletionMatcher.Match(recent.Candidates(), "'contoso t");

        var match = Assert.Single(matches);
        Assert.Equal($"'{Calling}'", match.CompletionText);
        Assert.Equal($"{Calling} (Contoso Teams Calling)", match.ListItemText);
    }

    [Fact]
    public void Output_records_and_collections_of_them_feed_the_list()
    {
        var recent = new RecentApps();
        recent.RememberFrom(new AppRegistrationInfo
        {
            Id = Guid.NewGuid().ToString(), AppId = Calling, DisplayName = "Contoso Teams Calling", TenantId = "t", Status = default,
        });
        recent.RememberFrom(new[]
        {
            new ReadinessCheck { Name = "AppRegistration", Status = default, Detail = "d", AppliesTo = default, TenantId = "t", AppId = Api },
            new ReadinessCheck { Name = "Cloud", Status = default, Detail = "d", AppliesTo = default, TenantId = "t" },
        });
        recent.RememberFrom(new AdminConsentStatus { TenantId = "t", ClientAppId = Admin, ClientDisplayName = "Fabrikam admin", Status = default });
        recent.RememberFrom("5a3c9e71-0b2d-4c8e-9f16-7d4a2b8c1e99");

        Assert.Equal([Admin, Api, Calling], recent.Candidates().Select(c => c.Value));
        Assert.Equal("Fabrikam admin", recent.Candidates()[0].AlsoMatches);
    }

    [Fact]
    public void Concurrent_sightings_from_worker_threads_keep_the_list_consistent()
    {
        var recent = new RecentApps(capacity: 10);
        var ids = Enumerable.Range(0, 200).Select(i => new Guid(i + 1, 0, 0, new byte[8]).ToString()).ToArray();

        Parallel.ForEach(ids, id => recent.Remember(id, "app " + id));

        var values = recent.Candidates().Select(c => c.Value).ToArray();
        Assert.Equal(10, values.Length);
        Assert.Equal(values.Length, values.Distinct().Count());
    }
}
