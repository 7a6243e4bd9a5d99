using AcsTeamsAdmin.Engine.Presentation;

namespace AcsTeamsAdmin.Engine.Applications;

/// <summary>An app registration as far as ACS with Teams is concerned: our type, not the Graph SDK's. Holds no secret.</summary>
[DefaultDisplay(
    "Status", "DisplayName", "AppId", "SignInAudience", "AcsPermissions", "MissingAcsPermissions",
    "AllowPublicClientFlows", "PublicClientRedirectUris", "PublisherDomain", "VerifiedPublisher", AsList = true)]
public sealed record AppRegistrationInfo
{
    /// <summary>The object id (what PATCH /applications/{id} takes).</summary>
    public required string Id { get; init; }

    /// <summary>The Application (client) id.</summary>
    public required string AppId { get; init; }

    public required string DisplayName { get; init; }

    public required string TenantId { get; init; }

    public string? SignInAudience { get; init; }

    public bool IsMultiTenant { get; init; }

    /// <summary>The ACS delegated permissions the app requests, by name (an id the module cannot name is shown as the id).</summary>
    public IReadOnlyList<string> AcsPermissions { get; init; } = [];

    /// <summary>Of the ACS permissions asked for (by default Teams.ManageCalls and Teams.ManageChats), those the app does not request.</summary>
    public IReadOnlyList<string> MissingAcsPermissions { get; init; } = [];

    /// <summary>isFallbackPublicClient: the portal's "Allow public client flows".</summary>
    public bool AllowPublicClientFlows { get; init; }

    public IReadOnlyList<string> PublicClientRedirectUris { get; init; } = [];

    /// <summary>How many APIs requiredResourceAccess names (Entra allows 50).</summary>
    public int RequiredResourceCount { get; init; }

    /// <summary>How many permissions requiredResourceAccess holds over all APIs (Entra allows 400).</summary>
    public int RequiredPermissionCount { get; init; }

    /// <summary>Read-only: the domain Entra shows as the app's publisher domain.</summary>
    public string? PublisherDomain { get; init; }

    /// <summary>Read-only: the verified publisher's name (Microsoft Partner Network), or null when unverified.</summary>
    public string? VerifiedPublisher { get; init; }

    public bool IsPublisherVerified { get; init; }

    public required ApplicationStatus Status { get; init; }

    /// <summary>What this run changed, in words; empty when nothing.</summary>
    public IReadOnlyList<string> Changes { get; init; } = [];
}
