using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.Operations;

namespace AcsTeamsAdmin.Engine.Readiness;

/// <summary>
/// Test-AcsTeamsReadiness: every check of a tenant and its client apps from ONE Graph $batch for up to 135
/// apps (see <see cref="ReadinessReads"/>: two shared reads, two per 15 apps), then the optional ACS endpoint
/// probe and the local Teams token check. Reads only: nothing is changed, so no ShouldChange.
/// Graph permissions: Application.Read.All and DelegatedPermissionGrant.Read.All (or Directory.Read.All).
/// </summary>
public static class ReadinessOperations
{
    private const int ProgressActivity = 5;

    public static async Task<IReadOnlyList<ReadinessCheck>> TestAsync(AcsTeamsAdminConnection connection, ReadinessRequest request, OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        const string Activity = "Checking ACS Teams readiness";
        var (tenant, apps, user) = await ReadAllAsync(
            connection,
            request.AppIds,
            request.MultiTenant,
            request.TeamsUser,
            Activity,
            context).ConfigureAwait(false);
        var results = Evaluate(tenant, apps).ToList();
        results.Add(await EndpointAsync(request.AcsClient(connection), tenant, context).ConfigureAwait(false));
        results.Add(Result(ReadinessCheckNames.TeamsUser, ReadinessAppliesTo.TeamsIdentity, ReadinessRules.CheckTeamsUser(tenant, user), tenant, null));
        results.Add(TeamsToken(request, tenant));
        context.Progress.Report(new OperationProgress(ProgressActivity, Activity, "Done", 100, Completed: true));
        return results;
    }

    /// <summary>Every read behind the checks, in one Graph $batch (plus grant pages in a large tenant): what the tenant and each app have.</summary>
    internal static async Task<(TenantFacts Tenant, IReadOnlyList<AppFacts> Apps)> ReadAsync(
        AcsTeamsAdminConnection connection, IReadOnlyList<AppId> appIds, bool multiTenant, string activity, OperationContext context)
    {
        var (tenant, apps, _) = await ReadAllAsync(connection, appIds, multiTenant, null, activity, context).ConfigureAwait(false);
        return (tenant, apps);
    }

    /// <summary>The same reads, and the Teams user's account and licences in the same batch when one is given.</summary>
    internal static async Task<(TenantFacts Tenant, IReadOnlyList<AppFacts> Apps, TeamsUserFacts? User)> ReadAllAsync(
        AcsTeamsAdminConnection connection, IReadOnlyList<AppId> appIds, bool multiTenant, UserReference? teamsUser, string activity, OperationContext context)
    {
        var distinct = appIds.Distinct().ToArray();
        var steps = ReadinessReads.Steps(distinct, teamsUser);
        var reader = new GraphBatchReader(connection, context);
        var replies = await reader.ReadAsync(steps, (batch, batches) =>
            context.Progress.Report(new OperationProgress(ProgressActivity, activity,
                $"Microsoft Graph batch {batch} of {batches} ({steps.Count} reads for {distinct.Length} app(s))",
                (batch - 1) * 100 / batches))).ConfigureAwait(false);

        var tenant = ReadinessReads.Tenant(connection, replies[ReadinessReads.AcsStepId]);
        var apps = await ReadinessReads.AppsAsync(reader, distinct, replies, tenant, multiTenant).ConfigureAwait(false);
        var user = teamsUser is null ? null : ReadinessReads.User(teamsUser, replies[ReadinessReads.UserStepId]);
        context.Log.Verbose($"Read {steps.Count} directory queries in {reader.BatchesSent} Microsoft Graph batch request(s), " +
            $"and {reader.PagesFollowed} further page(s) of results.");
        return (tenant, apps, user);
    }

    /// <summary>The tenant's checks, then each app's, over what the reads found.</summary>
    internal static IEnumerable<ReadinessCheck> Evaluate(TenantFacts tenant, IReadOnlyList<AppFacts> apps)
    {
        foreach (var rule in ReadinessRules.Tenant)
        {
            yield return Result(rule.Name, rule.AppliesTo, rule.Evaluate(tenant), tenant, null);
        }

        foreach (var app in apps)
        {
            foreach (var rule in ReadinessRules.App)
            {
                yield return Result(rule.Name, rule.AppliesTo, rule.Evaluate(tenant, app), tenant, app.AppId.ToString());
            }
        }
    }

    private static async Task<ReadinessCheck> EndpointAsync(IAcsIdentityClient? acs, TenantFacts tenant, OperationContext context)
    {
        var outcome = acs is { } client
            ? await AcsEndpointProbe.RunAsync(client, context.CancellationToken).ConfigureAwait(false)
            : RuleOutcome.Skipped("No ACS resource given (-AcsEndpoint or -AcsConnectionString).");
        return Result(ReadinessCheckNames.AcsEndpoint, ReadinessAppliesTo.Both, outcome, tenant, null);
    }

    private static ReadinessCheck TeamsToken(ReadinessRequest request, TenantFacts tenant)
    {
        if (request.TeamsToken is not { } exchange)
        {
            return Result(ReadinessCheckNames.TeamsUserToken, ReadinessAppliesTo.TeamsIdentity,
                RuleOutcome.Skipped("No Teams user token given (-TeamsUserToken with -TeamsUserId)."), tenant, null);
        }

        RuleOutcome outcome;
        try
        {
            var claims = TeamsTokenPrecheck.Check(exchange, request.Time.GetUtcNow(), "TeamsUserToken");
            outcome = RuleOutcome.Pass($"The token of {claims.UserPrincipalName ?? exchange.UserId.ToString()} would pass the exchange's checks: " +
                $"audience Azure Communication Services, both Teams scopes, app {exchange.AppId}, user {exchange.UserId}, " +
                "not expired (its signature is checked by the service).");
        }
        catch (AcsTeamsAdminException error) when (error.ErrorId == ErrorIds.TeamsTokenUnusable)
        {
            outcome = RuleOutcome.Fail(error.Message, error.RecommendedAction);
        }

        return Result(ReadinessCheckNames.TeamsUserToken, ReadinessAppliesTo.TeamsIdentity, outcome, tenant, exchange.AppId.ToString());
    }

    private static ReadinessCheck Result(string name, ReadinessAppliesTo appliesTo, RuleOutcome outcome, TenantFacts tenant, string? appId) => new()
    {
        Name = name,
        Status = outcome.Status,
        Detail = outcome.Detail,
        Remedy = outcome.Remedy,
        AppliesTo = appliesTo,
        TenantId = tenant.TenantId,
        AppId = appId,
    };
}
