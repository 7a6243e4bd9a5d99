using AcsTeamsAdmin.Engine.Applications;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Applications;

/// <summary>Get-AcsTeamsApplication -DisplayName: what Graph filters, what is matched locally, and what the request log shows.</summary>
public class FindByDisplayNameTests
{
    [Fact]
    public async Task A_prefix_pattern_is_one_startswith_request_and_returns_only_the_matches_in_name_order()
    {
        using var sandbox = new SandboxService();
        using var connection = await ContosoConnections.ConnectAsync(sandbox);
        sandbox.Requests.Clear();

        var apps = await ApplicationOperations.FindAsync(connection, DisplayNamePattern.Parse("contoso t*"), new RecordingHost().Context());

        var app = Assert.Single(apps);
        Assert.Equal(SandboxIds.ContosoTeamsCallingAppId, app.AppId);
        Assert.Equal(ApplicationStatus.Existing, app.Status);
        var lookups = sandbox.Requests.Entries.Where(e => e.PathAndQuery.StartsWith("/v1.0/applications", StringComparison.Ordinal)).ToArray();
        var lookup = Assert.Single(lookups);
        Assert.Contains("startswith(displayName", Uri.UnescapeDataString(lookup.PathAndQuery), StringComparison.Ordinal);
        Assert.DoesNotContain(sandbox.Requests.Entries, e => e.Method != "GET");
    }

    [Fact]
    public async Task The_rest_of_a_pattern_is_matched_locally_on_the_prefix_results()
    {
        using var sandbox = new SandboxService();
        using var connection = await ContosoConnections.ConnectAsync(sandbox);

        var apps = await ApplicationOperations.FindAsync(connection, DisplayNamePattern.Parse("Contoso*API"), new RecordingHost().Context());
        var all = await ApplicationOperations.FindAsync(connection, DisplayNamePattern.Parse("Contoso*"), new RecordingHost().Context());

        Assert.Equal([SandboxIds.ContosoApiAppId], apps.Select(a => a.AppId));
        Assert.True(all.Count >= 3, $"Contoso* found {all.Count} apps.");
        Assert.Equal(all.Select(a => a.DisplayName).Order(StringComparer.OrdinalIgnoreCase), all.Select(a => a.DisplayName));
    }

    [Fact]
    public async Task A_leading_wildcard_lists_every_registration_without_a_filter_and_says_so()
    {
        using var sandbox = new SandboxService();
        using var connection = await ContosoConnections.ConnectAsync(sandbox);
        sandbox.Requests.Clear();
        var host = new RecordingHost();

        var apps = await ApplicationOperations.FindAsync(connection, DisplayNamePattern.Parse("*Calling"), host.Context());

        Assert.Equal([SandboxIds.ContosoTeamsCallingAppId], apps.Select(a => a.AppId));
        var lookup = Assert.Single(sandbox.Requests.Entries, e => e.PathAndQuery.StartsWith("/v1.0/applications", StringComparison.Ordinal));
        Assert.DoesNotContain("filter", lookup.PathAndQuery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(host.Lines, line => line.Contains("listing every app registration", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_plain_name_that_finds_nothing_is_ApplicationNotFound_but_a_pattern_that_matches_nothing_is_empty()
    {
        using var sandbox = new SandboxService();
        using var connection = await ContosoConnections.ConnectAsync(sandbox);

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => ApplicationOperations.FindAsync(connection, DisplayNamePattern.Parse("Northwind"), new RecordingHost().Context()));
        var none = await ApplicationOperations.FindAsync(connection, DisplayNamePattern.Parse("Northwind*"), new RecordingHost().Context());

        Assert.Equal(ErrorIds.ApplicationNotFound, error.ErrorId);
        Assert.Equal(FailureCategory.ObjectNotFound, error.Category);
        Assert.Empty(none);
    }

    [Fact]
    public async Task A_plain_name_uses_eq_and_finds_the_app_in_any_case()
    {
        using var sandbox = new SandboxService();
        using var connection = await ContosoConnections.ConnectAsync(sandbox);
        sandbox.Requests.Clear();

        var app = Assert.Single(await ApplicationOperations.FindAsync(connection, DisplayNamePattern.Parse("contoso teams calling"), new RecordingHost().Context()));

        Assert.Equal(SandboxIds.ContosoTeamsCallingAppId, app.AppId);
        Assert.Contains(sandbox.Requests.Entries, e => Uri.UnescapeDataString(e.PathAndQuery).Contains("displayName eq 'contoso teams calling'", StringComparison.Ordinal));
    }
}
