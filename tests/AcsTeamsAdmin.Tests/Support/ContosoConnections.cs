using System.Text.Json.Nodes;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Sandbox;

namespace AcsTeamsAdmin.Tests.Support;

/// <summary>Connections to the sandbox's ISV tenant (Contoso), where the app registrations live.</summary>
internal static class ContosoConnections
{
    public const string GraphAppId = SandboxIds.GraphAppId;
    public const string CallingAppId = SandboxIds.ContosoTeamsCallingAppId;
    public const string CallingObjectId = SandboxIds.ContosoTeamsCallingObjectId;

    /// <summary>As Contoso's admin app (client secret), through <paramref name="transport"/> or straight to the sandbox.</summary>
    public static Task<AcsTeamsAdminConnection> ConnectAsync(SandboxService sandbox, HttpMessageHandler? transport = null, OperationContext? context = null) =>
        Connector.ConnectAsync(new ConnectionRequest
        {
            Mode = SignInMode.ClientSecret,
            TenantId = SandboxIds.ContosoTenantId,
            ClientId = SandboxIds.ContosoAdminClientId,
            ClientSecret = SandboxIds.ContosoAdminClientSecret,
            AuthorityHost = SandboxService.InProcessBaseAddress.AbsoluteUri,
            GraphEndpoint = SandboxService.InProcessBaseAddress.AbsoluteUri + "v1.0",
            Transport = transport ?? sandbox.CreateHandler(),
        }, context ?? OperationContext.Unattended());

    /// <summary>With a token that carries exactly <paramref name="roles"/>, to prove least privilege.</summary>
    public static Task<AcsTeamsAdminConnection> ConnectWithRolesAsync(SandboxService sandbox, params string[] roles)
    {
        var token = sandbox.IssueAccessToken(new AccessTokenRequest { TenantId = SandboxIds.ContosoTenantId, ClientAppId = SandboxIds.ContosoAdminClientId, Roles = roles });
        return Connector.ConnectAsync(new ConnectionRequest
        {
            Mode = SignInMode.AccessToken,
            AccessToken = token,
            GraphEndpoint = SandboxService.InProcessBaseAddress.AbsoluteUri + "v1.0",
            Transport = sandbox.CreateHandler(),
        }, OperationContext.Unattended());
    }

    /// <summary>Contoso's app registration with this appId, as the sandbox holds it now.</summary>
    public static JsonObject App(SandboxService sandbox, string appId) =>
        sandbox.State.Read(data => (JsonObject)Tenant(data).Applications.Single(app => (string?)app["appId"] == appId).DeepClone());

    /// <summary>Its requiredResourceAccess as (resourceAppId, id, type) triples, in order.</summary>
    public static IReadOnlyList<(string Resource, string Id, string Type)> Permissions(SandboxService sandbox, string appId) =>
        ((JsonArray)App(sandbox, appId)["requiredResourceAccess"]!)
            .SelectMany(resource => ((JsonArray)resource!["resourceAccess"]!).Select(access =>
                ((string)resource["resourceAppId"]!, (string)access!["id"]!, (string)access["type"]!)))
            .ToArray();

    /// <summary>Another writer: edits Contoso's app in the sandbox directly.</summary>
    public static void Edit(SandboxService sandbox, string appId, Action<JsonObject> edit) =>
        sandbox.State.Update(data => edit(Tenant(data).Applications.Single(app => (string?)app["appId"] == appId)));

    public static int ApplicationWrites(SandboxService sandbox) =>
        sandbox.Requests.Entries.Count(entry => entry.PathAndQuery.StartsWith("/v1.0/applications", StringComparison.Ordinal) && entry.Method is "PATCH" or "POST");

    private static TenantData Tenant(SandboxData data) => data.Tenants.Single(tenant => tenant.Id == SandboxIds.ContosoTenantId);
}
