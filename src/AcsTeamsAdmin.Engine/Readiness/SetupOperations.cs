using AcsTeamsAdmin.Engine.Applications;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Consent;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.ServicePrincipals;

namespace AcsTeamsAdmin.Engine.Readiness;

/// <summary>
/// Initialize-AcsTeams: every fixable step in order (the ACS service principal; per app its ACS
/// permissions, public client flows, redirect URI and audience; then admin consent), each by the same
/// engine operation the single-purpose cmdlet runs, so each reads first, asks ShouldChange before each
/// write and writes only what is missing: a second run writes nothing. Ends with the readiness report.
/// </summary>
public static class SetupOperations
{
    public const string AcsServicePrincipalStep = "AcsServicePrincipal";
    public const string AppRegistrationStep = "AppRegistration";
    public const string AdminConsentStep = "AdminConsent";

    private const int ProgressActivity = 6;

    public static async Task<(IReadOnlyList<SetupStep> Steps, IReadOnlyList<ReadinessCheck> Report)> InitializeAsync(
        AcsTeamsAdminConnection connection, SetupRequest request, OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var approval = new RecordingApproval(context.Approval);
        var gated = context.WithApproval(approval);
        var steps = new List<SetupStep>();
        var appIds = request.AppIds.Distinct().ToArray();
        var total = 1 + (appIds.Length * 2) + 1;

        async Task RunAsync(string name, SetupRoles role, AppId? appId, Func<Task<string?>> work)
        {
            context.Progress.Report(new OperationProgress(ProgressActivity, "Setting up ACS with Teams", $"{name}{(appId is { } id ? $" for {id}" : string.Empty)}", steps.Count * 100 / total));
            approval.Clear();
            string? notApplicable;
            if (!request.Roles.HasFlag(role))
            {
                notApplicable = $"Not run: the {role} role was not asked for (-Role).";
            }
            else
            {
                notApplicable = await work().ConfigureAwait(false);
            }

            steps.Add(Step(steps.Count + 1, name, role, appId, connection.Info.TenantId, notApplicable, approval.Asked));
        }

        await RunAsync(AcsServicePrincipalStep, SetupRoles.TenantAdmin, null, async () =>
        {
            await ServicePrincipalOperations.EnsureAsync(connection, AppId.AcsFirstParty, gated).ConfigureAwait(false);
            return null;
        }).ConfigureAwait(false);

        foreach (var appId in appIds)
        {
            await RunAsync(AppRegistrationStep, SetupRoles.AppOwner, appId, () => SetApplicationAsync(connection, appId, request, gated)).ConfigureAwait(false);
        }

        foreach (var appId in appIds)
        {
            await RunAsync(AdminConsentStep, SetupRoles.TenantAdmin, appId, async () =>
            {
                await ConsentOperations.GrantAsync(connection, appId, AcsScope.Default, gated).ConfigureAwait(false);
                return null;
            }).ConfigureAwait(false);
        }

        context.Progress.Report(new OperationProgress(ProgressActivity, "Setting up ACS with Teams", "Readiness report", (total - 1) * 100 / total));
        var report = await ReadinessOperations.TestAsync(connection, new ReadinessRequest { AppIds = appIds, MultiTenant = request.MultiTenant }, context).ConfigureAwait(false);
        context.Progress.Report(new OperationProgress(ProgressActivity, "Setting up ACS with Teams", "Done", 100, Completed: true));
        return (steps, report);
    }

    /// <returns>Why the step does not apply here, or null when it ran.</returns>
    private static async Task<string?> SetApplicationAsync(AcsTeamsAdminConnection connection, AppId appId, SetupRequest request, OperationContext context)
    {
        var id = new AppRegistrationId(appId.Value);
        AppRegistrationInfo current;
        try
        {
            current = await ApplicationOperations.GetAsync(connection, id, context).ConfigureAwait(false);
        }
        catch (AcsTeamsAdminException error) when (error.ErrorId is ErrorIds.ApplicationNotFound or ErrorIds.ApplicationInAnotherTenant)
        {
            // Not an error for the setup: a customer tenant only has the ISV's service principal.
            return $"The app registration is not in tenant {connection.Info.TenantId}: {error.Message} Its owner runs this step (-Role AppOwner) connected to that tenant.";
        }

        // A redirect URI the app already has is enough; http://localhost is added only to an app with none (or when asked).
        var redirect = request.RedirectUri ?? (current.PublicClientRedirectUris.Count == 0 ? PublicClientRedirectUri.Default : null);
        var settings = new AcsApplicationSettings { AllowPublicClientFlows = true, RedirectUri = redirect, MultiTenant = request.MultiTenant };
        await ApplicationOperations.SetAsync(connection, id, settings, context).ConfigureAwait(false);
        return null;
    }

    private static SetupStep Step(int order, string name, SetupRoles role, AppId? appId, string tenantId, string? notApplicable, List<(string Target, string Action, bool Approved)> asked)
    {
        var (result, detail) = notApplicable is not null ? (SetupStepResult.NotApplicable, notApplicable)
            : asked.Count == 0 ? (SetupStepResult.NoChange, "Already in place; nothing to change.")
            : asked.All(change => !change.Approved) ? (SetupStepResult.WouldChange, "Would: " + Describe(asked))
            : (SetupStepResult.Changed, Describe(asked.Where(change => change.Approved)) + (asked.Any(change => !change.Approved) ? "; not done: " + Describe(asked.Where(change => !change.Approved)) : string.Empty));
        return new SetupStep { Order = order, Step = name, Role = role, Result = result, Detail = detail, TenantId = tenantId, AppId = appId?.ToString() };
    }

    private static string Describe(IEnumerable<(string Target, string Action, bool Approved)> changes) =>
        string.Join("; ", changes.Select(change => $"{change.Action} ({change.Target})"));
}
