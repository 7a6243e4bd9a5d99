using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Validation;
using AcsTeamsAdmin.Engine.Graph;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.ServicePrincipals;
using Microsoft.Graph.Models;

namespace AcsTeamsAdmin.Engine.Applications;

/// <summary>
/// The ISV's app registration: read it, give it the ACS delegated permissions and public client
/// settings without losing anything it had, or register a new one with all of it.
/// Graph permissions: reading needs Application.Read.All; changing and registering need Application.ReadWrite.All.
/// </summary>
public static class ApplicationOperations
{
    /// <summary>How many times a write is merged again after another writer replaced it.</summary>
    public const int MaxWriteAttempts = 5;

    public static async Task<AppRegistrationInfo> GetAsync(AcsTeamsAdminConnection connection, AppIdOrObjectId id, OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(context);
        var app = await ApplicationReader.ResolveAsync(connection, id, context).ConfigureAwait(false);
        var known = await ResolvedAcsScope.ResolveKnownAsync(connection, context).ConfigureAwait(false);
        var info = AppRegistrationInfoBuilder.Build(
            app,
            connection.Info.TenantId,
            known,
            ResolvedAcsScope.Pick(known, AcsScope.Default, context.Log),
            ApplicationStatus.Existing,
            []);
        AppRegistrationInfoBuilder.WarnAboutPublisher(info, context.Log);
        return info;
    }

    /// <summary>
    /// The registrations whose display name matches <paramref name="pattern"/> (a name or a wildcard
    /// pattern), in name order. An empty list when none match: the caller decides whether that is an error.
    /// </summary>
    public static async Task<IReadOnlyList<AppRegistrationInfo>> FindAsync(
        AcsTeamsAdminConnection connection,
        DisplayNamePattern pattern,
        OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(context);
        var apps = await ApplicationReader.FindAsync(connection, pattern, context).ConfigureAwait(false);
        if (apps.Count == 0)
        {
            // As Get-Item does: a name that finds nothing is an error, a pattern that matches nothing is not.
            return pattern.HasWildcards ? [] : throw new AcsTeamsAdminException(ErrorIds.ApplicationNotFound, FailureCategory.ObjectNotFound,
                $"No app registration named '{pattern.Prefix}' in tenant {connection.Info.TenantId}.",
                "Check the name (Entra admin center > App registrations > All applications), " +
                "use a wildcard such as 'Contoso*', or connect to the app's home tenant.",
                pattern.Pattern);
        }

        var known = await ResolvedAcsScope.ResolveKnownAsync(connection, context).ConfigureAwait(false);
        var wanted = ResolvedAcsScope.Pick(known, AcsScope.Default, context.Log);
        var infos = apps.Select(app => AppRegistrationInfoBuilder.Build(
            app,
            connection.Info.TenantId,
            known,
            wanted,
            ApplicationStatus.Existing,
            [])).ToArray();
        foreach (var info in infos)
        {
            AppRegistrationInfoBuilder.WarnAboutPublisher(info, context.Log);
        }

        return infos;
    }

    /// <summary>
    /// Makes the app have <paramref name="settings"/>, merging into what it has. Returns the app as
    /// verified after the write (Status Updated), as read when it already had everything (Existing),
    /// or null when every change was declined (-WhatIf).
    /// </summary>
    public static async Task<AppRegistrationInfo?> SetAsync(
        AcsTeamsAdminConnection connection,
        AppIdOrObjectId id,
        AcsApplicationSettings settings,
        OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        var tenant = connection.Info.TenantId;
        var app = await ApplicationReader.ResolveAsync(connection, id, context).ConfigureAwait(false);
        var known = await ResolvedAcsScope.ResolveKnownAsync(connection, context).ConfigureAwait(false);
        var wanted = ResolvedAcsScope.Pick(known, settings.Scopes, context.Log);
        var plan = ApplicationChangePlan.Create(app, settings, wanted);
        if (plan.Changes.Count == 0)
        {
            context.Log.Verbose($"'{app.DisplayName}' (appId {app.AppId}) already has everything asked for; nothing to change.");
            return AppRegistrationInfoBuilder.Build(app, tenant, known, wanted, ApplicationStatus.Existing, []);
        }

        var target = $"app registration '{app.DisplayName}' (appId {app.AppId}) in tenant {tenant}";
        var approved = plan.Changes.Where(change => context.Approval.ShouldChange(target, change.Description)).Select(change => change.Kind).ToHashSet();
        if (approved.Count == 0)
        {
            return null;
        }

        var writer = new ApplicationWriter(connection, app, settings, wanted, approved, context);
        var (final, done) = await writer.WriteAsync().ConfigureAwait(false);
        var info = AppRegistrationInfoBuilder.Build(final, tenant, known, wanted, ApplicationStatus.Updated, done);
        if (approved.Contains(ApplicationChangeKind.SignInAudience))
        {
            AppRegistrationInfoBuilder.WarnAboutPublisher(info, context.Log);
        }

        return info;
    }

    /// <summary>
    /// Registers an app with everything ACS with Teams needs, in one POST. Graph allows several apps
    /// with one display name, so the name is looked up first: an app already registered under it is
    /// returned (Status Existing) and nothing is written; two or more are an error.
    /// </summary>
    public static async Task<AppRegistrationInfo?> NewAsync(
        AcsTeamsAdminConnection connection,
        string displayName,
        AcsApplicationSettings settings,
        OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        var name = ParseDisplayName(displayName);
        var tenant = connection.Info.TenantId;
        var existing = await ApplicationReader.FindByDisplayNameAsync(connection, name, context).ConfigureAwait(false);
        if (existing.Count > 1)
        {
            throw new AcsTeamsAdminException(ErrorIds.AmbiguousApplicationName, FailureCategory.InvalidOperation,
                $"Tenant {tenant} already has {existing.Count} app registrations named '{name}' " +
                $"(appIds {string.Join(", ", existing.Select(app => app.AppId))}).",
                "Choose another -DisplayName, or run Set-AcsVoipPermission -AppId with the appId of the one you mean.", name);
        }

        var known = await ResolvedAcsScope.ResolveKnownAsync(connection, context).ConfigureAwait(false);
        var wanted = ResolvedAcsScope.Pick(known, settings.Scopes, context.Log);
        if (existing.Count == 1)
        {
            var found = existing[0];
            var missing = ApplicationChangePlan.Create(found, settings, wanted).Changes;
            context.Log.Verbose($"Tenant {tenant} already has the app registration '{found.DisplayName}' (appId {found.AppId}); nothing registered.");
            if (missing.Count > 0)
            {
                context.Log.Warning($"The existing app registration '{found.DisplayName}' (appId {found.AppId}) lacks: " +
                    $"{string.Join("; ", missing.Select(change => change.Description))}. " +
                    $"Run Set-AcsVoipPermission -AppId {found.AppId} with the same switches to add them.");
            }

            return AppRegistrationInfoBuilder.Build(found, tenant, known, wanted, ApplicationStatus.Existing, []);
        }

        var body = NewApplicationBody(name, settings, wanted);
        var changes = Describe(body, wanted);
        if (!context.Approval.ShouldChange($"app registration '{name}' in tenant {tenant}", $"Register ({string.Join("; ", changes)})"))
        {
            return null;
        }

        var created = await PostAsync(connection, body, name, context).ConfigureAwait(false);
        context.Log.Verbose($"Registered '{created.DisplayName}' (appId {created.AppId}, object id {created.Id}) in tenant {tenant}.");
        var info = AppRegistrationInfoBuilder.Build(created, tenant, known, wanted, ApplicationStatus.Created, changes);
        AppRegistrationInfoBuilder.WarnAboutPublisher(info, context.Log);
        return info;
    }

    private static async Task<ApplicationSnapshot> PostAsync(AcsTeamsAdminConnection connection, Application body, string name, OperationContext context)
    {
        try
        {
            var created = await GraphCall.RunAsync(
                () => connection.Graph.Applications.PostAsync(body, cancellationToken: context.CancellationToken),
                $"Registering the app '{name}'", name, GraphScopes.ApplicationReadWrite, context.CancellationToken).ConfigureAwait(false);
            return ApplicationSnapshot.From(created ?? throw new InvalidOperationException("Graph answered the registration with no object."));
        }
        catch (AcsTeamsAdminException error) when (error.ErrorId is ErrorIds.ConnectionFailed or ErrorIds.ServiceTimeout)
        {
            // A POST is never re-sent blindly, but its answer may have been lost after Entra registered
            // the app: look before reporting a failure, so a re-run does not make a second one.
            var found = await ApplicationReader.FindByDisplayNameAsync(connection, name, context).ConfigureAwait(false);
            if (found.Count != 1)
            {
                throw;
            }

            context.Log.Verbose($"The answer to the registration was lost, but the app is there: appId {found[0].AppId}.");
            return found[0];
        }
    }

    private static Application NewApplicationBody(string name, AcsApplicationSettings settings, IReadOnlyList<ResolvedAcsScope> wanted) => new()
    {
        DisplayName = name,
        SignInAudience = settings.MultiTenant ? SignInAudiences.MultiTenant : SignInAudiences.SingleTenant,
        IsFallbackPublicClient = settings.AllowPublicClientFlows ? true : null,
        PublicClient = settings.RedirectUri is { } redirect ? new PublicClientApplication { RedirectUris = [redirect.Value] } : null,
        RequiredResourceAccess = ApplicationSnapshot.ToGraph([new RequiredResource(
            AcsFirstPartyApp.AppId,
            wanted.Select(scope => scope.Permission).ToArray())]),
    };

    private static List<string> Describe(Application body, IReadOnlyList<ResolvedAcsScope> wanted)
    {
        var changes = new List<string>
        {
            $"the Azure Communication Services delegated permission(s) {string.Join(", ", wanted.Select(scope => scope.Scope.Value))}"
        };
        if (body.IsFallbackPublicClient == true)
        {
            changes.Add("public client flows allowed");
        }

        if (body.PublicClient?.RedirectUris is [var redirect, ..])
        {
            changes.Add($"public client redirect URI {redirect}");
        }

        changes.Add($"signInAudience {body.SignInAudience}");
        return changes;
    }

    /// <summary>
    /// A name Entra accepts: not empty, at most 256 characters (Graph's limit for application.displayName), no
    /// control characters (a newline would make two lines of every listing and log). Echoed shortened, never whole.
    /// </summary>
    public static string ParseDisplayName(string? displayName, string parameterName = "DisplayName")
    {
        var trimmed = displayName?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw AcsTeamsAdminException.InvalidInput(parameterName, displayName, "is empty.",
                "Pass the name the app registration should have, such as 'Contoso Teams Calling'.", ErrorIds.MissingParameter);
        }

        if (trimmed.Length > MaxDisplayNameLength || trimmed.Any(char.IsControl))
        {
            var problem = trimmed.Length > MaxDisplayNameLength
                ? $"has {trimmed.Length} characters; Entra ID allows {MaxDisplayNameLength}."
                : "has a control character (a line break or tab) in it.";
            throw AcsTeamsAdminException.InvalidInput(parameterName, InputParser.Shorten(trimmed.ReplaceLineEndings(" ")), problem,
                $"Pass a name of at most {MaxDisplayNameLength} characters on one line, such as 'Contoso Teams Calling'.");
        }

        return trimmed;
    }

    private const int MaxDisplayNameLength = 256;
}
