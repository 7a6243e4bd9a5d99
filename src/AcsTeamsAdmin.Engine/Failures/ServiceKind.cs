namespace AcsTeamsAdmin.Engine.Failures;

/// <summary>Which service answered: error codes mean different things in each.</summary>
public enum ServiceKind
{
    Graph,
    EntraId,
    CommunicationIdentity,

    /// <summary>Azure Resource Manager (management.azure.com): the ACS resource itself.</summary>
    ResourceManager,
}
