using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Graph;
using AcsTeamsAdmin.Engine.Http;
using AcsTeamsAdmin.Engine.Operations;
using Microsoft.Graph.Models;

namespace AcsTeamsAdmin.Engine.Applications;

/// <summary>
/// Writes approved changes to an app registration and verifies them. Graph has no ETag on
/// applications, so the guard against another writer is: plan from a read taken just before the
/// write, re-read after it, and if our change is not there (someone wrote their stale copy over
/// ours), merge again into what is there now and write again, a bounded number of times. Every
/// write is a merge into the latest read, so whatever another writer added stays. Something asked for that the app
/// had at the plan's read, and lost to another writer since, is asked about (ShouldChange) and written like the rest:
/// the run ends with everything asked for, or an error, never "done" with part of it gone.
/// </summary>
internal sealed class ApplicationWriter(
    AcsTeamsAdminConnection connection,
    ApplicationSnapshot planned,
    AcsApplicationSettings settings,
    IReadOnlyList<ResolvedAcsScope> scopes,
    IReadOnlySet<ApplicationChangeKind> approved,
    OperationContext context)
{
    private readonly Dictionary<ApplicationChangeKind, string> _done = [];
    private readonly string _objectId = planned.Id;
    private readonly HashSet<ApplicationChangeKind> _approved = [.. approved];

    // The kinds of change the user was asked about: the plan's. Another kind that goes missing later is asked about once.
    private readonly HashSet<ApplicationChangeKind> _asked =
        [.. approved, .. ApplicationChangePlan.Create(planned, settings, scopes).Changes.Select(change => change.Kind)];

    /// <returns>The app as last read, and what was changed, in words.</returns>
    public async Task<(ApplicationSnapshot App, IReadOnlyList<string> Changes)> WriteAsync()
    {
        // Read again first, always: a -Confirm prompt may have waited minutes since the plan's read, and even
        // without one, whatever another writer did since is what the merge must go into (Graph has no ETag here).
        var current = await ApplicationReader.ReadAsync(connection, _objectId, context).ConfigureAwait(false);
        current = await WriteMergedPropertiesAsync(current).ConfigureAwait(false);
        current = await WriteAudienceAsync(current).ConfigureAwait(false);
        return (current, _done.Values.ToArray());
    }

    private async Task<ApplicationSnapshot> WriteMergedPropertiesAsync(ApplicationSnapshot current)
    {
        for (var attempt = 1; ; attempt++)
        {
            var plan = ApplicationChangePlan.Create(current, settings, scopes);
            AskAboutWhatWentMissing(plan, current);
            var patch = plan.BuildPatch(_approved);
            if (patch is null)
            {
                return current;
            }

            if (attempt > MaxAttempts)
            {
                throw new AcsTeamsAdminException(ErrorIds.ApplicationChangedConcurrently, FailureCategory.ResourceBusy,
                    $"'{current.DisplayName}' (appId {current.AppId}) was changed by someone else after each of {MaxAttempts} writes, and still lacks: " +
                    $"{string.Join("; ", plan.Pending(_approved).Select(change => change.Description))}.",
                    "Find out what else is changing the app registration (a deployment pipeline, another administrator), " +
                    "then run the command again; nothing of theirs was removed.",
                    current.AppId);
            }

            foreach (var change in plan.Pending(_approved).Where(change => change.Kind != ApplicationChangeKind.SignInAudience))
            {
                _done[change.Kind] = change.Description;
            }

            var took = AttemptTimer.Start();
            await PatchAsync(patch, current).ConfigureAwait(false);
            await SettleAsync(took.LastAttempt).ConfigureAwait(false);
            var verified = await ApplicationReader.ReadAsync(connection, _objectId, context).ConfigureAwait(false);
            var after = ApplicationChangePlan.Create(verified, settings, scopes);
            if (after.BuildPatch(_approved) is null && after.Changes.All(change => _asked.Contains(change.Kind)))
            {
                context.Log.Verbose($"Verified: '{verified.DisplayName}' now has the changes, " +
                    $"and the {verified.RequiredResourceAccess.Sum(r => r.Permissions.Count)} permission(s) it requests include every one it had.");
            }
            else
            {
                context.Log.Verbose($"Verification after write {attempt}: another writer changed '{verified.DisplayName}' and our change is not all " +
                    "there; merging again into the app as it is now.");
            }

            current = verified;
        }
    }

    private async Task<ApplicationSnapshot> WriteAudienceAsync(ApplicationSnapshot current)
    {
        var plan = ApplicationChangePlan.Create(current, settings, scopes);
        var change = plan.Pending(_approved).FirstOrDefault(candidate => candidate.Kind == ApplicationChangeKind.SignInAudience);
        if (change is null)
        {
            return current;
        }

        // Its own PATCH: Graph may refuse an audience change for reasons of the app's other properties
        // (identifierUris on unverified domains, ...); that must not cost the changes above, and a 400
        // here can only be about the audience.
        var took = AttemptTimer.Start();
        try
        {
            await PatchAsync(new Application { SignInAudience = SignInAudiences.MultiTenant }, current).ConfigureAwait(false);
        }
        catch (AcsTeamsAdminException error) when (error.HttpStatus == 400)
        {
            var kept = _done.Count == 0 ? "Nothing else was changed." : $"The other changes were made: {string.Join("; ", _done.Values)}.";
            throw new AcsTeamsAdminException(ErrorIds.SignInAudienceChangeRefused, FailureCategory.InvalidOperation,
                $"Microsoft Graph refused to make '{current.DisplayName}' (appId {current.AppId}) multi-tenant: {error.Message} {kept}",
                "Multi-tenant apps need identifierUris on a verified domain of the tenant or of the form api://<appId>: " +
                "fix them (App registrations > the app > Expose an API), or change 'Supported account types' under Authentication in the portal, " +
                "which names what blocks it; then run the command again.",
                current.AppId, error)
            {
                HttpStatus = error.HttpStatus,
                ServiceErrorCode = error.ServiceErrorCode,
                RequestId = error.RequestId,
            };
        }

        _done[change.Kind] = change.Description;
        await SettleAsync(took.LastAttempt).ConfigureAwait(false);
        var verified = await ApplicationReader.ReadAsync(connection, _objectId, context).ConfigureAwait(false);
        if (!SignInAudiences.IsMultiTenant(verified.SignInAudience))
        {
            throw new AcsTeamsAdminException(ErrorIds.ApplicationChangedConcurrently, FailureCategory.ResourceBusy,
                $"'{verified.DisplayName}' (appId {verified.AppId}) was set to {SignInAudiences.MultiTenant}, " +
                $"but reads back as {verified.SignInAudience}: someone changed it again.",
                "Find out what else is changing the app registration, then run the command again.", verified.AppId);
        }

        return verified;
    }

    /// <summary>
    /// A kind of change the plan did not need (the app had it) but the app now lacks: another writer's stale copy
    /// removed it. Asked about once, as the plan's changes were; declined, it stays out and the output lists it missing.
    /// </summary>
    private void AskAboutWhatWentMissing(ApplicationChangePlan plan, ApplicationSnapshot current)
    {
        foreach (var change in plan.Changes)
        {
            if (!_asked.Add(change.Kind))
            {
                continue;
            }

            context.Log.Verbose($"'{current.DisplayName}' no longer has what it had when planned: {change.Description}.");
            var target = $"app registration '{current.DisplayName}' (appId {current.AppId}) in tenant {connection.Info.TenantId}";
            if (context.Approval.ShouldChange(target, change.Description))
            {
                _approved.Add(change.Kind);
            }
        }
    }

    /// <summary>
    /// Waits before the verification read. Another writer that read the app before our PATCH (and so lacks our change)
    /// sends its own PATCH within about one request's time; verifying at once could see our change there, report it
    /// done, and then lose it to that stale write. Three times as long as our PATCH took, and at least 200 ms, covers
    /// such a write, so a change reported done is one that survived it (or is merged again). The PATCH's own time is
    /// its last attempt's: a Retry-After waited out before it says nothing about how long a request takes.
    /// </summary>
    private Task SettleAsync(TimeSpan patchTook)
    {
        var wait = TimeSpan.FromTicks(Math.Clamp(patchTook.Ticks * 3, MinimumSettle.Ticks, MaximumSettle.Ticks));
        return Task.Delay(wait, context.CancellationToken);
    }

    private static readonly TimeSpan MinimumSettle = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaximumSettle = TimeSpan.FromSeconds(10);

    private async Task PatchAsync(Application patch, ApplicationSnapshot current) =>
        await GraphCall.RunAsync(
            () => connection.Graph.Applications[_objectId].PatchAsync(patch, cancellationToken: context.CancellationToken),
            $"Changing the app registration '{current.DisplayName}' (appId {current.AppId})",
            current.AppId,
            GraphScopes.ApplicationReadWrite,
            context.CancellationToken).ConfigureAwait(false);

    private static int MaxAttempts => ApplicationOperations.MaxWriteAttempts;
}
