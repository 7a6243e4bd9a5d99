using Microsoft.Graph.Models;

namespace AcsTeamsAdmin.Engine.Applications;

/// <summary>
/// What an app registration lacks compared with the settings asked for, computed from one read.
/// Planning again from a later read is also how a write is verified: a plan with nothing left to do
/// means the app has everything, whoever else changed it meanwhile.
/// </summary>
internal sealed class ApplicationChangePlan
{
    private readonly RequiredResourceAccessMergeResult _permissions;
    private readonly IReadOnlyList<string> _redirectUris;

    private ApplicationChangePlan(
        ApplicationSnapshot basis,
        IReadOnlyList<PlannedApplicationChange> changes,
        RequiredResourceAccessMergeResult permissions,
        IReadOnlyList<string> redirectUris)
    {
        Basis = basis;
        Changes = changes;
        _permissions = permissions;
        _redirectUris = redirectUris;
    }

    public ApplicationSnapshot Basis { get; }

    public IReadOnlyList<PlannedApplicationChange> Changes { get; }

    public static ApplicationChangePlan Create(ApplicationSnapshot app, AcsApplicationSettings settings, IReadOnlyList<ResolvedAcsScope> scopes)
    {
        var changes = new List<PlannedApplicationChange>();
        var addition = new RequiredResource(ServicePrincipals.AcsFirstPartyApp.AppId, scopes.Select(scope => scope.Permission).ToArray());
        var permissions = RequiredResourceAccessMerge.Merge(app.RequiredResourceAccess, addition);
        if (permissions.Changed)
        {
            var names = scopes.Where(scope => permissions.Added.Any(added => added.SameAs(scope.Permission))).Select(scope => scope.Scope.Value);
            changes.Add(new(ApplicationChangeKind.AcsPermissions,
                $"Add the Azure Communication Services delegated permission(s) {string.Join(", ", names)} to requiredResourceAccess, " +
                $"keeping the {app.RequiredResourceAccess.Sum(r => r.Permissions.Count)} permission(s) already there"));
        }

        if (settings.AllowPublicClientFlows && app.IsFallbackPublicClient != true)
        {
            changes.Add(new(ApplicationChangeKind.PublicClientFlows, "Allow public client flows (isFallbackPublicClient = true)"));
        }

        var redirectUris = app.PublicClientRedirectUris;
        if (settings.RedirectUri is { } redirect && !redirectUris.Contains(redirect.Value, StringComparer.Ordinal))
        {
            redirectUris = [.. redirectUris, redirect.Value];
            changes.Add(new(ApplicationChangeKind.RedirectUri, $"Add the public client (mobile and desktop) redirect URI {redirect.Value}"));
        }

        if (settings.MultiTenant && string.Equals(app.SignInAudience, SignInAudiences.PersonalOnly, StringComparison.OrdinalIgnoreCase))
        {
            // AzureADMultipleOrgs would lock out the personal-account users the app serves today: never do that silently.
            throw new Failures.AcsTeamsAdminException(Failures.ErrorIds.SignInAudienceChangeRefused, Failures.FailureCategory.InvalidOperation,
                $"'{app.DisplayName}' (appId {app.AppId}) accepts only personal Microsoft accounts; " +
                $"making it {SignInAudiences.MultiTenant} would lock those users out. Nothing was changed.",
                "To keep them and add work accounts, set 'Supported account types' to any organizational directory and personal Microsoft accounts " +
                $"({SignInAudiences.MultiTenantAndPersonal}) in the portal, then run the command again.",
                app.AppId);
        }

        if (settings.MultiTenant && !SignInAudiences.IsMultiTenant(app.SignInAudience))
        {
            changes.Add(new(ApplicationChangeKind.SignInAudience,
                $"Change signInAudience from {app.SignInAudience ?? "(none)"} to {SignInAudiences.MultiTenant} (multi-tenant)"));
        }

        return new ApplicationChangePlan(app, changes, permissions, redirectUris);
    }

    /// <summary>The changes among <paramref name="kinds"/> still to make.</summary>
    public IReadOnlyList<PlannedApplicationChange> Pending(IReadOnlySet<ApplicationChangeKind> kinds) =>
        Changes.Where(change => kinds.Contains(change.Kind)).ToArray();

    /// <summary>
    /// A PATCH body with only the properties that change. requiredResourceAccess and redirectUris are
    /// collections, which Graph replaces whole: they carry the merged lists, never just our entries.
    /// </summary>
    public Application? BuildPatch(IReadOnlySet<ApplicationChangeKind> kinds)
    {
        var pending = Pending(kinds).Select(change => change.Kind).ToHashSet();
        pending.Remove(ApplicationChangeKind.SignInAudience);
        if (pending.Count == 0)
        {
            return null;
        }

        var patch = new Application();
        if (pending.Contains(ApplicationChangeKind.AcsPermissions))
        {
            patch.RequiredResourceAccess = ApplicationSnapshot.ToGraph(_permissions.Merged);
        }

        if (pending.Contains(ApplicationChangeKind.PublicClientFlows))
        {
            patch.IsFallbackPublicClient = true;
        }

        if (pending.Contains(ApplicationChangeKind.RedirectUri))
        {
            patch.PublicClient = new PublicClientApplication { RedirectUris = [.. _redirectUris] };
        }

        return patch;
    }
}
