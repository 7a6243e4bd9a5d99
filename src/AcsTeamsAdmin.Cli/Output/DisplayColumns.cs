using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.ServicePrincipals;

namespace AcsTeamsAdmin.Cli.Output;

/// <summary>
/// Which properties the readable output shows per type, in order: the same choice as the module's
/// format file (AcsTeamsAdmin.Format.ps1xml) makes for PowerShell. Types not listed show every property.
/// </summary>
internal static class DisplayColumns
{
    private static readonly Dictionary<Type, string[]> Columns = new()
    {
        [typeof(ConnectionInfo)] = ["TenantId", "Account", "SignInMode", "AppOnly", "Environment", "Permissions", "TokenExpiresOn"],
        [typeof(ServicePrincipalInfo)] = ["Status", "DisplayName", "AppId", "Id", "TenantId"],
    };

    public static IReadOnlyList<string> For(Type type) =>
        Columns.TryGetValue(type, out var columns)
            ? columns
            : type.GetProperties().Where(property => property.GetIndexParameters().Length == 0).Select(property => property.Name).ToArray();
}
