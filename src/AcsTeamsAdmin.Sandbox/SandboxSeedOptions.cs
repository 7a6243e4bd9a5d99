namespace AcsTeamsAdmin.Sandbox;

/// <summary>Variants of the default world, for tests that need a tenant in another shape.</summary>
public sealed record SandboxSeedOptions
{
    /// <summary>Provision the ACS first-party service principal in the customer tenant (Fabrikam) already.</summary>
    public bool AcsServicePrincipalInCustomer { get; init; }

    /// <summary>List the legacy VoIP scope on the ACS app (preview-era tenants still show it).</summary>
    public bool ListVoipScope { get; init; }

    /// <summary>Add a third tenant with nothing but its Microsoft Graph service principal and an admin.</summary>
    public bool IncludeEmptyTenant { get; init; }

    /// <summary>
    /// Fabrikam's Teams application access policy for its admin app (granted globally), so the admin app may create
    /// online meetings as an app. False seeds none: POST /users/{id}/onlineMeetings then answers 403
    /// "No Application Access Policy found for this app", as Graph does. (In a state file: tenants[].applicationAccessPolicies.)
    /// </summary>
    public bool MeetingPolicyForAdminApp { get; init; } = true;

    /// <summary>Creation time stamped on seeded objects.</summary>
    public DateTimeOffset CreatedAt { get; init; } = new(2024, 1, 15, 9, 0, 0, TimeSpan.Zero);
}
