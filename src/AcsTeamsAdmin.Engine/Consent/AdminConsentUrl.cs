using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Presentation;

namespace AcsTeamsAdmin.Engine.Consent;

/// <summary>
/// An admin consent link for one customer tenant. TenantId and ClientId are named like the
/// parameters of the consent cmdlets, so the object pipes straight into Get-AcsAdminConsent.
/// </summary>
[DefaultDisplay("TenantId", "ClientId", "Version", "Url", AsList = true)]
public sealed record AdminConsentUrl
{
    /// <summary>The tenant as it appears in the URL: a lower-case GUID or domain, or 'organizations'/'common'.</summary>
    public required string TenantId { get; init; }

    public required string ClientId { get; init; }

    public required AdminConsentUrlVersion Version { get; init; }

    /// <summary>The link to send to the customer's administrator.</summary>
    public required string Url { get; init; }

    public string? RedirectUri { get; init; }

    public string? State { get; init; }

    /// <summary>The full scope URIs a v2 link asks for; empty for v1, which consents to the app registration's list.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    public required CloudEnvironment Environment { get; init; }
}
