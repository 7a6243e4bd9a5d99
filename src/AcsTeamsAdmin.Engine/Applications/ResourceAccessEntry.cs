namespace AcsTeamsAdmin.Engine.Applications;

/// <summary>One entry of a requiredResourceAccess resource: a permission id and "Scope" (delegated) or "Role" (application).</summary>
/// <param name="Id">The oauth2PermissionScope or appRole id on the resource.</param>
/// <param name="Type">"Scope" or "Role", kept exactly as read so a merge writes back what it found.</param>
public sealed record ResourceAccessEntry(Guid Id, string Type)
{
    public const string ScopeType = "Scope";
    public const string RoleType = "Role";

    /// <summary>Graph's (id, type) identity; type compared case-insensitively, as a human would read it.</summary>
    public bool SameAs(ResourceAccessEntry other) =>
        other is not null && Id == other.Id && string.Equals(Type, other.Type, StringComparison.OrdinalIgnoreCase);
}
