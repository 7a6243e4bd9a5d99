namespace AcsTeamsAdmin.Engine.ServicePrincipals;

/// <summary>How a service principal came to be in the output.</summary>
public enum ServicePrincipalStatus
{
    /// <summary>It was already there; nothing was changed.</summary>
    Existing,

    /// <summary>This run created it.</summary>
    Created,
}
