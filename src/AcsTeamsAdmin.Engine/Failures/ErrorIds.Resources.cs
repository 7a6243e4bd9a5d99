namespace AcsTeamsAdmin.Engine.Failures;

/// <summary>Error ids of the ACS resource in Azure Resource Manager (Get-AcsResource).</summary>
public static partial class ErrorIds
{
    /// <summary>No ACS resource of that name (in that resource group, or in any subscription the sign-in can see).</summary>
    public const string AcsResourceNotFound = "AcsResourceNotFound";

    /// <summary>Azure Resource Manager has no resource group of that name in the subscription (404 ResourceGroupNotFound).</summary>
    public const string ResourceGroupNotFound = "ResourceGroupNotFound";

    /// <summary>Azure Resource Manager knows no such subscription (404 SubscriptionNotFound).</summary>
    public const string SubscriptionNotFound = "SubscriptionNotFound";
}
