namespace AcsTeamsAdmin.Engine.Applications;

/// <summary>Graph's signInAudience values that matter here.</summary>
public static class SignInAudiences
{
    public const string SingleTenant = "AzureADMyOrg";
    public const string MultiTenant = "AzureADMultipleOrgs";
    public const string MultiTenantAndPersonal = "AzureADandPersonalMicrosoftAccount";
    public const string PersonalOnly = "PersonalMicrosoftAccount";

    /// <summary>Whether users of other Entra tenants can sign in (what an ISV's app needs).</summary>
    public static bool IsMultiTenant(string? audience) =>
        string.Equals(audience, MultiTenant, StringComparison.OrdinalIgnoreCase)
        || string.Equals(audience, MultiTenantAndPersonal, StringComparison.OrdinalIgnoreCase);
}
