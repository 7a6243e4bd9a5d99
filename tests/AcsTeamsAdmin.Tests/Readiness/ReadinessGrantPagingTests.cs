using AcsTeamsAdmin.Engine.Consent;
using AcsTeamsAdmin.Engine.Readiness;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Sandbox.Graph;
using AcsTeamsAdmin.Sandbox.Internal;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Readiness;

/// <summary>
/// The tenant-wide grant list is the one read whose size grows with the tenant: further pages cost a GET each,
/// outside the batch, and only until the apps' grants to ACS are found.
/// </summary>
public class ReadinessGrantPagingTests
{
    private const int PageSize = 2;
    private const int OtherGrants = 5;

    [Fact]
    public async Task An_ACS_grant_on_the_last_page_is_found_by_following_every_next_link()
    {
        var (sandbox, connection) = await ReadyWorld.CreateAsync();
        using var _ = connection;
        var total = Seed(sandbox, acsGrantLast: true);
        var host = new RecordingHost();

        var checks = await ReadyWorld.CheckAsync(connection, host: host);

        Assert.Equal(ReadinessStatus.Pass, checks.Single(check => check.Name == ReadinessCheckNames.AdminConsent).Status);
        var calls = GraphCalls(sandbox);
        Assert.Equal("/v1.0/$batch", calls[0]);
        var pages = calls.Skip(1).ToArray();
        Assert.Equal((int)Math.Ceiling(total / (double)PageSize) - 1, pages.Length);
        Assert.True(pages.Length >= 3);
        Assert.All(pages, page => Assert.StartsWith("/v1.0/oauth2PermissionGrants?", page, StringComparison.Ordinal));
        Assert.All(pages, page => Assert.Contains("$skiptoken=", page, StringComparison.Ordinal));
        Assert.Contains(host.Lines, line => line.Contains($"{pages.Length} further page(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reading_stops_at_the_page_that_holds_the_last_wanted_grant()
    {
        var (sandbox, connection) = await ReadyWorld.CreateAsync();
        using var _ = connection;
        var total = Seed(sandbox, acsGrantLast: false);

        var checks = await ReadyWorld.CheckAsync(connection);

        Assert.Equal(ReadinessStatus.Pass, checks.Single(check => check.Name == ReadinessCheckNames.AdminConsent).Status);
        Assert.True(total > PageSize);
        Assert.Equal(["/v1.0/$batch"], GraphCalls(sandbox));
    }

    [Fact]
    public async Task A_missing_grant_on_a_paged_list_is_still_a_failure_after_reading_every_page()
    {
        var (sandbox, connection) = await ReadyWorld.CreateAsync();
        using var _ = connection;
        var total = Seed(sandbox, acsGrantLast: true);
        sandbox.State.Update(data =>
        {
            var grants = ReadyWorld.Contoso(data).OAuth2PermissionGrants;
            grants.RemoveAt(grants.Count - 1);
        });

        var failing = Assert.Single(ReadyWorld.Failing(await ReadyWorld.CheckAsync(connection)));

        Assert.Equal(ReadinessCheckNames.AdminConsent, failing.Name);
        Assert.Equal((int)Math.Ceiling((total - 1) / (double)PageSize), GraphCalls(sandbox).Length);
    }

    /// <summary>Small pages, other apps' tenant-wide grants, and the calling app's ACS grant first or last; returns how many AllPrincipals grants there are.</summary>
    private static int Seed(SandboxService sandbox, bool acsGrantLast)
    {
        var total = 0;
        sandbox.State.Update(data =>
        {
            data.Settings.DefaultPageSize = PageSize;
            var tenant = ReadyWorld.Contoso(data);
            var acs = DirectoryQueries.Str(DirectoryQueries.FindServicePrincipal(tenant, SandboxIds.AcsAppId)!, "id")!;
            var acsGrant = tenant.OAuth2PermissionGrants.Single(grant => DirectoryQueries.Is(grant, "resourceId", acs));
            tenant.OAuth2PermissionGrants.Remove(acsGrant);
            for (var index = 0; index < OtherGrants; index++)
            {
                tenant.OAuth2PermissionGrants.Add(GraphObjects.Grant(Guid.NewGuid().ToString(), acs, PermissionGrants.AllPrincipals, null, "Teams.ManageCalls"));
            }

            tenant.OAuth2PermissionGrants.Insert(acsGrantLast ? tenant.OAuth2PermissionGrants.Count : 0, acsGrant);
            total = tenant.OAuth2PermissionGrants.Count(grant => DirectoryQueries.Is(grant, "consentType", PermissionGrants.AllPrincipals));
        });
        sandbox.Requests.Clear();
        return total;
    }

    private static string[] GraphCalls(SandboxService sandbox) =>
        sandbox.Requests.Calls.Where(entry => entry.PathAndQuery.StartsWith("/v1.0/", StringComparison.Ordinal)).Select(entry => entry.PathAndQuery).ToArray();
}
