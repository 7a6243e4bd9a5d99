using AcsTeamsAdmin.Engine.Consent;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.ServicePrincipals;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Sandbox.Graph;
using AcsTeamsAdmin.Sandbox.Internal;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Engine;

/// <summary>
/// Tenant-wide ACS consent against the sandbox, connected to Fabrikam (the customer tenant). The
/// request log proves what was written; the sandbox state proves what the tenant holds afterwards.
/// </summary>
public class ConsentOperationsTests
{
    private static readonly AppId IsvApp = AppId.Parse(SandboxIds.ContosoTeamsCallingAppId);

    // Fabrikam's own single-tenant admin app: its service principal is in Fabrikam from the start.
    private static readonly AppId FabrikamAdminApp = AppId.Parse(SandboxIds.FabrikamAdminClientId);

    [Fact]
    public async Task Granting_twice_leaves_one_grant_and_the_second_run_writes_nothing()
    {
        using var connection = await SandboxConnections.ConnectAsync();
        var sandbox = connection.Emulator();

        var first = await ConsentOperations.GrantAsync(connection, IsvApp, AcsScope.Default, new RecordingHost().Context());
        var writesAfterFirst = SandboxConnections.GraphWrites(sandbox);
        var second = await ConsentOperations.GrantAsync(connection, IsvApp, AcsScope.Default, new RecordingHost().Context());

        Assert.Equal(AdminConsentChange.Created, first!.Change);
        Assert.Equal(AdminConsentChange.Unchanged, second!.Change);
        Assert.Equal(AdminConsentState.Granted, second.Status);
        Assert.Equal(first.GrantId, second.GrantId);
        Assert.Equal(["Teams.ManageCalls", "Teams.ManageChats"], second.GrantedScopes);
        Assert.Empty(second.MissingScopes);

        // Client SP upsert, ACS SP upsert, grant POST: three writes, then none.
        Assert.Equal(["PATCH", "PATCH", "POST"], writesAfterFirst.Select(entry => entry.Method));
        Assert.Equal(writesAfterFirst.Count, SandboxConnections.GraphWrites(sandbox).Count);
        var grant = Assert.Single(AcsGrants(sandbox, connection.Info.TenantId, first.ClientServicePrincipalId!));
        Assert.Equal("AllPrincipals", (string?)grant["consentType"]);
        Assert.Equal("Teams.ManageCalls Teams.ManageChats", (string?)grant["scope"]);
    }

    [Fact]
    public async Task A_multi_tenant_app_of_another_tenant_gets_its_service_principal_created_here()
    {
        using var connection = await SandboxConnections.ConnectAsync();
        var sandbox = connection.Emulator();
        var fabrikam = connection.Info.TenantId;
        Assert.Equal(SandboxIds.FabrikamTenantId, fabrikam);
        Assert.Equal(0, SandboxConnections.ServicePrincipalCount(sandbox, fabrikam, SandboxIds.ContosoTeamsCallingAppId));

        var status = await ConsentOperations.GrantAsync(connection, IsvApp, AcsScope.Default, new RecordingHost().Context());

        Assert.Equal(1, SandboxConnections.ServicePrincipalCount(sandbox, fabrikam, SandboxIds.ContosoTeamsCallingAppId));
        Assert.Equal(1, SandboxConnections.ServicePrincipalCount(sandbox, fabrikam, SandboxIds.AcsAppId));
        Assert.Equal("Contoso Teams Calling", status!.ClientDisplayName);
        var clientSp = sandbox.State.Read(data => DirectoryQueries.FindServicePrincipal(data.Tenants.Single(t => t.Id == fabrikam), SandboxIds.ContosoTeamsCallingAppId)!);
        Assert.Equal((string?)clientSp["id"], status.ClientServicePrincipalId);
        Assert.Equal(SandboxIds.ContosoTenantId, (string?)clientSp["appOwnerOrganizationId"]);
        var contosoGrantsUntouched = sandbox.State.Read(data => data.Tenants.Single(t => t.Id == SandboxIds.ContosoTenantId).OAuth2PermissionGrants.Count);
        Assert.Equal(3, contosoGrantsUntouched);
    }

    [Fact]
    public async Task Missing_scopes_are_added_and_every_existing_scope_is_kept_in_order()
    {
        using var sandbox = new SandboxService(SandboxSeed.Create(new SandboxSeedOptions { AcsServicePrincipalInCustomer = true }));
        var clientSpId = SeedAcsGrant(sandbox, SandboxIds.FabrikamAdminClientId, "Teams.ManageCalls  Custom.FutureScope");
        using var connection = await SandboxConnections.ConnectWithRolesAsync(sandbox, "Application.Read.All", "DelegatedPermissionGrant.ReadWrite.All");

        var before = await ConsentOperations.GetAsync(connection, FabrikamAdminApp, AcsScope.Default, new RecordingHost().Context());
        var granted = await ConsentOperations.GrantAsync(connection, FabrikamAdminApp, AcsScope.Default, new RecordingHost().Context());
        var writes = SandboxConnections.GraphWrites(sandbox);
        var again = await ConsentOperations.GrantAsync(connection, FabrikamAdminApp, AcsScope.Default, new RecordingHost().Context());

        Assert.Equal(AdminConsentState.Partial, before.Status);
        Assert.Equal(["Teams.ManageChats"], before.MissingScopes);
        Assert.Equal(["Custom.FutureScope"], before.ExtraScopes);
        Assert.Null(before.Change);

        Assert.Equal(AdminConsentChange.Updated, granted!.Change);
        Assert.Equal(AdminConsentState.Granted, granted.Status);
        Assert.Equal(["Teams.ManageCalls", "Custom.FutureScope", "Teams.ManageChats"], granted.GrantedScopes);
        Assert.Equal(["Custom.FutureScope"], granted.ExtraScopes);
        var patch = Assert.Single(writes);
        Assert.Equal("PATCH", patch.Method);
        Assert.StartsWith("/v1.0/oauth2PermissionGrants/", patch.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("Teams.ManageCalls Custom.FutureScope Teams.ManageChats", (string?)Assert.Single(AcsGrants(sandbox, SandboxIds.FabrikamTenantId, clientSpId))["scope"]);

        Assert.Equal(AdminConsentChange.Unchanged, again!.Change);
        Assert.Single(SandboxConnections.GraphWrites(sandbox));
    }

    [Fact]
    public async Task The_status_of_an_app_the_tenant_has_never_seen_is_NotGranted_and_nothing_is_written()
    {
        using var connection = await SandboxConnections.ConnectAsync();

        var status = await ConsentOperations.GetAsync(connection, IsvApp, AcsScope.Default, new RecordingHost().Context());

        Assert.Equal(AdminConsentState.NotGranted, status.Status);
        Assert.Null(status.ClientServicePrincipalId);
        Assert.Null(status.GrantId);
        Assert.Equal(["Teams.ManageCalls", "Teams.ManageChats"], status.MissingScopes);
        Assert.Empty(SandboxConnections.GraphWrites(connection.Emulator()));
    }

    [Fact]
    public async Task Reading_the_status_needs_only_Application_Read_All_and_DelegatedPermissionGrant_Read_All()
    {
        using var sandbox = new SandboxService(SandboxSeed.Create(new SandboxSeedOptions { AcsServicePrincipalInCustomer = true }));
        SeedAcsGrant(sandbox, SandboxIds.FabrikamAdminClientId, "Teams.ManageCalls Teams.ManageChats");
        using var connection = await SandboxConnections.ConnectWithRolesAsync(sandbox, "Application.Read.All", "DelegatedPermissionGrant.Read.All");

        var status = await ConsentOperations.GetAsync(connection, FabrikamAdminApp, [AcsScope.TeamsManageCalls], new RecordingHost().Context());

        Assert.Equal(AdminConsentState.Granted, status.Status);
        Assert.Equal(["Teams.ManageChats"], status.ExtraScopes);
    }

    [Fact]
    public async Task Reading_the_status_without_a_grant_permission_fails_naming_DelegatedPermissionGrant_Read_All()
    {
        using var sandbox = new SandboxService(SandboxSeed.Create(new SandboxSeedOptions { AcsServicePrincipalInCustomer = true }));
        using var connection = await SandboxConnections.ConnectWithRolesAsync(sandbox, "Application.Read.All");

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(
            () => ConsentOperations.GetAsync(connection, FabrikamAdminApp, AcsScope.Default, new RecordingHost().Context()));

        Assert.Equal(ErrorIds.InsufficientPrivileges, error.ErrorId);
        Assert.Contains("DelegatedPermissionGrant.Read.All", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Application.ReadWrite.All")] // no grant permission at all: the read fails
    [InlineData("Application.ReadWrite.All", "DelegatedPermissionGrant.Read.All")] // read only: the write fails
    public async Task Granting_without_DelegatedPermissionGrant_ReadWrite_All_fails_naming_it_and_grants_nothing(params string[] roles)
    {
        using var sandbox = new SandboxService(SandboxSeed.Create(new SandboxSeedOptions { AcsServicePrincipalInCustomer = true }));
        using var connection = await SandboxConnections.ConnectWithRolesAsync(sandbox, roles);

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(
            () => ConsentOperations.GrantAsync(connection, FabrikamAdminApp, AcsScope.Default, new RecordingHost().Context()));

        Assert.Equal(ErrorIds.InsufficientPrivileges, error.ErrorId);
        Assert.Equal(403, error.HttpStatus);
        Assert.Contains("This needs the Microsoft Graph permission DelegatedPermissionGrant.ReadWrite.All.", error.Message, StringComparison.Ordinal);
        Assert.Equal(SandboxIds.FabrikamAdminClientId, error.Target);
        Assert.DoesNotContain(SandboxConnections.GraphWrites(sandbox), entry => entry.Status < 400);
        Assert.Equal(403, sandbox.Requests.Entries[^1].Status);
    }

    [Fact]
    public async Task Granting_when_both_principals_exist_needs_no_Application_write_permission()
    {
        using var sandbox = new SandboxService(SandboxSeed.Create(new SandboxSeedOptions { AcsServicePrincipalInCustomer = true }));
        using var connection = await SandboxConnections.ConnectWithRolesAsync(sandbox, "Application.Read.All", "DelegatedPermissionGrant.ReadWrite.All");

        var status = await ConsentOperations.GrantAsync(connection, FabrikamAdminApp, AcsScope.Default, new RecordingHost().Context());

        Assert.Equal(AdminConsentChange.Created, status!.Change);
    }

    [Fact]
    public async Task Granting_when_a_principal_is_missing_without_Application_ReadWrite_All_fails_naming_it()
    {
        using var sandbox = new SandboxService();
        using var connection = await SandboxConnections.ConnectWithRolesAsync(sandbox, "Application.Read.All", "DelegatedPermissionGrant.ReadWrite.All");

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(
            () => ConsentOperations.GrantAsync(connection, IsvApp, AcsScope.Default, new RecordingHost().Context()));

        Assert.Equal(ErrorIds.InsufficientPrivileges, error.ErrorId);
        Assert.Contains("Application.ReadWrite.All", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SandboxIds.ContosoAdminClientId)] // Contoso's single-tenant app: invisible from Fabrikam.
    [InlineData("00000000-0000-4000-8000-00000000dead")] // No such app anywhere.
    public async Task An_app_Fabrikam_cannot_use_fails_with_ClientAppNotFound_before_anything_is_created(string appId)
    {
        using var connection = await SandboxConnections.ConnectAsync();
        var sandbox = connection.Emulator();

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(
            () => ConsentOperations.GrantAsync(connection, AppId.Parse(appId), AcsScope.Default, new RecordingHost().Context()));

        Assert.Equal(ErrorIds.ClientAppNotFound, error.ErrorId);
        Assert.Equal(FailureCategory.ObjectNotFound, error.Category);
        Assert.Equal(400, error.HttpStatus);
        Assert.Equal(appId, error.Target);
        Assert.Contains(appId, error.Message, StringComparison.Ordinal);
        Assert.Contains("single-tenant", error.RecommendedAction, StringComparison.Ordinal);
        Assert.Contains("Overview page", error.RecommendedAction, StringComparison.Ordinal);
        Assert.Equal(0, SandboxConnections.ServicePrincipalCount(sandbox, connection.Info.TenantId, appId));
        Assert.Equal(0, SandboxConnections.ServicePrincipalCount(sandbox, connection.Info.TenantId, SandboxIds.AcsAppId));
        Assert.Equal(["PATCH 400"], SandboxConnections.GraphWrites(sandbox).Select(entry => $"{entry.Method} {entry.Status}"));
    }

    [Fact]
    public async Task Throttling_is_retried_and_the_grant_is_created_once()
    {
        using var connection = await SandboxConnections.ConnectAsync();
        var sandbox = connection.Emulator();
        sandbox.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, OnRequests = [1, 2], PathPrefix = "/v1.0/servicePrincipals", Method = "GET", RetryAfterSeconds = 0.05 });
        sandbox.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, OnRequests = [1], PathPrefix = "/v1.0/oauth2PermissionGrants", Method = "POST", RetryAfterSeconds = 0.05 });

        var status = await ConsentOperations.GrantAsync(connection, IsvApp, AcsScope.Default, new RecordingHost().Context());

        Assert.Equal(AdminConsentChange.Created, status!.Change);
        Assert.Equal(3, connection.Retries.Retries);
        Assert.Equal(["GET 429", "GET 429", "GET 404"], sandbox.Requests.Entries
            .Where(entry => entry.Method == "GET" && entry.PathAndQuery.StartsWith("/v1.0/servicePrincipals", StringComparison.Ordinal))
            .Take(3).Select(entry => $"{entry.Method} {entry.Status}"));

        // Neither service principal existed, so no grant could: nothing read, one grant created after one 429.
        Assert.Equal(["POST 429", "POST 201"], sandbox.Requests.Entries
            .Where(entry => entry.PathAndQuery.StartsWith("/v1.0/oauth2PermissionGrants", StringComparison.Ordinal))
            .Select(entry => $"{entry.Method} {entry.Status}"));
        Assert.Single(AcsGrants(sandbox, connection.Info.TenantId, status.ClientServicePrincipalId!));
    }

    [Fact]
    public async Task A_grant_created_by_someone_else_between_read_and_write_is_extended_not_duplicated()
    {
        using var sandbox = new SandboxService(SandboxSeed.Create(new SandboxSeedOptions { AcsServicePrincipalInCustomer = true }));
        using var connection = await SandboxConnections.ConnectWithRolesAsync(sandbox, "Application.Read.All", "DelegatedPermissionGrant.ReadWrite.All");

        // Another administrator's consent lands just as we are about to POST ours: Graph answers 409.
        var racer = new RacingApproval(() => SeedAcsGrant(sandbox, SandboxIds.FabrikamAdminClientId, "Teams.ManageCalls Other.Scope"));
        var status = await ConsentOperations.GrantAsync(connection, FabrikamAdminApp, AcsScope.Default, new RecordingHost().Context().WithApproval(racer));

        Assert.Equal(AdminConsentChange.Updated, status!.Change);
        Assert.Equal(["Teams.ManageCalls", "Other.Scope", "Teams.ManageChats"], status.GrantedScopes);
        Assert.Contains(sandbox.Requests.Entries, entry => entry.Method == "POST" && entry.Status == 409);
        var grant = Assert.Single(AcsGrants(sandbox, SandboxIds.FabrikamTenantId, status.ClientServicePrincipalId!));
        Assert.Equal("Teams.ManageCalls Other.Scope Teams.ManageChats", (string?)grant["scope"]);
    }

    [Fact]
    public async Task WhatIf_lists_every_change_the_grant_included_and_writes_nothing()
    {
        using var connection = await SandboxConnections.ConnectAsync();
        var whatIf = new RecordingHost(approve: false);

        var status = await ConsentOperations.GrantAsync(connection, IsvApp, AcsScope.Default, whatIf.Context());

        Assert.Null(status);
        Assert.Equal(["Create", "Create", "Grant"], whatIf.Asked.Select(question => question.Action));
        Assert.Contains(SandboxIds.ContosoTeamsCallingAppId, whatIf.Asked[0].Target, StringComparison.Ordinal);
        Assert.Contains(SandboxIds.AcsAppId, whatIf.Asked[1].Target, StringComparison.Ordinal);
        Assert.Contains("Teams.ManageCalls Teams.ManageChats", whatIf.Asked[2].Target, StringComparison.Ordinal);
        Assert.Empty(SandboxConnections.GraphWrites(connection.Emulator()));
    }

    [Fact]
    public async Task WhatIf_with_both_principals_present_describes_the_grant_and_writes_nothing()
    {
        using var sandbox = new SandboxService(SandboxSeed.Create(new SandboxSeedOptions { AcsServicePrincipalInCustomer = true }));
        using var connection = await SandboxConnections.ConnectWithRolesAsync(sandbox, "Application.Read.All", "DelegatedPermissionGrant.ReadWrite.All");
        var whatIf = new RecordingHost(approve: false);

        var status = await ConsentOperations.GrantAsync(connection, FabrikamAdminApp, [AcsScope.TeamsManageChats], whatIf.Context());

        Assert.Null(status);
        var (target, action) = Assert.Single(whatIf.Asked);
        Assert.Equal("Grant", action);
        Assert.Contains("tenant-wide consent", target, StringComparison.Ordinal);
        Assert.Contains("Teams.ManageChats", target, StringComparison.Ordinal);
        Assert.Contains(SandboxIds.FabrikamTenantId, target, StringComparison.Ordinal);
        Assert.Empty(SandboxConnections.GraphWrites(sandbox));
    }

    [Fact]
    public async Task A_scope_the_tenants_ACS_app_does_not_offer_is_granted_with_a_warning()
    {
        using var connection = await SandboxConnections.ConnectAsync();
        var host = new RecordingHost();

        var status = await ConsentOperations.GrantAsync(connection, IsvApp, [AcsScope.Voip], host.Context());

        Assert.Equal(["VoIP"], status!.GrantedScopes);
        Assert.Contains(host.Lines, line => line.StartsWith("WARNING:", StringComparison.Ordinal) && line.Contains("VoIP", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_secret_or_token_appears_in_the_log()
    {
        using var connection = await SandboxConnections.ConnectAsync();
        var host = new RecordingHost();

        await ConsentOperations.GrantAsync(connection, IsvApp, AcsScope.Default, host.Context());
        await ConsentOperations.GetAsync(connection, IsvApp, AcsScope.Default, host.Context());

        Assert.NotEmpty(host.Lines);
        Assert.All(host.Lines, line =>
        {
            Assert.DoesNotContain("eyJ", line, StringComparison.Ordinal);
            Assert.DoesNotContain("Q~", line, StringComparison.Ordinal);
        });
    }

    /// <summary>Seeds an AllPrincipals grant of the ACS service principal to an app's service principal in Fabrikam; returns the client SP id.</summary>
    private static string SeedAcsGrant(SandboxService sandbox, string clientAppId, string scope) => sandbox.State.Update(data =>
    {
        var tenant = data.Tenants.Single(t => t.Id == SandboxIds.FabrikamTenantId);
        var client = DirectoryQueries.Str(DirectoryQueries.FindServicePrincipal(tenant, clientAppId)!, "id")!;
        var acs = DirectoryQueries.Str(DirectoryQueries.FindServicePrincipal(tenant, SandboxIds.AcsAppId)!, "id")!;
        tenant.OAuth2PermissionGrants.Add(GraphObjects.Grant(client, acs, "AllPrincipals", null, scope));
        return client;
    });

    private static IReadOnlyList<System.Text.Json.Nodes.JsonObject> AcsGrants(SandboxService sandbox, string tenantId, string clientSpId) => sandbox.State.Read(data =>
    {
        var tenant = data.Tenants.Single(t => t.Id == tenantId);
        var acs = DirectoryQueries.Str(DirectoryQueries.FindServicePrincipal(tenant, SandboxIds.AcsAppId)!, "id");
        return (IReadOnlyList<System.Text.Json.Nodes.JsonObject>)tenant.OAuth2PermissionGrants
            .Where(grant => DirectoryQueries.Is(grant, "clientId", clientSpId) && DirectoryQueries.Is(grant, "resourceId", acs))
            .Select(grant => (System.Text.Json.Nodes.JsonObject)grant.DeepClone())
            .ToList();
    });

    /// <summary>Approves, and on the first grant approval runs <paramref name="race"/>: another admin acting at that moment.</summary>
    private sealed class RacingApproval(Action race) : IChangeApproval
    {
        private bool _raced;

        public bool ShouldChange(string target, string action)
        {
            if (action == "Grant" && !_raced)
            {
                _raced = true;
                race();
            }

            return true;
        }
    }
}
