namespace AcsTeamsAdmin.Engine.TeamsUsers;

/// <summary>How a Teams user signs in when MSAL's cache has no usable token.</summary>
public enum TeamsUserSignInMode
{
    /// <summary>The system browser, back to http://localhost.</summary>
    Interactive,

    /// <summary>A code to enter on another device: SSH sessions, containers, Cloud Shell.</summary>
    DeviceCode,
}
