namespace AcsTeamsAdmin.Engine.Connections;

/// <summary>How Connect-AcsTeamsAdmin signs in; the same choices Connect-MgGraph offers, plus the sandbox.</summary>
public enum SignInMode
{
    /// <summary>A browser window; delegated (an admin's own rights).</summary>
    InteractiveBrowser,

    /// <summary>A code to enter on another device; delegated; for SSH sessions and containers.</summary>
    DeviceCode,

    /// <summary>An app registration's client secret; app-only.</summary>
    ClientSecret,

    /// <summary>An app registration's certificate (by thumbprint or object); app-only.</summary>
    Certificate,

    /// <summary>An Azure managed identity (system- or user-assigned); app-only; runbooks.</summary>
    ManagedIdentity,

    /// <summary>A Graph access token obtained elsewhere; used as-is until it expires.</summary>
    AccessToken,

    /// <summary>The built-in emulator, in process; nothing leaves the machine.</summary>
    Sandbox,
}
