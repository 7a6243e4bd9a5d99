using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Http;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.Resources;
using AcsTeamsAdmin.Engine.Tokens;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Resources;

/// <summary>
/// Get-AcsResource's engine against the sandbox's Azure Resource Manager: what comes back and how many requests it
/// takes, the connection string reaching the emulated ACS resource, the answers for what is missing, and the Azure
/// roles each part needs (least privilege: Reader reads, listKeys needs more).
/// </summary>
public class AcsResourceOperationsTests
{
    private const string Subscription = SandboxIds.FabrikamSubscriptionId;
    private const string Group = SandboxIds.AcsResourceGroup;
    private const string Name = SandboxIds.AcsResourceName;

    [Fact]
    public async Task Every_resource_the_sign_in_sees_is_the_emulated_one_with_its_endpoint_and_immutable_id_from_one_list_per_subscription()
    {
        using var connection = await SandboxConnections.ConnectAsync();
        var sandbox = connection.Emulator();
        sandbox.Requests.Clear();

        var resource = Assert.Single(await AcsResourceOperations.GetAsync(connection, Query(), OperationContext.Unattended()));

        var description = sandbox.Describe(SandboxService.InProcessBaseAddress);
        Assert.Equal((Name, Group, Subscription), (resource.Name, resource.ResourceGroupName, resource.SubscriptionId));
        Assert.Equal(description.AcsEndpoint.AbsoluteUri, resource.Endpoint);
        Assert.Equal(SandboxIds.AcsResourceId, resource.ImmutableResourceId);
        Assert.Equal(description.AcsResourceId, resource.ImmutableResourceId);
        Assert.Equal(("global", "United States", "Succeeded"), (resource.Location, resource.DataLocation, resource.ProvisioningState));
        Assert.Equal($"/subscriptions/{Subscription}/resourceGroups/{Group}/providers/Microsoft.Communication/CommunicationServices/{Name}", resource.ResourceId);
        Assert.Null(resource.ConnectionString);

        // GET /subscriptions, then one list per subscription the sign-in sees (production and development): reads only.
        var arm = FabrikamConnections.ArmRequests(sandbox);
        Assert.Equal(3, arm.Count);
        Assert.All(arm, entry => Assert.Equal("GET", entry.Method));
        Assert.StartsWith("/subscriptions?api-version=2022-12-01", arm[0].PathAndQuery, StringComparison.Ordinal);
        Assert.All(arm.Skip(1), entry => Assert.Contains("/providers/Microsoft.Communication/communicationServices?api-version=2023-04-01", entry.PathAndQuery, StringComparison.Ordinal));
        Assert.DoesNotContain(sandbox.Requests.Entries, entry => entry.PathAndQuery.StartsWith("/v1.0/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_exact_lookup_is_one_GET_and_its_connection_string_creates_identities_in_the_emulated_resource()
    {
        using var connection = await SandboxConnections.ConnectAsync();
        var sandbox = connection.Emulator();
        sandbox.Requests.Clear();

        var resource = Assert.Single(await AcsResourceOperations.GetAsync(connection, Query(Subscription, Group, Name, keys: true), OperationContext.Unattended()));

        var arm = FabrikamConnections.ArmRequests(sandbox);
        Assert.Equal(["GET", "POST"], arm.Select(entry => entry.Method));
        Assert.EndsWith($"/{Name}/listKeys?api-version=2023-04-01", arm[1].PathAndQuery, StringComparison.Ordinal);
        var connectionString = SecureText.Reveal(resource.ConnectionString!);
        Assert.Equal(sandbox.Describe(SandboxService.InProcessBaseAddress).AcsConnectionString, connectionString);

        // The key signs requests the emulated ACS resource accepts: the identity is of this resource.
        var client = AcsConnectionFactory.Create(new AcsConnectionRequest { ConnectionString = connectionString }, connection, OperationContext.Unattended().Log);
        var identity = await client.CreateIdentityAsync(null, default);
        Assert.StartsWith($"8:acs:{resource.ImmutableResourceId}_", identity.Id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Subscription, Group, "contoso-acs", ErrorIds.AcsResourceNotFound, "ResourceNotFound")]
    [InlineData(Subscription, "rg-missing", Name, ErrorIds.ResourceGroupNotFound, "ResourceGroupNotFound")]
    [InlineData("00000000-0000-4000-8000-0000000000aa", Group, Name, ErrorIds.SubscriptionNotFound, "SubscriptionNotFound")]
    [InlineData(Subscription, "rg-missing", null, ErrorIds.ResourceGroupNotFound, "ResourceGroupNotFound")]
    public async Task What_is_missing_is_named_by_its_own_error_id_with_ARMs_code(string subscription, string group, string? name, string errorId, string code)
    {
        using var connection = await SandboxConnections.ConnectAsync();

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => AcsResourceOperations.GetAsync(connection, Query(subscription, group, name), OperationContext.Unattended()));

        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(FailureCategory.ObjectNotFound, error.Category);
        Assert.Equal((404, code), (error.HttpStatus, error.ServiceErrorCode));
        Assert.NotNull(error.RequestId);
        Assert.False(error.FailsEveryInput);
    }

    [Fact]
    public async Task A_name_nobody_has_is_AcsResourceNotFound_but_a_pattern_that_matches_nothing_is_an_empty_answer()
    {
        using var connection = await SandboxConnections.ConnectAsync();

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => AcsResourceOperations.GetAsync(connection, Query(name: "contoso-acs"), OperationContext.Unattended()));
        var none = await AcsResourceOperations.GetAsync(connection, Query(name: "contoso-*"), OperationContext.Unattended());
        var some = await AcsResourceOperations.GetAsync(connection, Query(name: "FABRIKAM-?cs"), OperationContext.Unattended());

        Assert.Equal(ErrorIds.AcsResourceNotFound, error.ErrorId);
        Assert.StartsWith("-Name: no ACS resource named 'contoso-acs' in any subscription", error.Message, StringComparison.Ordinal);
        Assert.Empty(none);
        Assert.Equal(Name, Assert.Single(some).Name);
    }

    [Fact]
    public async Task Reader_reads_the_resource_but_the_connection_string_is_refused_naming_the_ListKeys_action_and_the_roles_that_have_it()
    {
        using var sandbox = new SandboxService();
        FabrikamConnections.SetAdminRole(sandbox, "Reader");
        using var connection = await FabrikamConnections.ConnectAsync(sandbox);

        var resource = Assert.Single(await AcsResourceOperations.GetAsync(connection, Query(), OperationContext.Unattended()));
        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => AcsResourceOperations.GetAsync(connection, Query(keys: true), OperationContext.Unattended()));

        Assert.Equal(Name, resource.Name);
        Assert.Equal(ErrorIds.InsufficientPrivileges, error.ErrorId);
        Assert.Equal((403, "AuthorizationFailed"), (error.HttpStatus, error.ServiceErrorCode));
        Assert.Contains("Microsoft.Communication/CommunicationServices/ListKeys/action", error.Message, StringComparison.Ordinal);
        Assert.Contains("Contributor, Owner and Communication and Email Service Owner (not Reader)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Access control (IAM)", error.RecommendedAction, StringComparison.Ordinal);
        Assert.True(error.FailsEveryInput);
        Assert.Equal(Name, error.Target);
    }

    [Theory]
    [InlineData("Contributor")]
    [InlineData("Communication and Email Service Owner")]
    [InlineData("Owner")]
    public async Task Each_role_with_the_ListKeys_action_reads_the_connection_string(string role)
    {
        using var sandbox = new SandboxService();
        FabrikamConnections.SetAdminRole(sandbox, role, $"/subscriptions/{Subscription}/resourceGroups/{Group}/providers/Microsoft.Communication/CommunicationServices/{Name}");
        using var connection = await FabrikamConnections.ConnectAsync(sandbox);

        var resource = Assert.Single(await AcsResourceOperations.GetAsync(connection, Query(Subscription, Group, Name, keys: true), OperationContext.Unattended()));

        Assert.NotNull(resource.ConnectionString);
    }

    [Fact]
    public async Task A_role_on_one_resource_group_skips_the_subscription_with_a_warning_and_naming_the_group_reads_it()
    {
        using var sandbox = new SandboxService();
        FabrikamConnections.SetAdminRole(sandbox, "Reader", $"/subscriptions/{Subscription}/resourceGroups/{Group}");
        using var connection = await FabrikamConnections.ConnectAsync(sandbox);
        var host = new RecordingHost();

        var swept = await AcsResourceOperations.GetAsync(connection, Query(), host.Context());
        var named = await AcsResourceOperations.GetAsync(connection, Query(Subscription, Group), OperationContext.Unattended());

        Assert.Empty(swept);
        var warning = Assert.Single(host.Lines, line => line.StartsWith("WARNING: ", StringComparison.Ordinal));
        Assert.Contains($"Get-AcsResource -SubscriptionId {Subscription} -ResourceGroupName <group>", warning, StringComparison.Ordinal);
        Assert.Equal(Name, Assert.Single(named).Name);
    }

    [Fact]
    public async Task Without_any_Azure_role_no_subscription_is_seen_and_a_warning_says_which_roles_would_read_it()
    {
        using var sandbox = new SandboxService();
        FabrikamConnections.SetAdminRole(sandbox, null);
        using var connection = await FabrikamConnections.ConnectAsync(sandbox);
        var host = new RecordingHost();

        var found = await AcsResourceOperations.GetAsync(connection, Query(), host.Context());
        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => AcsResourceOperations.GetAsync(connection, Query(Subscription), OperationContext.Unattended()));

        Assert.Empty(found);
        Assert.Contains(host.Lines, line => line.StartsWith("WARNING: This sign-in has no role in any Azure subscription", StringComparison.Ordinal) && line.Contains("Reader", StringComparison.Ordinal));
        Assert.Equal(ErrorIds.InsufficientPrivileges, error.ErrorId);
        Assert.Contains("Microsoft.Communication/CommunicationServices/read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subscription_of_another_tenant_is_AccessTokenRejected_and_the_fix_is_to_connect_to_its_tenant()
    {
        using var sandbox = new SandboxService();
        using var contoso = await ContosoConnections.ConnectAsync(sandbox);

        var nothing = await AcsResourceOperations.GetAsync(contoso, Query(), OperationContext.Unattended());
        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => AcsResourceOperations.GetAsync(contoso, Query(Subscription), OperationContext.Unattended()));

        Assert.Empty(nothing);
        Assert.Equal(ErrorIds.AccessTokenRejected, error.ErrorId);
        Assert.Equal((401, "InvalidAuthenticationTokenTenant"), (error.HttpStatus, error.ServiceErrorCode));
        Assert.Contains(SandboxIds.FabrikamTenantId, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("The subscription belongs to another Entra tenant", error.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_connected_with_a_Graph_access_token_is_refused_before_any_request()
    {
        using var sandbox = new SandboxService();
        using var connection = await SandboxConnections.ConnectWithRolesAsync(sandbox, "Application.Read.All");
        sandbox.Requests.Clear();

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => AcsResourceOperations.GetAsync(connection, Query(), OperationContext.Unattended()));

        Assert.Equal(ErrorIds.AccessTokenRejected, error.ErrorId);
        Assert.Contains("-AccessToken", error.Message, StringComparison.Ordinal);
        Assert.Empty(sandbox.Requests.Entries);
    }

    [Fact]
    public async Task The_token_sent_to_Azure_Resource_Manager_is_for_its_audience_and_never_the_Graph_one()
    {
        using var sandbox = new SandboxService();
        var seen = new List<string>();
        var hook = new AuthorizationRecorder(sandbox.CreateHandler(), seen);
        using var connection = await FabrikamConnections.ConnectAsync(sandbox, hook);

        _ = await AcsResourceOperations.GetAsync(connection, Query(Subscription, Group, Name), OperationContext.Unattended());

        var audience = Assert.Single(seen.Distinct());
        Assert.Equal("https://management.azure.com/", audience);
    }

    [Fact]
    public async Task A_long_list_is_read_page_by_page_through_nextLink()
    {
        using var sandbox = new SandboxService();
        sandbox.State.Update(data =>
        {
            data.Settings.ResourceManagerPageSize = 1;
            var group = FabrikamConnections.Production(data).ResourceGroups.Single(candidate => candidate.Name == Group);
            group.CommunicationServices.Add(new CommunicationServiceData { Name = "fabrikam-acs-eu", HostName = "fabrikam-acs-eu.europe.communication.azure.com", ImmutableResourceId = Guid.NewGuid().ToString(), DataLocation = "Europe" });
            group.CommunicationServices.Add(new CommunicationServiceData { Name = "fabrikam-acs-uk", HostName = "fabrikam-acs-uk.uk.communication.azure.com", ImmutableResourceId = Guid.NewGuid().ToString(), DataLocation = "UK" });
        });
        using var connection = await FabrikamConnections.ConnectAsync(sandbox);
        sandbox.Requests.Clear();

        var found = await AcsResourceOperations.GetAsync(connection, Query(Subscription), OperationContext.Unattended());

        Assert.Equal([Name, "fabrikam-acs-eu", "fabrikam-acs-uk"], found.Select(resource => resource.Name));
        Assert.Equal("https://fabrikam-acs-eu.europe.communication.azure.com/", found[1].Endpoint);
        Assert.Equal(3, FabrikamConnections.ArmRequests(sandbox).Count);
        Assert.Equal(2, FabrikamConnections.ArmRequests(sandbox).Count(entry => entry.PathAndQuery.Contains("$skiptoken=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Throttling_is_retried_within_the_sessions_budget_and_a_Retry_After_beyond_it_is_Throttled()
    {
        using var sandbox = new SandboxService();
        var quick = new RetryLimits { Budget = TimeSpan.FromSeconds(5), BaseDelay = TimeSpan.FromMilliseconds(10) };
        using var connection = await FabrikamConnections.ConnectAsync(sandbox, retry: quick);
        sandbox.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, PathPrefix = "/subscriptions", OnRequests = [1], RetryAfterSeconds = 0 });

        var found = await AcsResourceOperations.GetAsync(connection, Query(Subscription, Group, Name), OperationContext.Unattended());
        sandbox.Faults.Clear();
        sandbox.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, PathPrefix = "/subscriptions", Rate = 1, RetryAfterSeconds = 3600 });
        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => AcsResourceOperations.GetAsync(connection, Query(Subscription, Group, Name), OperationContext.Unattended()));

        Assert.Single(found);
        Assert.Equal(ErrorIds.Throttled, error.ErrorId);
        Assert.Equal(429, error.HttpStatus);
    }

    [Fact]
    public async Task On_a_loopback_sandbox_ARM_is_the_Graph_endpoints_root_and_the_resources_endpoint_and_key_work_there()
    {
        using var sandbox = new SandboxService();
        await using var host = await LoopbackSandboxHost.StartAsync(sandbox);
        var description = host.Description;
        using var connection = await LoopbackConnections.ConnectAsync(host);

        var resource = Assert.Single(await AcsResourceOperations.GetAsync(connection, Query(keys: true), OperationContext.Unattended()));

        Assert.Equal(host.BaseAddress.AbsoluteUri, connection.ResourceManagerEndpoint.AbsoluteUri);
        Assert.Equal(description.AcsEndpoint.AbsoluteUri, resource.Endpoint);
        Assert.Equal(description.AcsConnectionString, SecureText.Reveal(resource.ConnectionString!));
        var byEntra = AcsConnectionFactory.Create(new AcsConnectionRequest { Endpoint = resource.Endpoint }, connection, OperationContext.Unattended().Log);
        Assert.StartsWith("8:acs:", (await byEntra.CreateIdentityAsync(null, default)).Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ARM_endpoint_that_refuses_connections_is_EndpointUnreachable_after_the_retries_not_a_bearer_token_error_on_plain_http()
    {
        using var sandbox = new SandboxService();
        await using var host = await LoopbackSandboxHost.StartAsync(sandbox);
        using var connection = await LoopbackConnections.ConnectAsync(host, graphEndpoint: "http://127.0.0.1:9/v1.0");

        var error = await Assert.ThrowsAsync<AcsTeamsAdminException>(() => AcsResourceOperations.GetAsync(connection, Query(), OperationContext.Unattended()));

        Assert.Equal(ErrorIds.EndpointUnreachable, error.ErrorId);
        Assert.Contains("127.0.0.1:9", error.Message, StringComparison.Ordinal);
        Assert.True(error.FailsEveryInput);
    }

    [Theory]
    [InlineData("not-a-guid", null, null, "SubscriptionId", ErrorIds.InvalidGuid)]
    [InlineData(null, " ", null, "ResourceGroupName", ErrorIds.MissingParameter)]
    [InlineData(null, "rg/communication", null, "ResourceGroupName", ErrorIds.InvalidInput)]
    [InlineData(null, "rg-communication.", null, "ResourceGroupName", ErrorIds.InvalidInput)]
    [InlineData(null, null, "", "Name", ErrorIds.MissingParameter)]
    [InlineData(null, null, "fabrikam acs", "Name", ErrorIds.InvalidInput)]
    [InlineData(null, null, "a-name-that-is-far-too-long-for-an-acs-resource-sixty-four-chars", "Name", ErrorIds.InvalidInput)]
    public void Bad_input_is_refused_naming_the_parameter_before_anything_connects(string? subscription, string? group, string? name, string parameter, string errorId)
    {
        var error = Assert.Throws<AcsTeamsAdminException>(() => AcsResourceQuery.Parse(subscription, group, name, includeConnectionString: false));

        Assert.Equal(errorId, error.ErrorId);
        Assert.StartsWith($"-{parameter}:", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.RecommendedAction);
    }

    [Theory]
    [InlineData("contoso-acs.communication.azure.com", "https://contoso-acs.communication.azure.com/")]
    [InlineData("contoso-acs.communication.azure.com/", "https://contoso-acs.communication.azure.com/")]
    [InlineData("127.0.0.1:5050", "http://127.0.0.1:5050/")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void ARMs_hostName_becomes_the_data_plane_endpoint_with_plain_http_only_for_a_loopback_sandbox(string? hostName, string? endpoint) =>
        Assert.Equal(endpoint, AcsResourceOperations.EndpointOf(hostName));

    private static AcsResourceQuery Query(string? subscription = null, string? group = null, string? name = null, bool keys = false) =>
        AcsResourceQuery.Parse(subscription, group, name, keys);

    /// <summary>Records the audience of every bearer token sent to ARM paths.</summary>
    private sealed class AuthorizationRecorder(HttpMessageHandler inner, List<string> audiences) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath.StartsWith("/subscriptions", StringComparison.Ordinal) && request.Headers.Authorization?.Parameter is { } token)
            {
                lock (audiences)
                {
                    audiences.Add(TokenClaims.Read("token", token).Audience ?? "(none)");
                }
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
