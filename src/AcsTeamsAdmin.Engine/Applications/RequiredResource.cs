namespace AcsTeamsAdmin.Engine.Applications;

/// <summary>One requiredResourceAccess entry: the API (by appId) and the permissions the app asks of it.</summary>
/// <param name="ResourceAppId">The API's appId, kept exactly as read (Graph may return any casing).</param>
/// <param name="Permissions">In the order read.</param>
public sealed record RequiredResource(string ResourceAppId, IReadOnlyList<ResourceAccessEntry> Permissions)
{
    public bool IsFor(string resourceAppId) => string.Equals(ResourceAppId.Trim(), resourceAppId.Trim(), StringComparison.OrdinalIgnoreCase);
}
