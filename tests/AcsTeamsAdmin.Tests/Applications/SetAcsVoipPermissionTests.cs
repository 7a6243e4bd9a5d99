using System.Text.Json.Nodes;
using AcsTeamsAdmin.Engine.Applications;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.ServicePrincipals;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Applications;

/// <summary>Set-AcsVoipPermission's engine against Contoso's seeded app, which already asks for Graph scopes, a Graph role and a custom API.</summary>
public class SetAcsVoipPermissionTests
{
    private static readonly AcsApplicationSettings Defaults = new();
    private static readonly AppIdOrObjectId Calling = AppIdOrObjectId.Parse(ContosoConnections.CallingAppId);

    [Fact]
    public async Task The_seeded_app_keeps_every_permission_it_had_and_a_second_run_makes_no_PATCH()
    {
        using var sandbox = new SandboxService();
        using var connection = await ContosoConnections.ConnectAsync(sandbox);
        var before = ContosoConnections.Permissions(sandbox, ContosoConnections.CallingAppId);
        Assert.Equal(3, before.Count);

        sandbox.Requests.Clear();
        var first = await ApplicationOperations.SetAsync(connection, Calling, Defaults, new RecordingHost().Context());
        var writesAfterFirst = ContosoConnections.ApplicationWrites(sandbox);
        var graphCallsOfFirst = sandbox.Requests.Entries.Count(entry => entry.PathAndQuery.StartsWith("/v1.0/", StringComparison.Ordinal));
        sandbox.Requests.Clear();
        var second = await ApplicationOperations.SetAsync(connection, Calling, Defaults, new RecordingHost().Context());
        var graphCallsOfSecond = sandbox.Requests.Entries.Count(entry => entry.PathAndQuery.StartsWith("/v1.0/", StringComparison.Ordinal));

        var after = ContosoConnections.Permissions(sandbox, ContosoConnections.CallingAppId);
        Assert.Equal(before, after.Take(3));
        Assert.Equal(
            [(SandboxIds.AcsAppId, SandboxIds.AcsTeamsManageCallsScopeId, "Scope"), (SandboxIds.AcsAppId, SandboxIds.AcsTeamsManageChatsScopeId, "Scope")],
            after.Skip(3));
        Assert.Equal(ApplicationStatus.Updated, first!.Status);
        Assert.Equal(["Teams.ManageCalls", "Teams.ManageChats"], first.AcsPermissions);
        Assert.Empty(first.MissingAcsPermissions);
        Assert.Equal(5, first.RequiredPermissionCount);
        Assert.Equal(1, writesAfterFirst);
        Assert.Equal(ApplicationStatus.Existing, second!.Status);
        Assert.Equal(0, ContosoConnections.ApplicationWrites(sandbox));

        // Round trips: read app, read ACS principal, read app again before writing, PATCH, verify; then two reads.
        Assert.Equal(5, graphCallsOfFirst);
        Assert.Equal(2, graphCallsOfSecond);
    }

    [Fact]
    public async Task The_PATCH_carries_only_requiredResourceAccess_with_the_whole_merged_list()
    {
        using var sandbox = new SandboxService();
        using var hook = new TransportHook(sandbox.CreateHandler());
        using var connection = await ContosoConnections.ConnectAsync(sandbox, hook);

        await ApplicationOperations.SetAsync(connection, Calling, Defaults, new RecordingHost().Context());

        var patch = Assert.Single(hook.Writes("/v1.0/applications"));
        Assert.Equal($"/v1.0/applications/{ContosoConnections.CallingObjectId}", patch.PathAndQuery);
        var body = JsonNode.Parse(patch.Body!)!.AsObject();
        Assert.Equal(["requiredResourceAccess"], body.Select(property => property.Key).Where(key => !key.StartsWith('@')));
        Assert.Equal(3, body["requiredResourceAccess"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_object_id_finds_the_same_app_as_the_appId()
    {
        using var sandbox = new SandboxService();
        using var connection = await ContosoConnections.ConnectAsync(sandbox);

        var byAppId = await ApplicationOperations.GetAsync(connection, Calling, new RecordingHost().Context());
        var byObjectId = await ApplicationOperations.GetAsync(connection, AppIdOrObjectId.Parse(ContosoConnections.CallingObjectId), new RecordingHost().Context());

        Assert.Equivalent(byAppId, byObjectId, strict: true);
        Assert.Equal("Contoso Teams Calling", byObjectId.DisplayName);
        Assert.Contains(sandbox.Requests.Entries, entry => entry.PathAndQuery.StartsWith($"/v1.0/applications/{ContosoConnections.CallingObjectId}", StringComparison.Ordinal) && entry.Status == 200);
    }

    [Fact]
    public async Task The_legacy_VoIP_scope_is_added_on_request_with_its_id_from_the_tenant_when_listed_there()
    {
        using var sandbox = new SandboxService(SandboxSeed.Create(new SandboxSeedOptions { ListVoipScope = true }));
        using var connection = await ContosoConnections.ConnectAsync(sandbox);
        await ServicePrincipalOperations.EnsureAsync(connection, AppId.AcsFirstParty, new RecordingHost().Context());
        var host = new RecordingHost();

        var result = await ApplicationOperations.SetAsync(connection, Calling, Defaults with { Scopes = AcsScope.Parse(null, includeLegacyVoip: true) }, host.Context());

        Assert.Equal(["Teams.ManageCalls", "Teams.ManageChats", "VoIP"], result!.AcsPermissions);
        Assert.Contains((SandboxIds.AcsAppId, SandboxIds.AcsVoipScopeId, "Scope"), ContosoConnections.Permissions(sandbox, ContosoConnections.CallingAppId));
        Assert.Contains(host.Lines, line => line.StartsWith("VERBOSE: ACS scope VoIP", StringComparison.Ordinal) && line.Contains("tenant's ACS service principal", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_the_ACS_service_principal_the_ids_come_from_the_built_in_table_and_verbose_says_so()
    {
        using var sandbox = new SandboxService();
        using var connection = await ContosoConnections.ConnectAsync(sandbox);
        var host = new RecordingHost();

        await ApplicationOperations.SetAsync(connection, Calling, Defaults, host.Context());

        Assert.Contains(host.Lines, line => line.Contains("no Azure Communication Services service principal", StringComparison.Ordinal));
        Assert.Contains(host.Lines, line => line == $"VERBOSE: ACS scope Teams.ManageCalls = {SandboxIds.AcsTeamsManageCallsScopeId} (from the built-in table).");
    }

    [Fact]
    public async Task A_tenant_whose_ACS_principal_lists_another_id_gets_that_id()
    {
        using var sandbox = new SandboxService();
        using var connection = await ContosoConnections.ConnectAsync(sandbox);
        await ServicePrincipalOperations.EnsureAsync(connection, AppId.AcsFirstParty, new RecordingHost().Context());
        var otherId = Guid.NewGuid().ToString();
        sandbox.State.Update(data =>
        {
            var sp = data.Tenants.Single(t => t.Id == SandboxIds.ContosoTenantId).ServicePrincipals.Single(p => (string?)p["appId"] == SandboxIds.AcsAppId);
            sp["oauth2PermissionScopes"]!.AsArray().Single(s => (string?)s!["value"] == "Teams.ManageChats")!["id"] = otherId;
        });

        await ApplicationOperations.SetAsync(connection, Calling, Defaults, new RecordingHost().Context());

        var acs = ContosoConnections.Permissions(sandbox, ContosoConnections.CallingAppId).Where(p => p.Resource == SandboxIds.AcsAppId).Select(p => p.Id);
        Assert.Equal([SandboxIds.AcsTeamsManageCallsScopeId, otherId], acs);
    }

    [Fact]
    public async Task Another_writer_between_our_read_and_our_write_keeps_their_change()
    {
        using var sandbox = new SandboxService();
        using var hook = new TransportHook(sandbox.CreateHandler());
        using var connection = await ContosoConnections.ConnectAsync(sandbox, hook);
        var theirs = Guid.NewGuid().ToString();
        var edited = false;
        hook.After = (method, path, _) =>
        {
            // Right after our first read of the app: another admin adds a Graph role.
            if (!edited && method == "GET" && path.StartsWith("/v1.0/applications(appId=", StringComparison.Ordinal))
            {
                edited = true;
                ContosoConnections.Edit(sandbox, ContosoConnections.CallingAppId, app =>
                    app["requiredResourceAccess"]![0]!["resourceAccess"]!.AsArray().Add(new JsonObject { ["id"] = theirs, ["type"] = "Role" }));
            }
        };

        await ApplicationOperations.SetAsync(connection, Calling, Defaults, new RecordingHost().Context());

        var after = ContosoConnections.Permissions(sandbox, ContosoConnections.CallingAppId);
        Assert.True(edited);
        Assert.Contains((SandboxIds.GraphAppId, theirs, "Role"), after);
        Assert.Equal(6, after.Count);
    }

    [Fact]
    public async Task A_stale_overwrite_after_our_write_is_detected_on_verification_and_merged_again()
    {
        using var sandbox = new SandboxService();
        using var hook = new TransportHook(sandbox.CreateHandler());
        using var connection = await ContosoConnections.ConnectAsync(sandbox, hook);
        var stale = ContosoConnections.App(sandbox, ContosoConnections.CallingAppId)["requiredResourceAccess"]!.DeepClone().AsArray();
        var theirs = Guid.NewGuid().ToString();
        stale[1]!["resourceAccess"]!.AsArray().Add(new JsonObject { ["id"] = theirs, ["type"] = "Scope" });
        var patches = 0;
        hook.After = (method, _, status) =>
        {
            // After our first PATCH another tool writes its own copy, read before ours: our ACS entry is gone, theirs is new.
            if (method == "PATCH" && status == 204 && ++patches == 1)
            {
                ContosoConnections.Edit(sandbox, ContosoConnections.CallingAppId, app => app["requiredResourceAccess"] = stale.DeepClone());
            }
        };
        var host = new RecordingHost();

        var result = await ApplicationOperations.SetAsync(connection, Calling, Defaults, host.Context());

        var after = ContosoConnections.Permissions(sandbox, ContosoConnections.CallingAppId);
        Assert.Equal(2, patches);
        Assert.Contains((SandboxIds.ContosoApiAppId, theirs, "Scope"), after);
        Assert.Contains((SandboxIds.AcsAppId, SandboxIds.AcsTeamsManageCallsScopeId, "Scope"), after);
        Assert.Equal(6, after.Count);
        Assert.Empty(result!.MissingAcsPermissions);
        Assert.Contains(host.Lines, line => line.Contains("another writer changed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_writer_that_always_overwrites_us_gets_a_specific_error_after_bounded_retries_and_keeps_their_entries()
    {
        using var sandbox = new SandboxService();
        using var hook = new TransportHook(sandbox.CreateHandler());
        using var connection = await ContosoConnections.ConnectAsync(sandbox, hook);
        var stale = ContosoConnections.App(sandbox, ContosoConnections.CallingAppId)["requiredResourceAccess"]!.DeepClone().AsArray();
        hook.After = (method, _, status) =>
        {
            if (method == "PATCH" && status == 204)
            {
                ContosoConnections.Edit(sandbox, ContosoConnections.CallingAppId, app => app["requiredResourceAccess"] = stale.DeepClone());
            }
        };

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => ApplicationOperations.SetAsync(connection, Calling, Defaults, new RecordingHost().Context()));

        Assert.Equal(ErrorIds.ApplicationChangedConcurrently, error.ErrorId);
        Assert.Equal(ApplicationOperations.MaxWriteAttempts, hook.Writes("/v1.0/applications").Count());
        Assert.Contains("Teams.ManageCalls", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, ContosoConnections.Permissions(sandbox, ContosoConnections.CallingAppId).Count);
    }

    [Fact]
    public async Task An_app_at_the_50_resource_limit_is_refused_with_no_PATCH()
    {
        using var sandbox = new SandboxService();
        ContosoConnections.Edit(sandbox, ContosoConnections.CallingAppId, app =>
        {
            var list = app["requiredResourceAccess"]!.AsArray();
            while (list.Count < 50)
            {
                list.Add(new JsonObject { ["resourceAppId"] = Guid.NewGuid().ToString(), ["resourceAccess"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["type"] = "Scope" }) });
            }
        });
        using var connection = await ContosoConnections.ConnectAsync(sandbox);

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => ApplicationOperations.SetAsync(connection, Calling, Defaults, new RecordingHost().Context()));

        Assert.Equal(ErrorIds.RequiredResourceAccessLimit, error.ErrorId);
        Assert.Equal(0, ContosoConnections.ApplicationWrites(sandbox));
    }

    [Fact]
    public async Task WhatIf_asks_once_per_change_and_writes_nothing()
    {
        using var sandbox = new SandboxService();
        using var connection = await ContosoConnections.ConnectAsync(sandbox);
        var whatIf = new RecordingHost(approve: false);
        var adminApp = AppIdOrObjectId.Parse(SandboxIds.ContosoAdminClientId);

        var result = await ApplicationOperations.SetAsync(connection, adminApp,
            new AcsApplicationSettings { AllowPublicClientFlows = true, RedirectUri = PublicClientRedirectUri.Parse("https://contoso.com/auth"), MultiTenant = true },
            whatIf.Context());

        Assert.Null(result);
        Assert.Equal(3, whatIf.Asked.Count);
        Assert.All(whatIf.Asked, asked => Assert.Contains(SandboxIds.ContosoAdminClientId, asked.Target, StringComparison.Ordinal));
        Assert.Contains(whatIf.Asked, asked => asked.Action.Contains("https://contoso.com/auth", StringComparison.Ordinal));
        Assert.Contains(whatIf.Asked, asked => asked.Action.Contains("AzureADMultipleOrgs", StringComparison.Ordinal));
        Assert.Equal(0, ContosoConnections.ApplicationWrites(sandbox));
    }

    [Fact]
    public async Task Public_client_settings_merge_the_redirect_URI_and_the_audience_change_warns_about_the_unverified_publisher()
    {
        using var sandbox = new SandboxService();
        using var connection = await ContosoConnections.ConnectAsync(sandbox);
        ContosoConnections.Edit(sandbox, SandboxIds.ContosoAdminClientId, app => app["isFallbackPublicClient"] = false);
        var host = new RecordingHost();
        var settings = new AcsApplicationSettings { AllowPublicClientFlows = true, RedirectUri = PublicClientRedirectUri.Parse("https://contoso.com/auth"), MultiTenant = true };

        var result = await ApplicationOperations.SetAsync(connection, AppIdOrObjectId.Parse(SandboxIds.ContosoAdminClientId), settings, host.Context());
        var again = await ApplicationOperations.SetAsync(connection, AppIdOrObjectId.Parse(SandboxIds.ContosoAdminClientId), settings, new RecordingHost().Context());

        var app = ContosoConnections.App(sandbox, SandboxIds.ContosoAdminClientId);
        Assert.Equal(["http://localhost", "https://contoso.com/auth"], app["publicClient"]!["redirectUris"]!.AsArray().Select(uri => (string)uri!));
        Assert.True((bool)app["isFallbackPublicClient"]!);
        Assert.Equal("AzureADMultipleOrgs", (string?)app["signInAudience"]);
        Assert.Equal(4, result!.Changes.Count);
        Assert.True(result.IsMultiTenant);
        Assert.Contains(host.Lines, line => line.StartsWith("WARNING:", StringComparison.Ordinal) && line.Contains("admin consent", StringComparison.Ordinal));
        Assert.Equal(ApplicationStatus.Existing, again!.Status);
        Assert.Equal(2, ContosoConnections.ApplicationWrites(sandbox));
    }

    [Fact]
    public async Task A_refused_audience_change_has_its_own_error_and_the_other_changes_stay_made()
    {
        using var sandbox = new SandboxService();
        using var hook = new TransportHook(sandbox.CreateHandler())
        {
            Answer = (request, body) => request.Method == HttpMethod.Patch && body!.Contains("signInAudience", StringComparison.Ordinal)
                ? GraphError(400, "Request_BadRequest", "Values of identifierUris property must use a verified domain of the organization or its subdomain: 'https://calls.example'")
                : null,
        };
        using var connection = await ContosoConnections.ConnectAsync(sandbox, hook);

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => ApplicationOperations.SetAsync(connection, AppIdOrObjectId.Parse(SandboxIds.ContosoAdminClientId),
            new AcsApplicationSettings { MultiTenant = true }, new RecordingHost().Context()));

        Assert.Equal(ErrorIds.SignInAudienceChangeRefused, error.ErrorId);
        Assert.Equal(400, error.HttpStatus);
        Assert.Contains("verified domain", error.Message, StringComparison.Ordinal);
        Assert.Contains("Teams.ManageCalls", error.Message, StringComparison.Ordinal);
        Assert.Contains("api://<appId>", error.RecommendedAction, StringComparison.Ordinal);
        Assert.Contains(ContosoConnections.Permissions(sandbox, SandboxIds.ContosoAdminClientId), p => p.Id == SandboxIds.AcsTeamsManageCallsScopeId);
    }

    [Fact]
    public async Task Throttling_of_the_read_and_the_write_is_retried_and_the_permissions_are_written_once()
    {
        using var sandbox = new SandboxService();
        using var connection = await ContosoConnections.ConnectAsync(sandbox);
        sandbox.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, OnRequests = [1], PathPrefix = "/v1.0/applications", Method = "GET", RetryAfterSeconds = 0.05 });
        sandbox.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, OnRequests = [1], PathPrefix = "/v1.0/applications", Method = "PATCH", RetryAfterSeconds = 0.05 });

        var result = await ApplicationOperations.SetAsync(connection, Calling, Defaults, new RecordingHost().Context());

        Assert.Equal(ApplicationStatus.Updated, result!.Status);
        Assert.Equal(2, connection.Retries.Retries);
        Assert.Equal(5, ContosoConnections.Permissions(sandbox, ContosoConnections.CallingAppId).Count);
    }

    private static HttpResponseMessage GraphError(int status, string code, string message) => new((System.Net.HttpStatusCode)status)
    {
        Content = new StringContent(
            new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["innerError"] = new JsonObject { ["request-id"] = Guid.NewGuid().ToString() } } }.ToJsonString(),
            System.Text.Encoding.UTF8, "application/json"),
    };
}
