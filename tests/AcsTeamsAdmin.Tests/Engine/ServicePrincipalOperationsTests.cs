using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.ServicePrincipals;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Engine;

public class ServicePrincipalOperationsTests
{
    private const string AcsAppId = "1fd5118e-2576-4263-8130-9503064c837a";

    [Fact]
    public async Task Two_runs_on_a_tenant_without_it_leave_exactly_one_and_the_second_writes_nothing()
    {
        using var connection = await SandboxConnections.ConnectAsync();
        var sandbox = connection.Emulator();
        var tenant = connection.Info.TenantId;
        Assert.Null(await ServicePrincipalOperations.GetAsync(connection, AppId.AcsFirstParty, new RecordingHost().Context()));

        var first = await ServicePrincipalOperations.EnsureAsync(connection, AppId.AcsFirstParty, new RecordingHost().Context());
        var writesAfterFirst = SandboxConnections.GraphWrites(sandbox).Count;
        var second = await ServicePrincipalOperations.EnsureAsync(connection, AppId.AcsFirstParty, new RecordingHost().Context());

        Assert.Equal(ServicePrincipalStatus.Created, first!.Status);
        Assert.Equal(ServicePrincipalStatus.Existing, second!.Status);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal("Azure Communication Services", first.DisplayName);
        Assert.Equal(1, SandboxConnections.ServicePrincipalCount(sandbox, tenant, AcsAppId));
        Assert.Equal(1, writesAfterFirst);
        Assert.Equal(writesAfterFirst, SandboxConnections.GraphWrites(sandbox).Count);
    }

    [Fact]
    public async Task The_created_principal_lists_the_ACS_Teams_scopes_with_their_real_ids()
    {
        using var connection = await SandboxConnections.ConnectAsync();

        var principal = await ServicePrincipalOperations.EnsureAsync(connection, AppId.AcsFirstParty, new RecordingHost().Context());

        var scopes = principal!.DelegatedScopes.ToDictionary(scope => scope.Value, scope => scope.Id);
        Assert.Equal(Guid.Parse("de8ec1df-066a-4817-bc5d-9a985b986262"), scopes["Teams.ManageCalls"]);
        Assert.Equal(Guid.Parse("6290af7f-b407-49f9-92d5-bf584fdc4019"), scopes["Teams.ManageChats"]);
    }

    [Fact]
    public async Task WhatIf_asks_once_changes_nothing_and_returns_nothing()
    {
        using var connection = await SandboxConnections.ConnectAsync();
        var whatIf = new RecordingHost(approve: false);

        var result = await ServicePrincipalOperations.EnsureAsync(connection, AppId.AcsFirstParty, whatIf.Context());

        Assert.Null(result);
        var (target, action) = Assert.Single(whatIf.Asked);
        Assert.Equal("Create", action);
        Assert.Contains(AcsAppId, target, StringComparison.Ordinal);
        Assert.Contains(connection.Info.TenantId, target, StringComparison.Ordinal);
        Assert.Empty(SandboxConnections.GraphWrites(connection.Emulator()));
        Assert.Equal(0, SandboxConnections.ServicePrincipalCount(connection.Emulator(), connection.Info.TenantId, AcsAppId));
    }

    [Fact]
    public async Task An_existing_principal_is_never_offered_for_creation()
    {
        using var connection = await SandboxConnections.ConnectAsync();
        await ServicePrincipalOperations.EnsureAsync(connection, AppId.AcsFirstParty, new RecordingHost().Context());
        var whatIf = new RecordingHost(approve: false);

        var result = await ServicePrincipalOperations.EnsureAsync(connection, AppId.AcsFirstParty, whatIf.Context());

        Assert.Equal(ServicePrincipalStatus.Existing, result!.Status);
        Assert.Empty(whatIf.Asked);
    }

    [Fact]
    public async Task Reading_needs_only_Application_Read_All()
    {
        using var sandbox = new SandboxService(SandboxSeed.Create(new SandboxSeedOptions { AcsServicePrincipalInCustomer = true }));
        using var connection = await SandboxConnections.ConnectWithRolesAsync(sandbox, "Application.Read.All");

        var principal = await ServicePrincipalOperations.GetAsync(connection, AppId.AcsFirstParty, new RecordingHost().Context());

        Assert.Equal(AcsAppId, principal!.AppId);
    }

    [Fact]
    public async Task Creating_without_Application_ReadWrite_All_fails_naming_that_permission()
    {
        using var sandbox = new SandboxService();
        using var connection = await SandboxConnections.ConnectWithRolesAsync(sandbox, "Application.Read.All");

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(
            () => ServicePrincipalOperations.EnsureAsync(connection, AppId.AcsFirstParty, new RecordingHost().Context()));

        Assert.Equal(ErrorIds.InsufficientPrivileges, error.ErrorId);
        Assert.Equal(FailureCategory.PermissionDenied, error.Category);
        Assert.Equal(403, error.HttpStatus);
        Assert.Equal("Authorization_RequestDenied", error.ServiceErrorCode);
        Assert.Contains("Application.ReadWrite.All", error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.Equal(AcsAppId, error.Target);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public async Task Without_any_application_permission_even_reading_fails_naming_Application_Read_All()
    {
        using var sandbox = new SandboxService();
        using var connection = await SandboxConnections.ConnectWithRolesAsync(sandbox, "Organization.Read.All");

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(
            () => ServicePrincipalOperations.GetAsync(connection, AppId.AcsFirstParty, new RecordingHost().Context()));

        Assert.Equal(ErrorIds.InsufficientPrivileges, error.ErrorId);
        Assert.Contains("Application.Read.All", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttling_is_retried_as_Retry_After_asks_and_nothing_is_created_twice()
    {
        using var connection = await SandboxConnections.ConnectAsync();
        var sandbox = connection.Emulator();
        sandbox.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, OnRequests = [1, 2], PathPrefix = "/v1.0", RetryAfterSeconds = 0.05 });

        var principal = await ServicePrincipalOperations.EnsureAsync(connection, AppId.AcsFirstParty, new RecordingHost().Context());

        Assert.Equal(ServicePrincipalStatus.Created, principal!.Status);
        Assert.Equal(2, connection.Retries.Retries);
        Assert.Equal(TimeSpan.FromSeconds(0.1), connection.Retries.TotalWait);
        Assert.Equal(1, SandboxConnections.ServicePrincipalCount(sandbox, connection.Info.TenantId, AcsAppId));
    }

    [Fact]
    public async Task A_lost_answer_to_the_create_is_retried_safely_because_the_create_is_an_upsert()
    {
        using var connection = await SandboxConnections.ConnectAsync();
        var sandbox = connection.Emulator();
        sandbox.Faults.Add(new FaultRule { Kind = FaultKind.ConnectionReset, Method = "PATCH", PathPrefix = "/v1.0/servicePrincipals", AfterProcessing = true, MaxFaults = 1, Rate = 1 });

        var principal = await ServicePrincipalOperations.EnsureAsync(connection, AppId.AcsFirstParty, new RecordingHost().Context());

        Assert.NotNull(principal);
        Assert.Equal(1, SandboxConnections.ServicePrincipalCount(sandbox, connection.Info.TenantId, AcsAppId));
        Assert.Equal(1, connection.Retries.Retries);
    }
}
