namespace AcsTeamsAdmin.Engine.Connections;

/// <summary>
/// The Graph permissions the module's cmdlets need, and no more. Connecting asks for exactly these
/// unless -Scopes says otherwise; each cmdlet's help names the subset it uses.
/// </summary>
public static class GraphScopes
{
    /// <summary>Read service principals and app registrations.</summary>
    public const string ApplicationRead = "Application.Read.All";

    /// <summary>Create service principals; change app registrations.</summary>
    public const string ApplicationReadWrite = "Application.ReadWrite.All";

    /// <summary>Read delegated consent grants (enough for reporting consent status).</summary>
    public const string DelegatedPermissionGrantRead = "DelegatedPermissionGrant.Read.All";

    /// <summary>Read, create and extend tenant-wide (admin) consent grants.</summary>
    public const string DelegatedPermissionGrantReadWrite = "DelegatedPermissionGrant.ReadWrite.All";

    /// <summary>Read any user's account and licences (accountEnabled, assignedPlans): the Teams user check of readiness.</summary>
    public const string UserReadAll = "User.Read.All";

    /// <summary>What a delegated sign-in asks for by default.</summary>
    public static IReadOnlyList<string> Default { get; } = [ApplicationReadWrite, DelegatedPermissionGrantReadWrite];

    /// <summary>Full scope URIs for a Graph resource, e.g. https://graph.microsoft.com/Application.ReadWrite.All.</summary>
    public static string[] Qualify(string graphResource, IEnumerable<string> scopes) =>
        scopes.Select(scope => scope.Contains("://", StringComparison.Ordinal) ? scope : $"{graphResource.TrimEnd('/')}/{scope}").ToArray();

    /// <summary>The app-only scope: whatever application permissions were granted to the app.</summary>
    public static string AppOnly(string graphResource) => $"{graphResource.TrimEnd('/')}/.default";
}
