using AcsTeamsAdmin.Engine.Applications;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Consent;
using AcsTeamsAdmin.Engine.ServicePrincipals;

namespace AcsTeamsAdmin.Engine.Readiness;

/// <summary>
/// The checks over the batch's reads, as data: each rule names its check, its identity model and a
/// pure function of the facts. Every Fail names the command that fixes it, with the real ids, exactly
/// as the fixing cmdlet accepts it (a test runs each one and checks again). A check that depends on
/// another's failure says Skipped rather than failing too: one missing thing, one failing line.
/// </summary>
internal static class ReadinessRules
{
    public static IReadOnlyList<TenantRule> Tenant { get; } =
    [
        new(ReadinessCheckNames.Cloud, ReadinessAppliesTo.Both, CheckCloud),
        new(ReadinessCheckNames.AcsServicePrincipal, ReadinessAppliesTo.TeamsIdentity, CheckAcsPrincipal),
    ];

    public static IReadOnlyList<AppRule> App { get; } =
    [
        new(ReadinessCheckNames.AppRegistration, ReadinessAppliesTo.TeamsIdentity, CheckRegistration),
        new(ReadinessCheckNames.AppAcsPermissions, ReadinessAppliesTo.TeamsIdentity, CheckPermissions),
        new(ReadinessCheckNames.AppPublicClientFlows, ReadinessAppliesTo.TeamsIdentity, CheckPublicClientFlows),
        new(ReadinessCheckNames.AppRedirectUri, ReadinessAppliesTo.TeamsIdentity, CheckRedirectUri),
        new(ReadinessCheckNames.AppSignInAudience, ReadinessAppliesTo.TeamsIdentity, CheckAudience),
        new(ReadinessCheckNames.AppPublisher, ReadinessAppliesTo.TeamsIdentity, CheckPublisher),
        new(ReadinessCheckNames.ClientServicePrincipal, ReadinessAppliesTo.TeamsIdentity, CheckClientPrincipal),
        new(ReadinessCheckNames.AdminConsent, ReadinessAppliesTo.TeamsIdentity, CheckConsent),
    ];

    private static RuleOutcome CheckCloud(TenantFacts tenant) =>
        CloudEndpoints.For(tenant.Cloud).IsGovernment
            ? RuleOutcome.Warning($"Connected to {tenant.Cloud}: Azure Communication Services interoperability with Teams is not offered in Microsoft 365 " +
                "government clouds (GCC, GCC High, DoD); ACS users and Teams identities may not reach this tenant's Teams.")
            : RuleOutcome.Pass($"Connected to the {tenant.Cloud} cloud, where ACS Teams interoperability is offered.");

    private static RuleOutcome CheckAcsPrincipal(TenantFacts tenant) =>
        tenant.AcsPrincipalId is { } id
            ? RuleOutcome.Pass($"The tenant has the Azure Communication Services service principal ({id}).")
            : RuleOutcome.Fail($"The tenant has no service principal for Azure Communication Services (appId {AcsFirstPartyApp.AppId}): " +
                "Teams users' sign-in to an ACS app fails with \"...lacks a service principal for ... (Azure Communication Services)\".",
                "New-AcsTeamsServicePrincipal");

    private static RuleOutcome CheckRegistration(TenantFacts tenant, AppFacts app) =>
        app.Registration is { } registration
            ? RuleOutcome.Pass($"The app registration '{registration.DisplayName}' (object id {registration.Id}) is " +
                "in this tenant; its settings are checked below.")
            : RuleOutcome.Skipped($"No app registration with appId {app.AppId} in tenant {tenant.TenantId}: it is registered in another tenant (the ISV's). " +
                "Run this check there, connected to that tenant, to check its permissions and settings.");

    private static RuleOutcome CheckPermissions(TenantFacts tenant, AppFacts app)
    {
        if (app.Registration is not { } registration)
        {
            return NotHere(app);
        }

        var requested = registration.RequiredResourceAccess
            .Where(resource => resource.IsFor(AcsFirstPartyApp.AppId))
            .SelectMany(resource => resource.Permissions)
            .ToArray();
        bool Has(AcsScope scope) => tenant.AcsScopes
            .Where(known => known.Scope == scope)
            .Any(known => requested.Any(permission => permission.SameAs(known.Permission)));
        var missing = AppFacts.Required.Where(scope => !Has(scope)).Select(scope => scope.Value).ToArray();
        var legacy = Has(AcsScope.Voip)
            ? " It also requests the legacy preview-era VoIP permission, which no longer does anything: it can stay or go."
            : string.Empty;
        return missing.Length == 0
            ? RuleOutcome.Pass($"'{registration.DisplayName}' requests {string.Join(" and ", AppFacts.Required.Select(scope => scope.Value))} of Azure " +
                $"Communication Services.{legacy}")
            : RuleOutcome.Fail($"'{registration.DisplayName}' does not request {string.Join(" and ", missing)} of Azure Communication " +
                $"Services; the Teams token exchange needs both.{legacy}",
                $"Set-AcsVoipPermission -AppId {app.AppId}");
    }

    private static RuleOutcome CheckPublicClientFlows(TenantFacts tenant, AppFacts app) =>
        app.Registration is not { } registration ? NotHere(app)
        : registration.IsFallbackPublicClient == true
            ? RuleOutcome.Pass($"'{registration.DisplayName}' allows public client flows (isFallbackPublicClient).")
            : RuleOutcome.Fail($"'{registration.DisplayName}' does not allow public client flows: " +
                "desktop and mobile clients (MSAL public client, as in the ACS Teams quickstart) cannot sign Teams users in.",
                $"Set-AcsVoipPermission -AppId {app.AppId} -AllowPublicClientFlows");

    private static RuleOutcome CheckRedirectUri(TenantFacts tenant, AppFacts app) =>
        app.Registration is not { } registration ? NotHere(app)
        : registration.PublicClientRedirectUris.Count > 0
            ? RuleOutcome.Pass($"'{registration.DisplayName}' has the public client redirect URI(s) " +
                $"{string.Join(", ", registration.PublicClientRedirectUris)}.")
            : RuleOutcome.Fail($"'{registration.DisplayName}' has no public client (mobile and desktop) redirect URI: " +
                "MSAL's interactive sign-in has nowhere to return.",
                $"Set-AcsVoipPermission -AppId {app.AppId} -RedirectUri {PublicClientRedirectUri.Default.Value}");

    private static RuleOutcome CheckAudience(TenantFacts tenant, AppFacts app)
    {
        if (app.Registration is not { } registration)
        {
            return NotHere(app);
        }

        var audience = registration.SignInAudience ?? "(none)";
        if (SignInAudiences.IsMultiTenant(registration.SignInAudience))
        {
            return RuleOutcome.Pass($"'{registration.DisplayName}' is multi-tenant ({audience}): " +
                "users of customer tenants can sign in once their administrator consents.");
        }

        return app.MultiTenant
            ? RuleOutcome.Fail($"'{registration.DisplayName}' is {audience}: users of other tenants cannot sign " +
                "in, and their administrators cannot consent to it.",
                $"Set-AcsVoipPermission -AppId {app.AppId} -MultiTenant")
            : RuleOutcome.Pass($"'{registration.DisplayName}' is {audience}: only this tenant's users can sign in " +
                "(check with -MultiTenant if customers in other tenants use it).");
    }

    private static RuleOutcome CheckPublisher(TenantFacts tenant, AppFacts app)
    {
        if (app.Registration is not { } registration)
        {
            return NotHere(app);
        }

        if (!string.IsNullOrEmpty(registration.VerifiedPublisherId))
        {
            return RuleOutcome.Pass($"'{registration.DisplayName}' has the verified publisher {registration.VerifiedPublisherName}.");
        }

        return SignInAudiences.IsMultiTenant(registration.SignInAudience) || app.MultiTenant
            ? RuleOutcome.Warning($"'{registration.DisplayName}' has no verified publisher (publisher domain: {registration.PublisherDomain ?? "none"}): " +
                "users of customer tenants cannot consent themselves, so an administrator of every customer tenant must grant admin consent.",
                $"Grant-AcsAdminConsent -AppId {app.AppId} (connected to each customer tenant); to lift this, verify the publisher: " +
                $"Entra admin center > App registrations > '{registration.DisplayName}' > Branding & properties")
            : RuleOutcome.Pass($"'{registration.DisplayName}' has no verified publisher, which only matters for users of other tenants.");
    }

    private static RuleOutcome CheckClientPrincipal(TenantFacts tenant, AppFacts app) =>
        app.ClientPrincipalExists
            ? RuleOutcome.Pass($"The tenant has the service principal (enterprise application) of appId {app.AppId}.")
            : RuleOutcome.Fail($"The tenant has no service principal for appId {app.AppId}: nobody here has signed in to or consented to the app yet.",
                $"Grant-AcsAdminConsent -AppId {app.AppId}");

    private static RuleOutcome CheckConsent(TenantFacts tenant, AppFacts app)
    {
        if (!app.ClientPrincipalExists)
        {
            return RuleOutcome.Skipped($"Needs the app's service principal first (see {ReadinessCheckNames.ClientServicePrincipal}).");
        }

        if (tenant.AcsPrincipalId is not { } acs)
        {
            return RuleOutcome.Skipped($"Needs the Azure Communication Services service principal first (see {ReadinessCheckNames.AcsServicePrincipal}).");
        }

        var required = AppFacts.Required.Select(scope => scope.Value).ToArray();
        var grant = app.AcsGrant(acs);
        var granted = GrantScopes.Split(grant?.Scope);
        var missing = GrantScopes.Missing(granted, required);
        return missing.Count == 0
            ? RuleOutcome.Pass($"Tenant-wide consent covers {GrantScopes.Join(required)} (granted: {GrantScopes.Join(granted)}).")
            : RuleOutcome.Fail(grant is null
                    ? $"No tenant-wide (admin) consent for appId {app.AppId} to Azure Communication Services: " +
                      "every user would be asked, and most cannot consent."
                    : $"The tenant-wide consent for appId {app.AppId} lacks {GrantScopes.Join(missing)} (granted: {GrantScopes.Join(granted)}).",
                $"Grant-AcsAdminConsent -AppId {app.AppId}");
    }

    /// <summary>
    /// The Teams user (-TeamsUserId): in the tenant, able to sign in, and holding an enabled Microsoft Teams plan
    /// (service TeamspaceAPI in assignedPlans: TEAMS1 and its government and education variants). A Teams identity
    /// needs the three before any token exchange can help. Nothing here is for the module to fix: a licence is a
    /// purchase assigned by a licence administrator, so Initialize-AcsTeams never tries.
    /// </summary>
    public static RuleOutcome CheckTeamsUser(TenantFacts tenant, TeamsUserFacts? user)
    {
        if (user is null)
        {
            return RuleOutcome.Skipped("No Teams user given (-TeamsUserId: an object id or user principal name).");
        }

        if (!user.Found || user.Id is not { } id)
        {
            return RuleOutcome.Fail($"There is no user '{user.Reference}' in tenant {tenant.TenantId}: " +
                "a Teams user of an ACS app must be a member (or guest) of it. " +
                "Check -TeamsUserId (the user's object id or user principal name, Entra admin center > Users) and the tenant you are connected to.", null);
        }

        var who = user.UserPrincipalName ?? id;
        if (user.AccountEnabled == false)
        {
            return RuleOutcome.Fail($"The account of {who} is disabled (accountEnabled false): the user can sign in neither to Teams nor to your app. " +
                $"Enable it with Microsoft Graph PowerShell (the Remedy), or in the Entra admin center (Users > {who} > Edit properties).",
                $"Update-MgUser -UserId {id} -AccountEnabled:$true");
        }

        var teams = user.PlansOf(TeamsUserFacts.TeamsService);
        var calling = user.PlansOf(TeamsUserFacts.CallingService).Any(plan => plan.Usable)
            ? "It also has Teams calling (MicrosoftCommunicationsOnline)."
            : "It has no enabled MicrosoftCommunicationsOnline plan (Teams calling and meetings audio): check the licence if calls fail.";
        var assign = $"Assign {who} a licence that includes Microsoft Teams (service plan TEAMS1) in the Microsoft " +
            $"365 admin center (Users > Active users > {who} > " +
            "Licenses and apps), or with Microsoft Graph PowerShell (the Remedy). Initialize-AcsTeams does not assign licences: a licence is a purchase.";
        var remedy = $"Set-MgUserLicense -UserId {id} -AddLicenses @(@{{SkuId = '<skuId of a licence with Microsoft Teams, " +
            $"from Get-MgSubscribedSku>'}}) -RemoveLicenses @()";
        if (teams.FirstOrDefault(plan => plan.Usable) is { } usable)
        {
            var grace = string.Equals(usable.CapabilityStatus, "Warning", StringComparison.OrdinalIgnoreCase)
                ? " Its licence is in a grace period (Warning): renew it before it is suspended."
                : string.Empty;
            return RuleOutcome.Pass($"{who} is enabled and holds an enabled Microsoft Teams plan (TeamspaceAPI, {usable.CapabilityStatus}).{grace} {calling}");
        }

        if (teams.Count > 0)
        {
            var states = string.Join(", ", teams.Select(plan => plan.CapabilityStatus ?? "unknown").Distinct(StringComparer.OrdinalIgnoreCase));
            const string Need = "Teams users need an enabled Teams plan to sign in to Teams and to use a Teams identity with ACS.";
            if (teams.Any(plan => string.Equals(plan.CapabilityStatus, "Deleted", StringComparison.OrdinalIgnoreCase)))
            {
                // Deleted: the plan was turned off inside the licence (disabledPlans) or the licence was removed. Adding
                // another licence would not turn it on; assigning the same licence with no disabled plans does.
                return RuleOutcome.Fail($"{who} has a Microsoft Teams plan, but it is {states}: Teams is turned off in the user's licence, " +
                    $"or the licence was removed. {Need} Turn Microsoft Teams on in the licence (Microsoft 365 admin center > Users > " +
                    $"Active users > {who} > Licenses and apps), or assign the licence again with no disabled plans (the Remedy; it turns on " +
                    "every plan of that licence, so list any to keep off in DisabledPlans).",
                    $"Set-MgUserLicense -UserId {id} -AddLicenses @(@{{SkuId = '<skuId of the user's licence, from Get-MgUserLicenseDetail>'; " +
                    "DisabledPlans = @()}) -RemoveLicenses @()");
            }

            // Suspended or LockedOut: the subscription lapsed, for every user of it; no command on the user brings it back.
            return RuleOutcome.Fail($"{who} has a Microsoft Teams plan, but it is {states}: the subscription behind the licence has lapsed. " +
                $"{Need} Renew or reactivate the subscription (Microsoft 365 admin center > Billing > Your products). Otherwise: {assign}", remedy);
        }

        var services = user.Plans
            .Where(plan => plan.Usable)
            .Select(plan => plan.Service)
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        return RuleOutcome.Fail($"{who} holds no Microsoft Teams plan (no TeamspaceAPI in assignedPlans; enabled services: " +
            $"{(services.Length == 0 ? "none" : string.Join(", ", services))}). " +
            $"Teams users need a Teams licence to sign in to Teams and to use a Teams identity with ACS. {assign}", remedy);
    }

    private static RuleOutcome NotHere(AppFacts app) =>
        RuleOutcome.Skipped($"The app registration of appId {app.AppId} is not in this tenant (see {ReadinessCheckNames.AppRegistration}).");
}
