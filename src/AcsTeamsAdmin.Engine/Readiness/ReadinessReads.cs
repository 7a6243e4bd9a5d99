using System.Globalization;
using System.Text.Json;
using AcsTeamsAdmin.Engine.Applications;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Consent;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.ServicePrincipals;

namespace AcsTeamsAdmin.Engine.Readiness;

/// <summary>
/// The Graph reads behind the checks, as batch steps, and what their answers mean. Every read is known before
/// any answer (a batch's dependsOn orders steps but passes no values), so all of them go in one batch:
/// <list type="bullet">
/// <item>the ACS service principal by appId (404: none), shared by every app;</item>
/// <item>every tenant-wide (AllPrincipals) delegated grant, matched here by clientId to the apps' service
/// principals and by resourceId to the ACS one: filtering by resourceId or clientId needs object ids that only
/// the same batch's answers hold;</item>
/// <item>per 15 apps (Graph's limit on the values of an 'in' filter), their service principals and their app
/// registrations by <c>appId in (...)</c>: an app missing from an answer has none in this tenant.</item>
/// </list>
/// So N apps cost 2 + 2 * ceil(N / 15) steps: one batch up to 135 apps. Least privilege: Application.Read.All
/// and DelegatedPermissionGrant.Read.All; the per-client relationship
/// (GET /servicePrincipals(appId='...')/oauth2PermissionGrants) would need Directory.Read.All.
/// The one cost that grows with the tenant: the grant list pages (see <see cref="ConsentGrantsAsync"/>).
/// </summary>
internal static class ReadinessReads
{
    public const string AcsStepId = "acs";

    public const string GrantsStepId = "grants";

    public const string UserStepId = "user";

    private const string UserSelect = "id,userPrincipalName,displayName,accountEnabled,assignedPlans";

    /// <summary>Graph's limit on the values of one 'in' filter on directory objects (without advanced queries).</summary>
    public const int MaxAppIdsPerStep = 15;

    private const string PrincipalSelect = "id,appId";
    private const string GrantSelect = "id,clientId,consentType,resourceId,scope";

    private static readonly string ApplicationSelect = string.Join(',', ApplicationSnapshot.SelectedProperties);

    /// <summary>Every read of one check, in the order they go out: with <paramref name="teamsUser"/>, its read too (same batch).</summary>
    public static IReadOnlyList<GraphBatchStep> Steps(IReadOnlyList<AppId> appIds, UserReference? teamsUser = null)
    {
        ArgumentNullException.ThrowIfNull(appIds);
        var steps = new List<GraphBatchStep> { AcsStep() };
        if (teamsUser is not null)
        {
            steps.Add(UserStep(teamsUser));
        }

        if (appIds.Count == 0)
        {
            // A tenant-only check needs no grant: the consent check is per app.
            return steps;
        }

        steps.Add(GrantsStep());
        var chunks = appIds.Chunk(MaxAppIdsPerStep).ToArray();
        for (var index = 0; index < chunks.Length; index++)
        {
            var list = string.Join(',', chunks[index].Select(appId => $"'{appId}'"));
            var target = string.Join(",", chunks[index]);
            steps.Add(new GraphBatchStep(PrincipalsStepId(index), $"/servicePrincipals?$filter=appId%20in%20({list})&$select={PrincipalSelect}",
                $"Reading the service principals of {chunks[index].Length} app(s)", GraphScopes.ApplicationRead, target));
            steps.Add(new GraphBatchStep(ApplicationsStepId(index), $"/applications?$filter=appId%20in%20({list})&$select={ApplicationSelect}",
                $"Reading the app registrations of {chunks[index].Length} app(s)", GraphScopes.ApplicationRead, target));
        }

        return steps;
    }

    public static GraphBatchStep AcsStep() => new(AcsStepId,
        $"/servicePrincipals(appId='{AcsFirstPartyApp.AppId}')?$select=id,appId,oauth2PermissionScopes",
        "Reading the Azure Communication Services service principal", GraphScopes.ApplicationRead, AcsFirstPartyApp.AppId);

    public static GraphBatchStep GrantsStep() => new(GrantsStepId,
        $"/oauth2PermissionGrants?$filter=consentType%20eq%20'{PermissionGrants.AllPrincipals}'&$select={GrantSelect}",
        "Reading the tenant-wide (admin) consent grants", GraphScopes.DelegatedPermissionGrantRead, null);

    /// <summary>The Teams user's account and licences (assignedPlans): User.Read.All, the least privileged permission that reads both.</summary>
    public static GraphBatchStep UserStep(UserReference user) => new(UserStepId,
        $"/users/{user.GraphKey}?$select={UserSelect}",
        $"Reading the Teams user {user}", GraphScopes.UserReadAll, user.ToString());

    /// <summary>What the user read found; a 404 is an answer (no such user).</summary>
    public static TeamsUserFacts User(UserReference reference, GraphBatchReply reply)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.NotFound || reply.Body is not { ValueKind: JsonValueKind.Object } body)
        {
            return TeamsUserFacts.NotFound(reference);
        }

        var plans = body.TryGetProperty("assignedPlans", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(plan => new AssignedPlanFact(
                Text(plan, "service"), Text(plan, "capabilityStatus"), Text(plan, "servicePlanId"),
                DateTimeOffset.TryParse(Text(plan, "assignedDateTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                    ? at
                    : null)).ToArray()
            : [];
        var enabled = body.TryGetProperty("accountEnabled", out var flag) && flag.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? flag.GetBoolean()
            : (bool?)null;
        return new TeamsUserFacts(reference, true, Text(body, "id"), Text(body, "userPrincipalName"), enabled, plans);
    }

    public static string PrincipalsStepId(int chunk) => string.Create(CultureInfo.InvariantCulture, $"sps{chunk}");

    public static string ApplicationsStepId(int chunk) => string.Create(CultureInfo.InvariantCulture, $"apps{chunk}");

    public static TenantFacts Tenant(AcsTeamsAdminConnection connection, GraphBatchReply acs)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(acs);
        // Read as JSON (id, and each offered scope's value, id and isEnabled): the readiness path never loads the Graph SDK.
        var principal = acs.NotFound || acs.Body is not { ValueKind: JsonValueKind.Object } body ? (JsonElement?)null : body;
        var offered = principal is { } found && found.TryGetProperty("oauth2PermissionScopes", out var scopes) && scopes.ValueKind == JsonValueKind.Array
            ? scopes.EnumerateArray()
                .Where(scope => Text(scope, "value") is not null && Guid.TryParse(Text(scope, "id"), out _))
                .Select(scope => new DelegatedScope(Text(scope, "value")!, Guid.Parse(Text(scope, "id")!),
                    !scope.TryGetProperty("isEnabled", out var enabled) || enabled.ValueKind != JsonValueKind.False))
                .ToArray()
            : [];
        return new TenantFacts(
            connection.Info.TenantId,
            connection.Info.Environment,
            principal is { } sp ? Text(sp, "id") : null,
            ResolvedAcsScope.Resolve(offered, AcsScope.Known));
    }

    /// <summary>What the reads found for each app, in the order of <paramref name="appIds"/>.</summary>
    public static async Task<IReadOnlyList<AppFacts>> AppsAsync(
        GraphBatchReader reader, IReadOnlyList<AppId> appIds, IReadOnlyDictionary<string, GraphBatchReply> replies, TenantFacts tenant, bool multiTenant)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(appIds);
        ArgumentNullException.ThrowIfNull(replies);
        ArgumentNullException.ThrowIfNull(tenant);
        if (appIds.Count == 0)
        {
            return [];
        }

        var steps = Steps(appIds).ToDictionary(step => step.Id, StringComparer.Ordinal);
        var principals = new Dictionary<Guid, string>();
        var registrations = new Dictionary<Guid, ApplicationSnapshot>();
        for (var chunk = 0; chunk * MaxAppIdsPerStep < appIds.Count; chunk++)
        {
            foreach (var item in await ItemsAsync(reader, replies[PrincipalsStepId(chunk)], steps[PrincipalsStepId(chunk)], _ => false).ConfigureAwait(false))
            {
                if (Guid.TryParse(Text(item, "appId"), out var appId) && Text(item, "id") is { } id)
                {
                    principals[appId] = id;
                }
            }

            foreach (var item in await ItemsAsync(
                reader,
                replies[ApplicationsStepId(chunk)],
                steps[ApplicationsStepId(chunk)],
                _ => false).ConfigureAwait(false))
            {
                if (Guid.TryParse(Text(item, "appId"), out var appId))
                {
                    registrations[appId] = ApplicationSnapshot.FromJson(item);
                }
            }
        }

        var grants = await ConsentGrantsAsync(
            reader,
            replies[GrantsStepId],
            steps[GrantsStepId],
            tenant.AcsPrincipalId,
            principals.Values.ToHashSet(StringComparer.OrdinalIgnoreCase)).ConfigureAwait(false);
        return appIds.Select(appId =>
        {
            var principal = principals.GetValueOrDefault(appId.Value);
            return new AppFacts(
                appId,
                registrations.GetValueOrDefault(appId.Value),
                principal,
                principal is null
                    ? []
                    : grants.Where(grant => string.Equals(grant.ClientId, principal, StringComparison.OrdinalIgnoreCase)).Select(grant => grant.Fact).ToArray(),
                multiTenant);
        }).ToArray();
    }

    /// <summary>
    /// The tenant-wide grants of the apps' service principals. A tenant with more tenant-wide grants than one page
    /// (Graph's default page size) costs one GET per further page, outside the batch; reading stops as soon as every
    /// app's grant to ACS is found (a client has at most one AllPrincipals grant per resource), and no page is read
    /// when nothing could match (no ACS service principal, or none of the apps has one here).
    /// </summary>
    private static async Task<IReadOnlyList<(string? ClientId, GrantFact Fact)>> ConsentGrantsAsync(
        GraphBatchReader reader, GraphBatchReply reply, GraphBatchStep step, string? acsPrincipalId, HashSet<string> clients)
    {
        var found = new List<(string? ClientId, GrantFact Fact)>();
        bool Complete() =>
            acsPrincipalId is null
            || clients.All(client => found.Any(grant =>
                string.Equals(grant.ClientId, client, StringComparison.OrdinalIgnoreCase)
                && string.Equals(grant.Fact.ResourceId, acsPrincipalId, StringComparison.OrdinalIgnoreCase)));

        await ItemsAsync(reader, reply, step, page =>
        {
            found.AddRange(page
                .Where(grant => Text(grant, "clientId") is { } client && clients.Contains(client))
                .Select(grant => (
                    Text(grant, "clientId"),
                    new GrantFact(Text(grant, "id"), Text(grant, "resourceId"), Text(grant, "consentType"), Text(grant, "scope")))));
            return Complete();
        }).ConfigureAwait(false);
        return found;
    }

    /// <summary>A list answer's items over all its pages, or until <paramref name="enough"/> says so after a page.</summary>
    private static async Task<IReadOnlyList<JsonElement>> ItemsAsync(
        GraphBatchReader reader,
        GraphBatchReply reply,
        GraphBatchStep step,
        Func<IReadOnlyList<JsonElement>, bool> enough)
    {
        var items = new List<JsonElement>();
        var page = reply.Body;
        while (page is { ValueKind: JsonValueKind.Object } body)
        {
            var values = body.TryGetProperty("value", out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().ToArray() : [];
            items.AddRange(values);
            var next = body.TryGetProperty("@odata.nextLink", out var link) && link.ValueKind == JsonValueKind.String ? link.GetString() : null;
            if (enough(values) || next is null)
            {
                break;
            }

            page = await reader.NextPageAsync(next, step).ConfigureAwait(false);
        }

        return items;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
