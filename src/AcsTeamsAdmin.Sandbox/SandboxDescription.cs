namespace AcsTeamsAdmin.Sandbox;

/// <summary>
/// The connection facts for one base address: where to authenticate, where Graph and ACS are, and which seeded
/// tenant, client and user to use. Serialises with <see cref="SandboxJson.Options"/> (camelCase).
/// </summary>
public sealed record SandboxDescription(
    Uri AuthorityHost,
    Uri GraphEndpoint,
    Uri AcsEndpoint,
    string AcsConnectionString,
    string TenantId,
    string AdminClientId,
    string AdminClientSecret)
{
    public IReadOnlyList<SandboxTenantDescription> Tenants { get; init; } = [];

    /// <summary>The ACS resource's immutable resource id (identities are 8:acs:&lt;this&gt;_&lt;guid&gt;).</summary>
    public string? AcsResourceId { get; init; }

    /// <summary>The ISV's multi-tenant app that will ask for the ACS Teams permissions.</summary>
    public string? IsvAppId { get; init; }

    public string? IsvTenantId { get; init; }

    public string? TeamsUserObjectId { get; init; }

    public string? TeamsUserPrincipalName { get; init; }

    /// <summary>Set AZURE_POD_IDENTITY_AUTHORITY_HOST to this for MSAL's IMDS client to reach the sandbox.</summary>
    public Uri? ImdsEndpoint { get; init; }

    /// <summary>IDENTITY_ENDPOINT for the App Service / Azure Automation managed identity source.</summary>
    public Uri? IdentityEndpoint { get; init; }

    /// <summary>IDENTITY_HEADER to go with <see cref="IdentityEndpoint"/>.</summary>
    public string? IdentityHeader { get; init; }

    /// <summary>Where the sandbox serves Azure Resource Manager: the same base address (subscriptions, ACS resources, listKeys).</summary>
    public Uri? ResourceManagerEndpoint { get; init; }

    /// <summary>The subscription that holds the emulated ACS resource (in the default tenant).</summary>
    public string? SubscriptionId { get; init; }

    /// <summary>The emulated ACS resource's name in Azure Resource Manager (its group is rg-communication).</summary>
    public string? AcsResourceName { get; init; }

    /// <summary>Client id of the system-assigned managed identity (the default tenant's).</summary>
    public string? ManagedIdentityClientId { get; init; }
}

public sealed record SandboxTenantDescription(
    string Id,
    string DisplayName,
    string Domain,
    string? AdminClientId,
    string? AdminClientSecret,
    string? AdminUserPrincipalName);
