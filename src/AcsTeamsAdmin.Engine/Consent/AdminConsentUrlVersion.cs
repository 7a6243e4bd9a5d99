namespace AcsTeamsAdmin.Engine.Consent;

/// <summary>Which Entra ID admin consent endpoint a URL uses.</summary>
public enum AdminConsentUrlVersion
{
    /// <summary>/{tenant}/adminconsent: consents to every permission the app registration lists.</summary>
    V1,

    /// <summary>/{tenant}/v2.0/adminconsent: consents to the scopes in the URL; needs redirect_uri.</summary>
    V2,
}
