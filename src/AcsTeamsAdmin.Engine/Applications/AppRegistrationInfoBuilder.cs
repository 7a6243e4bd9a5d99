using AcsTeamsAdmin.Engine.ServicePrincipals;

namespace AcsTeamsAdmin.Engine.Applications;

/// <summary>Turns a read of the app into the output record, naming its ACS permissions.</summary>
internal static class AppRegistrationInfoBuilder
{
    /// <param name="app">The last read.</param>
    /// <param name="tenantId">The connected tenant.</param>
    /// <param name="known">Every ACS scope with the id this tenant uses for it, to name what the app requests.</param>
    /// <param name="wanted">The scopes asked for: the ones missing are listed.</param>
    /// <param name="status">What this run did.</param>
    /// <param name="changes">What it changed, in words.</param>
    public static AppRegistrationInfo Build(
        ApplicationSnapshot app,
        string tenantId,
        IReadOnlyList<ResolvedAcsScope> known,
        IReadOnlyList<ResolvedAcsScope> wanted,
        ApplicationStatus status,
        IReadOnlyList<string> changes)
    {
        var acs = app.RequiredResourceAccess.Where(resource => resource.IsFor(AcsFirstPartyApp.AppId)).SelectMany(resource => resource.Permissions).ToArray();
        var present = acs
            .Select(permission => known.FirstOrDefault(scope => scope.Permission.SameAs(permission))?.Scope.Value ?? $"{permission.Id} ({permission.Type})")
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        return new AppRegistrationInfo
        {
            Id = app.Id,
            AppId = app.AppId,
            DisplayName = app.DisplayName,
            TenantId = tenantId,
            SignInAudience = app.SignInAudience,
            IsMultiTenant = SignInAudiences.IsMultiTenant(app.SignInAudience),
            AcsPermissions = present,
            MissingAcsPermissions = wanted
                .Where(scope => !acs.Any(permission => permission.SameAs(scope.Permission)))
                .Select(scope => scope.Scope.Value)
                .ToArray(),
            AllowPublicClientFlows = app.IsFallbackPublicClient == true,
            PublicClientRedirectUris = app.PublicClientRedirectUris,
            RequiredResourceCount = app.RequiredResourceAccess.Count,
            RequiredPermissionCount = app.RequiredResourceAccess.Sum(resource => resource.Permissions.Count),
            PublisherDomain = app.PublisherDomain,
            VerifiedPublisher = app.VerifiedPublisherName,
            IsPublisherVerified = !string.IsNullOrEmpty(app.VerifiedPublisherId),
            Status = status,
            Changes = changes,
        };
    }

    /// <summary>
    /// Since November 2020 users cannot consent to a multi-tenant app from an unverified publisher
    /// (under the default consent settings), so every customer tenant needs an administrator's consent.
    /// </summary>
    public static void WarnAboutPublisher(AppRegistrationInfo info, Operations.IOperationLog log)
    {
        if (info.IsMultiTenant && !info.IsPublisherVerified)
        {
            log.Warning($"'{info.DisplayName}' (appId {info.AppId}) is multi-tenant and its publisher is not verified " +
                $"(publisher domain: {info.PublisherDomain ?? "none"}): " +
                "users in customer tenants cannot consent to it themselves, so an administrator of every customer tenant must grant admin consent. " +
                "Verify the publisher (App registrations > the app > Branding & properties, with a Microsoft AI Cloud Partner Program ID) to lift this.");
        }
    }
}
