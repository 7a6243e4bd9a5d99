namespace AcsTeamsAdmin.Engine.Consent;

/// <summary>What Grant-AcsAdminConsent did to the tenant-wide grant.</summary>
public enum AdminConsentChange
{
    /// <summary>Every scope was already granted: nothing was written.</summary>
    Unchanged,

    /// <summary>There was no grant for the client app and ACS; this run created it.</summary>
    Created,

    /// <summary>The grant existed; this run added the missing scopes and kept every other one.</summary>
    Updated,
}
