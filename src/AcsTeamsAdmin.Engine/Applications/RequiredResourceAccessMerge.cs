using AcsTeamsAdmin.Engine.Failures;

namespace AcsTeamsAdmin.Engine.Applications;

/// <summary>
/// Adds permissions to an app's requiredResourceAccess without losing anything. Graph's PATCH replaces
/// the whole list, so whatever this returns is what the app will have: every resource and permission
/// that was there stays, in its order and spelling; nothing already present is added twice; nothing
/// is ever removed. Pure (no I/O), so it can be tested over thousands of generated manifests.
/// </summary>
public static class RequiredResourceAccessMerge
{
    /// <summary>Entra ID's limit on the APIs one app may request permissions from.</summary>
    public const int MaxResources = 50;

    /// <summary>Entra ID's limit on the permissions one app may request, over all APIs.</summary>
    public const int MaxPermissions = 400;

    /// <param name="current">The list just read from the app.</param>
    /// <param name="addition">The resource and the permissions it must include.</param>
    /// <returns>The list to write and what it adds; <see cref="RequiredResourceAccessMergeResult.Changed"/> false means write nothing.</returns>
    /// <exception cref="AcsTeamsAdminException">RequiredResourceAccessLimit when the result would pass 50 resources or 400 permissions.</exception>
    public static RequiredResourceAccessMergeResult Merge(IReadOnlyList<RequiredResource> current, RequiredResource addition)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(addition);

        // An app may (oddly) list the same resource twice: a permission under either entry counts as present.
        var present = current.Where(resource => resource.IsFor(addition.ResourceAppId)).SelectMany(resource => resource.Permissions).ToList();
        var added = new List<ResourceAccessEntry>();
        foreach (var permission in addition.Permissions)
        {
            if (!present.Exists(existing => existing.SameAs(permission)) && !added.Exists(existing => existing.SameAs(permission)))
            {
                added.Add(permission);
            }
        }

        if (added.Count == 0)
        {
            return new RequiredResourceAccessMergeResult(current, [], AddedResource: false);
        }

        var merged = current.ToList();
        var index = merged.FindIndex(resource => resource.IsFor(addition.ResourceAppId));
        if (index < 0)
        {
            merged.Add(new RequiredResource(addition.ResourceAppId, added));
        }
        else
        {
            // Appended after the entries already there, under the resource's own spelling of its appId.
            merged[index] = merged[index] with { Permissions = [.. merged[index].Permissions, .. added] };
        }

        CheckLimits(merged, added);
        return new RequiredResourceAccessMergeResult(merged, added, AddedResource: index < 0);
    }

    private static void CheckLimits(List<RequiredResource> merged, List<ResourceAccessEntry> added)
    {
        const string NothingChanged = "Nothing was changed.";
        const string Fix = "Remove permissions the app no longer uses " +
            "(Entra admin center > App registrations > the app > API permissions), then run the command again.";
        if (merged.Count > MaxResources)
        {
            throw new AcsTeamsAdminException(ErrorIds.RequiredResourceAccessLimit, FailureCategory.LimitsExceeded,
                $"Adding {added.Count} permission(s) would make the app request permissions from {merged.Count} APIs; " +
                $"Entra ID allows at most {MaxResources} (requiredResourceAccess). {NothingChanged}",
                Fix);
        }

        var permissions = merged.Sum(resource => resource.Permissions.Count);
        if (permissions > MaxPermissions)
        {
            throw new AcsTeamsAdminException(ErrorIds.RequiredResourceAccessLimit, FailureCategory.LimitsExceeded,
                $"Adding {added.Count} permission(s) would make the app request {permissions} permissions; " +
                $"Entra ID allows at most {MaxPermissions} over all APIs (requiredResourceAccess). {NothingChanged}",
                Fix);
        }
    }
}

/// <param name="Merged">The list to write: the current one when nothing was added.</param>
/// <param name="Added">What the merge added, in order.</param>
/// <param name="AddedResource">True when the resource itself was not listed before.</param>
public sealed record RequiredResourceAccessMergeResult(IReadOnlyList<RequiredResource> Merged, IReadOnlyList<ResourceAccessEntry> Added, bool AddedResource)
{
    public bool Changed => Added.Count > 0;
}
