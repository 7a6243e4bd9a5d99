namespace AcsTeamsAdmin.Engine.Failures;

/// <summary>Error ids of admin consent: consent URLs, tenant-wide grants and their status.</summary>
public static partial class ErrorIds
{
    /// <summary>
    /// Entra ID would not create the client app's service principal: no application with that appId is
    /// visible to the tenant. Graph gives one answer for an appId that exists nowhere and for a
    /// single-tenant app registered in another tenant, so the message names both causes.
    /// </summary>
    public const string ClientAppNotFound = "ClientAppNotFound";
}
