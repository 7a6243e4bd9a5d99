namespace AcsTeamsAdmin.Engine.Consent;

/// <summary>How much of the asked-for ACS consent the tenant has given the client app.</summary>
public enum AdminConsentState
{
    /// <summary>Every scope asked for is granted tenant-wide.</summary>
    Granted,

    /// <summary>A tenant-wide grant exists but lacks some of the scopes asked for.</summary>
    Partial,

    /// <summary>No tenant-wide grant of these scopes (or the client app or ACS has no service principal here).</summary>
    NotGranted,
}
