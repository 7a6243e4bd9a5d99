using System.Text.Json;
using AcsTeamsAdmin.Engine.Applications;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Graph;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.ServicePrincipals;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Serialization.Json;

namespace AcsTeamsAdmin.Engine.Readiness;

/// <summary>
/// The Graph reads behind the checks, as batch steps, and what their answers mean. One read is shared
/// by every app (the ACS service principal); each app adds two: its app registration by appId (404 when
/// it lives in another tenant) and its service principal's delegated grants by appId
/// (GET /servicePrincipals(appId='...')/oauth2PermissionGrants: 404 when the tenant has no such service
/// principal, so one read answers both "is it there" and "what was consented", with no object id known
/// beforehand, which is what lets everything go in one batch).
/// </summary>
internal static class ReadinessReads
{
    public const string AcsStepId = "acs";

    private static readonly string ApplicationSelect = string.Join(',', ApplicationSnapshot.SelectedProperties);

    public static GraphBatchStep AcsStep() => new(AcsStepId,
        $"/servicePrincipals(appId='{AcsFirstPartyApp.AppId}')?$select=id,appId,oauth2PermissionScopes",
        "Reading the Azure Communication Services service principal", AcsFirstPartyApp.AppId, GraphScopes.ApplicationRead);

    public static IEnumerable<GraphBatchStep> AppSteps(AppId appId, int index)
    {
        yield return new GraphBatchStep(AppStepId(index), $"/applications(appId='{appId}')?$select={ApplicationSelect}",
            $"Reading the app registration {appId}", appId.ToString(), GraphScopes.ApplicationRead);
        yield return new GraphBatchStep(GrantsStepId(index), $"/servicePrincipals(appId='{appId}')/oauth2PermissionGrants",
            $"Reading the consent grants of appId {appId}", appId.ToString(), GraphScopes.DelegatedPermissionGrantRead);
    }

    public static string AppStepId(int index) => $"app{index}";

    public static string GrantsStepId(int index) => $"grants{index}";

    public static TenantFacts Tenant(AcsTeamsAdminConnection connection, GraphBatchReply acs)
    {
        var principal = acs.NotFound || acs.Body is not { } body ? null : new JsonParseNode(body).GetObjectValue(ServicePrincipal.CreateFromDiscriminatorValue);
        var offered = principal?.Oauth2PermissionScopes?
            .Where(scope => scope.Value is not null && scope.Id is not null)
            .Select(scope => new DelegatedScope(scope.Value!, scope.Id!.Value, scope.IsEnabled ?? true))
            .ToArray() ?? [];
        return new TenantFacts(connection.Info.TenantId, connection.Info.Environment, principal?.Id, AcsScopeResolver.Resolve(offered, AcsScope.Known));
    }

    public static async Task<AppFacts> AppAsync(
        AcsTeamsAdminConnection connection, AppId appId, GraphBatchReply app, GraphBatchReply grants, bool multiTenant, OperationContext context)
    {
        var registration = app.NotFound || app.Body is not { } body ? null : new JsonParseNode(body).GetObjectValue(Application.CreateFromDiscriminatorValue);
        return new AppFacts(
            appId,
            registration is null ? null : ApplicationSnapshot.From(registration),
            ClientPrincipalExists: !grants.NotFound,
            grants.NotFound ? [] : await GrantsAsync(connection, appId, grants.Body, context).ConfigureAwait(false),
            multiTenant);
    }

    private static async Task<IReadOnlyList<GrantFact>> GrantsAsync(AcsTeamsAdminConnection connection, AppId appId, JsonElement? body, OperationContext context)
    {
        var facts = new List<GrantFact>();
        if (body is not { } page)
        {
            return facts;
        }

        facts.AddRange(Read(page));

        // A client with more grants than one page is rare; the rest are read outside the batch.
        var next = page.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        while (next is not null)
        {
            var more = await GraphCall.RunAsync(
                () => connection.Graph.Oauth2PermissionGrants.WithUrl(next).GetAsync(cancellationToken: context.CancellationToken),
                $"Reading the consent grants of appId {appId}", appId.ToString(), GraphScopes.DelegatedPermissionGrantRead, context.CancellationToken).ConfigureAwait(false);
            facts.AddRange(more?.Value?.Select(grant => new GrantFact(grant.ResourceId, grant.ConsentType, grant.Scope)) ?? []);
            next = more?.OdataNextLink;
        }

        return facts;
    }

    private static IEnumerable<GrantFact> Read(JsonElement page)
    {
        if (!page.TryGetProperty("value", out var values) || values.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var grant in values.EnumerateArray())
        {
            yield return new GrantFact(Text(grant, "resourceId"), Text(grant, "consentType"), Text(grant, "scope"));
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
