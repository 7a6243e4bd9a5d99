using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Http;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Sandbox;

namespace AcsTeamsAdmin.Tests.Support;

/// <summary>
/// Fabrikam's admin app signed in with its secret to a sandbox the test holds (so it can change roles, policies and
/// licences first), Graph and Azure Resource Manager both served by it.
/// </summary>
internal static class FabrikamConnections
{
    public static Task<AcsTeamsAdminConnection> ConnectAsync(SandboxService sandbox, HttpMessageHandler? transport = null, RetryLimits? retry = null) =>
        Connector.ConnectAsync(new ConnectionRequest
        {
            Mode = SignInMode.ClientSecret,
            TenantId = SandboxIds.FabrikamTenantId,
            ClientId = SandboxIds.FabrikamAdminClientId,
            ClientSecret = SandboxIds.FabrikamAdminClientSecret,
            AuthorityHost = SandboxService.InProcessBaseAddress.AbsoluteUri,
            GraphEndpoint = SandboxService.InProcessBaseAddress.AbsoluteUri + "v1.0",
            ResourceManagerEndpoint = SandboxService.InProcessBaseAddress.AbsoluteUri,
            Transport = transport ?? sandbox.CreateHandler(),
            RetryLimits = retry ?? RetryLimits.Default,
        }, OperationContext.Unattended());

    /// <summary>The object id of Fabrikam's admin app's service principal: its Azure role assignments name it.</summary>
    public static string AdminPrincipalId(SandboxService sandbox) => sandbox.State.Read(data =>
        (string)AcsTeamsAdmin.Sandbox.Internal.DirectoryQueries.FindServicePrincipal(Tenant(data), SandboxIds.FabrikamAdminClientId)!["id"]!);

    public static TenantData Tenant(SandboxData data) => data.Tenants.Single(tenant => tenant.Id == SandboxIds.FabrikamTenantId);

    public static AzureSubscriptionData Production(SandboxData data) => data.AzureSubscriptions.Single(subscription => subscription.Id == SandboxIds.FabrikamSubscriptionId);

    /// <summary>Replaces every Azure role the admin app holds with <paramref name="role"/> at <paramref name="scope"/> (none when null).</summary>
    public static void SetAdminRole(SandboxService sandbox, string? role, string? scope = null)
    {
        var principal = AdminPrincipalId(sandbox);
        sandbox.State.Update(data =>
        {
            foreach (var subscription in data.AzureSubscriptions)
            {
                foreach (var assignment in subscription.RoleAssignments.Where(assignment => assignment.PrincipalId == principal).ToList())
                {
                    subscription.RoleAssignments.Remove(assignment);
                }
            }

            if (role is not null)
            {
                Production(data).RoleAssignments.Add(new RoleAssignmentData { PrincipalId = principal, RoleName = role, Scope = scope ?? "/subscriptions/" + SandboxIds.FabrikamSubscriptionId });
            }
        });
    }

    /// <summary>The Azure Resource Manager requests the sandbox served (paths under /subscriptions).</summary>
    public static IReadOnlyList<RequestLogEntry> ArmRequests(SandboxService sandbox) =>
        sandbox.Requests.Entries.Where(entry => entry.PathAndQuery.StartsWith("/subscriptions", StringComparison.OrdinalIgnoreCase)).ToArray();
}
