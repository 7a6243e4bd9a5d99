namespace AcsTeamsAdmin.Engine.Failures;

/// <summary>Error ids of the app registration cmdlets (Get-/New-AcsTeamsApplication, Set-AcsVoipPermission).</summary>
public static partial class ErrorIds
{
    /// <summary>Neither an application with that appId nor one with that object id is in the connected tenant.</summary>
    public const string ApplicationNotFound = "ApplicationNotFound";

    /// <summary>The id belongs to an app registered in another tenant (this tenant only has its service principal).</summary>
    public const string ApplicationInAnotherTenant = "ApplicationInAnotherTenant";

    /// <summary>Adding the permissions would pass Entra ID's 50-resource / 400-permission limits.</summary>
    public const string RequiredResourceAccessLimit = "RequiredResourceAccessLimit";

    /// <summary>Another writer kept changing the app while we wrote; our change could not be verified.</summary>
    public const string ApplicationChangedConcurrently = "ApplicationChangedConcurrently";

    /// <summary>Graph refused to make the app multi-tenant (e.g. identifierUris not on a verified domain).</summary>
    public const string SignInAudienceChangeRefused = "SignInAudienceChangeRefused";

    /// <summary>Several app registrations have the display name given to New-AcsTeamsApplication.</summary>
    public const string AmbiguousApplicationName = "AmbiguousApplicationName";

    /// <summary>-Scope names a permission the ACS application does not offer.</summary>
    public const string UnknownAcsScope = "UnknownAcsScope";
}
