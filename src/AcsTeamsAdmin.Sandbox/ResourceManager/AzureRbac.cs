namespace AcsTeamsAdmin.Sandbox.ResourceManager;

/// <summary>
/// Azure RBAC as far as the emulated calls need it: the built-in roles' actions, and assignments inherited down the
/// scope tree (subscription, resource group, resource). Custom roles are not modelled (ACS does not honour them).
/// </summary>
internal static class AzureRbac
{
    public const string SubscriptionRead = "Microsoft.Resources/subscriptions/read";
    public const string CommunicationRead = "Microsoft.Communication/CommunicationServices/read";
    public const string CommunicationListKeys = "Microsoft.Communication/CommunicationServices/ListKeys/action";

    /// <summary>Whether <paramref name="role"/> includes <paramref name="action"/>.</summary>
    public static bool Allows(string role, string action) => role switch
    {
        "Owner" or "Contributor" => true,
        "Reader" => action.EndsWith("/read", StringComparison.OrdinalIgnoreCase),
        "Communication and Email Service Owner" => action.StartsWith("Microsoft.Communication/", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>True when an assignment at <paramref name="scope"/> or above it gives <paramref name="principalId"/> the action.</summary>
    public static bool Can(AzureSubscriptionData subscription, string principalId, string scope, string action) =>
        subscription.RoleAssignments.Any(assignment =>
            string.Equals(assignment.PrincipalId, principalId, StringComparison.OrdinalIgnoreCase)
            && Covers(assignment.Scope, scope)
            && Allows(assignment.RoleName, action));

    /// <summary>Any role anywhere in the subscription: enough for it to appear in GET /subscriptions.</summary>
    public static bool HasAnyRole(AzureSubscriptionData subscription, string principalId) =>
        subscription.RoleAssignments.Any(assignment => string.Equals(assignment.PrincipalId, principalId, StringComparison.OrdinalIgnoreCase));

    private static bool Covers(string assigned, string scope)
    {
        var a = assigned.TrimEnd('/');
        var s = scope.TrimEnd('/');
        return string.Equals(a, s, StringComparison.OrdinalIgnoreCase)
            || (s.StartsWith(a, StringComparison.OrdinalIgnoreCase) && s.Length > a.Length && s[a.Length] == '/');
    }
}
