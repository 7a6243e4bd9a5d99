namespace AcsTeamsAdmin.Engine.ServicePrincipals;

/// <summary>
/// A delegated permission of the Azure Communication Services first-party app. The ids come from
/// public scrapes of the app (no Microsoft document lists them): operations resolve them at run
/// time from the tenant's ACS service principal when it has one, and fall back to this table.
/// </summary>
/// <param name="Value">The scope's name, as in an access token's scp claim.</param>
/// <param name="Id">The oauth2PermissionScope id, as requiredResourceAccess names it.</param>
/// <param name="IsLegacy">True for the preview-era "VoIP" scope the seed documents use; no longer listed on the app.</param>
public sealed record AcsScope(string Value, Guid Id, bool IsLegacy = false)
{
    public static AcsScope TeamsManageCalls { get; } = new("Teams.ManageCalls", Guid.Parse("de8ec1df-066a-4817-bc5d-9a985b986262"));

    public static AcsScope TeamsManageChats { get; } = new("Teams.ManageChats", Guid.Parse("6290af7f-b407-49f9-92d5-bf584fdc4019"));

    public static AcsScope TeamsExtensionManageCalls { get; } = new("TeamsExtension.ManageCalls", Guid.Parse("9ed60762-c537-4e50-8984-4b1db3d922ce"));

    public static AcsScope Voip { get; } = new("VoIP", Guid.Parse("31f1efa3-6f54-4008-ac59-1bf1f0ff9958"), IsLegacy: true);

    /// <summary>Every scope the module knows, for lookups and argument completion.</summary>
    public static IReadOnlyList<AcsScope> Known { get; } = [TeamsManageCalls, TeamsManageChats, TeamsExtensionManageCalls, Voip];

    /// <summary>What the Teams token exchange needs, and what the module asks for by default.</summary>
    public static IReadOnlyList<AcsScope> Default { get; } = [TeamsManageCalls, TeamsManageChats];

    /// <summary>The full URI an app asks MSAL for, e.g. https://auth.msft.communication.azure.com/Teams.ManageCalls.</summary>
    public string Uri => $"{AcsFirstPartyApp.AppIdUri}/{Value}";

    /// <summary>A known scope by name, case-insensitive; null when unknown.</summary>
    public static AcsScope? Find(string value) =>
        Known.FirstOrDefault(scope => string.Equals(scope.Value, value, StringComparison.OrdinalIgnoreCase));
}
