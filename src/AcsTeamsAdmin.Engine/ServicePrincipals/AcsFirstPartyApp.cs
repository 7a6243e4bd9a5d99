namespace AcsTeamsAdmin.Engine.ServicePrincipals;

/// <summary>The Azure Communication Services first-party application in Entra ID.</summary>
public static class AcsFirstPartyApp
{
    public const string AppId = "1fd5118e-2576-4263-8130-9503064c837a";

    public const string DisplayName = "Azure Communication Services";

    /// <summary>The App ID URI: the prefix of the Teams scopes an app asks MSAL for.</summary>
    public const string AppIdUri = "https://auth.msft.communication.azure.com";
}
