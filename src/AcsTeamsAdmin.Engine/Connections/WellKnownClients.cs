namespace AcsTeamsAdmin.Engine.Connections;

/// <summary>First-party public clients the module signs in with when the user names none.</summary>
internal static class WellKnownClients
{
    /// <summary>
    /// "Microsoft Graph Command Line Tools", the public client Connect-MgGraph uses: it may ask for
    /// any delegated Graph scope, with consent, so admins need no app registration of their own.
    /// </summary>
    public const string GraphCommandLineTools = "14d82eec-204b-4c2f-b7e8-296a70dab67e";
}
