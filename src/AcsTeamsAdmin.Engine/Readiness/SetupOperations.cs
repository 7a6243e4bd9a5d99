using AcsTeamsAdmin.Engine.Applications;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Consent;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.ServicePrincipals;

namespace AcsTeamsAdmin.Engine.Readiness;

/// <summary>
/// Initialize-AcsTeams, planned from the readiness reads: one Graph $batch says what the tenant and each app
/// have; every fixable check that fails becomes a change (the ACS service principal; per app its ACS
/// permissions, public client flows, redirect URI and audience; the app's service principal and admin consent).
/// Every change is asked about (ShouldChange) before any is made, so -WhatIf lists the whole plan and -Confirm
/// asks about each; then the approved ones are written in order, each with the write the single-purpose cmdlet
/// uses. The report is the checks over what the reads found, updated by what the writes returned: a ready
/// tenant costs one Graph request and no write, and no entity is read twice.
/// </summary>
public static class SetupOperations
{
    private const int ProgressActivity = 6;
    private const string Activity = "Setting up ACS with Teams";

    public static async Task<IReadOnlyList<SetupCheck>> InitializeAsync(AcsTeamsAdminConnection connection, SetupRequest request, OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var (tenant, apps) = await ReadinessOperations.ReadAsync(connection, request.AppIds, request.MultiTenant, Activity, context).ConfigureAwait(false);
        var setup = new Setup(connection, request, context, tenant, apps);
        setup.Plan();
        await setup.WriteAsync().ConfigureAwait(false);
        context.Progress.Report(new OperationProgress(ProgressActivity, Activity, "Done", 100, Completed: true));
        return setup.Report();
    }

    /// <summary>One run: the facts as they stand, each change with its answer, and what became of it.</summary>
    private sealed class Setup(
        AcsTeamsAdminConnection connection,
        SetupRequest request,
        OperationContext context,
        TenantFacts tenant,
        IReadOnlyList<AppFacts> apps)
    {
        private readonly Dictionary<(string Check, AppId? App), (SetupChange Change, string Detail)> _changes = [];
        private readonly Dictionary<AppId, AppPlan> _appPlans = [];
        private TenantFacts _tenant = tenant;
        private IReadOnlyList<AppFacts> _apps = apps;
        private bool _createAcs;

        private bool TenantAdmin => request.Roles.HasFlag(SetupRoles.TenantAdmin);

        private bool AppOwner => request.Roles.HasFlag(SetupRoles.AppOwner);

        private IReadOnlyList<ResolvedAcsScope> Wanted => ResolvedAcsScope.Pick(_tenant.AcsScopes, AcsScope.Default, context.Log);

        /// <summary>Every change the checks call for, asked about in the order they would be made.</summary>
        public void Plan()
        {
            if (_tenant.AcsPrincipalId is null)
            {
                _createAcs = Ask(ReadinessCheckNames.AcsServicePrincipal, null, SetupRoles.TenantAdmin,
                    ServicePrincipalOperations.ChangeTarget(connection, AppId.AcsFirstParty), "Create");
            }

            foreach (var app in _apps)
            {
                _appPlans[app.AppId] = PlanApp(app);
            }
        }

        public async Task WriteAsync()
        {
            var total = 1 + (_apps.Count * 2);
            var done = 0;
            void Progress(string what) => context.Progress.Report(new OperationProgress(ProgressActivity, Activity, what, done++ * 100 / total));

            Progress("The ACS service principal");
            if (_createAcs)
            {
                await TryAsync(ReadinessCheckNames.AcsServicePrincipal, null, async () =>
                {
                    var acs = await ServicePrincipalOperations.CreateAsync(connection, AppId.AcsFirstParty, context).ConfigureAwait(false);
                    _tenant = _tenant with { AcsPrincipalId = acs.Id };
                    return $"Created the Azure Communication Services service principal {acs.Id}.";
                }).ConfigureAwait(false);
            }

            foreach (var app in _apps)
            {
                Progress($"The app registration of {app.AppId}");
                await WriteAppAsync(app.AppId, _appPlans[app.AppId]).ConfigureAwait(false);
            }

            foreach (var app in _apps)
            {
                Progress($"Admin consent for {app.AppId}");
                await WriteConsentAsync(app.AppId, _appPlans[app.AppId]).ConfigureAwait(false);
            }
        }

        /// <summary>The checks over the facts as the writes left them, each with what this run did about it.</summary>
        public SetupCheck[] Report() =>
            ReadinessOperations.Evaluate(_tenant, _apps).Select(check =>
            {
                var app = check.AppId is null ? (AppId?)null : AppId.Parse(check.AppId);
                var (change, detail) = _changes.TryGetValue((check.Name, app), out var made) ? made : (SetupChange.NoChange, (string?)null);
                return new SetupCheck
                {
                    Name = check.Name,
                    Status = check.Status,
                    Detail = check.Detail,
                    Remedy = check.Remedy,
                    AppliesTo = check.AppliesTo,
                    TenantId = check.TenantId,
                    AppId = check.AppId,
                    Change = change,
                    ChangeDetail = detail,
                };
            }).ToArray();

        private AppPlan PlanApp(AppFacts app)
        {
            var plan = new AppPlan();
            if (app.Registration is { } registration)
            {
                // A redirect URI the app already has is enough; http://localhost is added only to an app with none (or when asked).
                plan.Settings = new AcsApplicationSettings
                {
                    AllowPublicClientFlows = true,
                    RedirectUri = request.RedirectUri ?? (registration.PublicClientRedirectUris.Count == 0 ? PublicClientRedirectUri.Default : null),
                    MultiTenant = request.MultiTenant,
                };
                var target = $"app registration '{registration.DisplayName}' (appId {registration.AppId}) in tenant {_tenant.TenantId}";
                try
                {
                    foreach (var change in ApplicationChangePlan.Create(registration, plan.Settings, Wanted).Changes)
                    {
                        if (Ask(CheckOf(change.Kind), app.AppId, SetupRoles.AppOwner, target, change.Description))
                        {
                            plan.ApprovedAppChanges.Add(change.Kind);
                        }
                    }
                }
                catch (AcsTeamsAdminException error) when (!error.FailsEveryInput)
                {
                    // The app's changes cannot be planned (an app only personal accounts use is never made multi-tenant
                    // silently; a permission list already at Entra's limit): that app's registration is not changed.
                    var check = error.ErrorId == ErrorIds.SignInAudienceChangeRefused
                        ? ReadinessCheckNames.AppSignInAudience
                        : ReadinessCheckNames.AppAcsPermissions;
                    _changes[(check, app.AppId)] = (SetupChange.Failed, error.MessageWithFix);
                }
            }
            else if (AppOwner)
            {
                // Not an error for the setup: a customer tenant only has the ISV's service principal.
                foreach (var check in AppChecks)
                {
                    _changes[(check, app.AppId)] = (SetupChange.NotApplicable,
                        $"The app registration is not in tenant {_tenant.TenantId}: its owner runs this (-Role AppOwner) connected to that tenant.");
                }
            }

            if (!app.ClientPrincipalExists)
            {
                plan.CreateClient = Ask(ReadinessCheckNames.ClientServicePrincipal, app.AppId, SetupRoles.TenantAdmin,
                    ServicePrincipalOperations.ChangeTarget(connection, app.AppId), "Create");
            }

            var grant = app.AcsGrant(_tenant.AcsPrincipalId);
            var missing = GrantScopes.Missing(GrantScopes.Split(grant?.Scope), Required);
            if (missing.Count > 0)
            {
                plan.Grant = Ask(ReadinessCheckNames.AdminConsent, app.AppId, SetupRoles.TenantAdmin,
                    ConsentOperations.GrantChange(app.Registration?.DisplayName, app.AppId, missing, _tenant.TenantId), grant is null ? "Grant" : "Add scopes");
            }

            return plan;
        }

        private async Task WriteAppAsync(AppId appId, AppPlan plan)
        {
            if (plan.ApprovedAppChanges.Count == 0 || Facts(appId).Registration is not { } registration)
            {
                return;
            }

            var checks = plan.ApprovedAppChanges.Select(CheckOf).ToArray();
            try
            {
                var writer = new ApplicationWriter(connection, registration, plan.Settings!, Wanted, plan.ApprovedAppChanges, context);
                var (verified, done) = await writer.WriteAsync().ConfigureAwait(false);
                Update(appId, facts => facts with { Registration = verified });
                foreach (var check in checks)
                {
                    _changes[(check, appId)] = (SetupChange.Changed, string.Join("; ", done));
                }
            }
            catch (AcsTeamsAdminException error) when (!error.FailsEveryInput)
            {
                foreach (var check in checks)
                {
                    _changes[(check, appId)] = (SetupChange.Failed, error.MessageWithFix);
                }
            }
        }

        private async Task WriteConsentAsync(AppId appId, AppPlan plan)
        {
            if (plan.CreateClient)
            {
                await TryAsync(ReadinessCheckNames.ClientServicePrincipal, appId, async () =>
                {
                    var client = await ConsentOperations.CreateClientAsync(connection, appId, context).ConfigureAwait(false);
                    Update(appId, facts => facts with { ClientPrincipalId = client.Id });
                    return $"Created the service principal {client.Id} of appId {appId}.";
                }).ConfigureAwait(false);
            }

            if (!plan.Grant)
            {
                return;
            }

            var app = Facts(appId);
            if (app.ClientPrincipalId is not { } clientId || _tenant.AcsPrincipalId is not { } acsId)
            {
                _changes[(ReadinessCheckNames.AdminConsent, appId)] = (SetupChange.WouldChange,
                    "Not granted: it needs the service principal(s) above, which were not created.");
                return;
            }

            await TryAsync(ReadinessCheckNames.AdminConsent, appId, async () =>
            {
                var grant = app.AcsGrant(acsId);
                var name = app.Registration?.DisplayName ?? appId.ToString();
                var (grantId, scopes, _) = await ConsentOperations.WriteGrantAsync(connection, clientId, acsId,
                    grant is null ? null : new ConsentOperations.ExistingGrant(grant.Id, grant.Scope),
                    Required,
                    appId.ToString(),
                    name,
                    context).ConfigureAwait(false);
                var written = new GrantFact(grantId, acsId, PermissionGrants.AllPrincipals, GrantScopes.Join(scopes));
                Update(appId, facts => facts with { Grants = [.. facts.Grants.Where(other => other != grant), written] });
                return $"Granted tenant-wide consent to Azure Communication Services {GrantScopes.Join(scopes)} (grant {grantId}).";
            }).ConfigureAwait(false);
        }

        /// <returns>True when the change was approved; a change outside the roles asked for is not asked about.</returns>
        private bool Ask(string check, AppId? appId, SetupRoles role, string target, string action)
        {
            if (!request.Roles.HasFlag(role))
            {
                _changes[(check, appId)] = (SetupChange.NotApplicable, $"Not run: the {role} role was not asked for (-Role).");
                return false;
            }

            var approved = context.Approval.ShouldChange(target, action);
            _changes[(check, appId)] = (SetupChange.WouldChange, $"{action} ({target})");
            return approved;
        }

        private async Task TryAsync(string check, AppId? appId, Func<Task<string>> write)
        {
            try
            {
                _changes[(check, appId)] = (SetupChange.Changed, await write().ConfigureAwait(false));
            }
            catch (AcsTeamsAdminException error) when (!error.FailsEveryInput)
            {
                // One app's failure (its service principal cannot be created, a 403 on its grant) is that app's: the
                // report says so, and the other apps go on.
                _changes[(check, appId)] = (SetupChange.Failed, error.MessageWithFix);
            }
        }

        private AppFacts Facts(AppId appId) => _apps.First(app => app.AppId == appId);

        private void Update(AppId appId, Func<AppFacts, AppFacts> change) =>
            _apps = [.. _apps.Select(app => app.AppId == appId ? change(app) : app)];

        private static IReadOnlyList<string> Required => [.. AppFacts.Required.Select(scope => scope.Value)];

        private static readonly string[] AppChecks =
        [
            ReadinessCheckNames.AppAcsPermissions, ReadinessCheckNames.AppPublicClientFlows,
            ReadinessCheckNames.AppRedirectUri, ReadinessCheckNames.AppSignInAudience,
        ];

        private static string CheckOf(ApplicationChangeKind kind) => kind switch
        {
            ApplicationChangeKind.AcsPermissions => ReadinessCheckNames.AppAcsPermissions,
            ApplicationChangeKind.PublicClientFlows => ReadinessCheckNames.AppPublicClientFlows,
            ApplicationChangeKind.RedirectUri => ReadinessCheckNames.AppRedirectUri,
            _ => ReadinessCheckNames.AppSignInAudience,
        };
    }

    /// <summary>What one app needs, as approved.</summary>
    private sealed class AppPlan
    {
        public AcsApplicationSettings? Settings { get; set; }

        public HashSet<ApplicationChangeKind> ApprovedAppChanges { get; } = [];

        public bool CreateClient { get; set; }

        public bool Grant { get; set; }
    }
}
