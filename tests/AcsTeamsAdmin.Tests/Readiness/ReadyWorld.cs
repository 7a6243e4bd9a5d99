using System.Text.Json.Nodes;
using AcsTeamsAdmin.Engine.Applications;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Consent;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.Readiness;
using AcsTeamsAdmin.Engine.ServicePrincipals;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Readiness;

/// <summary>
/// Contoso (the ISV's tenant, where its multi-tenant calling app is registered) with every prerequisite in
/// place, built through the engine's own operations; tests then take one thing away.
/// </summary>
internal static class ReadyWorld
{
    public static readonly AppId Calling = AppId.Parse(ContosoConnections.CallingAppId);

    public static async Task<(SandboxService Sandbox, AcsTeamsAdminConnection Connection)> CreateAsync(HttpMessageHandler? transport = null, SandboxService? sandbox = null)
    {
        sandbox ??= new SandboxService();
        var connection = await ContosoConnections.ConnectAsync(sandbox, transport);
        var context = OperationContext.Unattended();
        await ServicePrincipalOperations.EnsureAsync(connection, AppId.AcsFirstParty, context);
        await ApplicationOperations.SetAsync(connection, new AppIdOrObjectId(Calling.Value), new AcsApplicationSettings(), context);
        await ConsentOperations.GrantAsync(connection, Calling, AcsScope.Default, context);
        ContosoConnections.Edit(sandbox, ContosoConnections.CallingAppId, app => app["verifiedPublisher"] = new JsonObject
        {
            ["displayName"] = "Contoso Ltd",
            ["verifiedPublisherId"] = "1234567",
            ["addedDateTime"] = "2024-01-15T09:00:00Z",
        });
        sandbox.Requests.Clear();
        return (sandbox, connection);
    }

    public static Task<IReadOnlyList<ReadinessCheck>> CheckAsync(AcsTeamsAdminConnection connection, bool multiTenant = true, RecordingHost? host = null) =>
        ReadinessOperations.TestAsync(connection, new ReadinessRequest { AppIds = [Calling], MultiTenant = multiTenant }, (host ?? new RecordingHost()).Context());

    public static IReadOnlyList<ReadinessCheck> Failing(IEnumerable<ReadinessCheck> checks) =>
        checks.Where(check => check.Status == ReadinessStatus.Fail).ToArray();

    public static TenantData Contoso(SandboxData data) => data.Tenants.Single(tenant => tenant.Id == SandboxIds.ContosoTenantId);
}
