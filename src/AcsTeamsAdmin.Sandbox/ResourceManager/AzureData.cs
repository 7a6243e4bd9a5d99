namespace AcsTeamsAdmin.Sandbox;

/// <summary>An Azure subscription as Azure Resource Manager knows it: its tenant, its resource groups, its role assignments.</summary>
public sealed class AzureSubscriptionData
{
    public string Id { get; set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary>The Entra tenant that owns it: only that tenant's tokens may read it (else 401 InvalidAuthenticationTokenTenant).</summary>
    public string TenantId { get; set; } = "";

    /// <summary>Enabled, Warned, PastDue, Disabled or Deleted.</summary>
    public string State { get; set; } = "Enabled";

    public IList<ResourceGroupData> ResourceGroups { get; } = new List<ResourceGroupData>();

    /// <summary>Azure RBAC: who holds which built-in role at which scope (the subscription, a group, or one resource).</summary>
    public IList<RoleAssignmentData> RoleAssignments { get; } = new List<RoleAssignmentData>();
}

public sealed class ResourceGroupData
{
    public string Name { get; set; } = "";

    public string Location { get; set; } = "westeurope";

    public IList<CommunicationServiceData> CommunicationServices { get; } = new List<CommunicationServiceData>();
}

/// <summary>A Microsoft.Communication/communicationServices resource.</summary>
public sealed class CommunicationServiceData
{
    public string Name { get; set; } = "";

    /// <summary>ACS resources are global.</summary>
    public string Location { get; set; } = "global";

    public string DataLocation { get; set; } = "United States";

    /// <summary>
    /// The data plane host; null for the resource the sandbox emulates itself, whose host is whatever address the
    /// client called (the in-process host or 127.0.0.1:port), so its endpoint always reaches the sandbox's ACS API.
    /// </summary>
    public string? HostName { get; set; }

    public string ImmutableResourceId { get; set; } = "";

    /// <summary>Base64 access keys; a null primary is the emulated resource's key (<see cref="SandboxData.AcsAccessKey"/>).</summary>
    public string? PrimaryKey { get; set; }

    /// <summary>Null: derived from the primary (the emulated ACS API accepts the primary key only).</summary>
    public string? SecondaryKey { get; set; }

    public string ProvisioningState { get; set; } = "Succeeded";
}

/// <summary>One Azure role assignment: a principal (user, service principal or managed identity object id), a role, a scope.</summary>
public sealed class RoleAssignmentData
{
    public string PrincipalId { get; set; } = "";

    /// <summary>Reader, Contributor, Owner or Communication and Email Service Owner.</summary>
    public string RoleName { get; set; } = "";

    /// <summary>/subscriptions/{id}, /subscriptions/{id}/resourceGroups/{name}, or a resource id.</summary>
    public string Scope { get; set; } = "";
}

/// <summary>One of a user's assignedPlans (a service plan of a licence), as Graph lists it.</summary>
public sealed class AssignedPlanData
{
    public DateTimeOffset AssignedDateTime { get; set; }

    /// <summary>Enabled, Warning, Suspended, Deleted or LockedOut.</summary>
    public string CapabilityStatus { get; set; } = "Enabled";

    /// <summary>E.g. TeamspaceAPI (Microsoft Teams), MicrosoftCommunicationsOnline (Teams calling), exchange, SharePoint.</summary>
    public string Service { get; set; } = "";

    public string ServicePlanId { get; set; } = "";
}

/// <summary>
/// A Teams application access policy (New-CsApplicationAccessPolicy, Grant-CsApplicationAccessPolicy): the apps it
/// names may create online meetings as an application for the users it is granted to, or for everyone when global.
/// </summary>
public sealed class ApplicationAccessPolicyData
{
    public string Identity { get; set; } = "";

    public IList<string> AppIds { get; } = new List<string>();

    /// <summary>Object ids of the users it is granted to.</summary>
    public IList<string> GrantedToUserIds { get; } = new List<string>();

    /// <summary>Granted to the whole tenant (Grant-CsApplicationAccessPolicy -Global).</summary>
    public bool Global { get; set; }
}
