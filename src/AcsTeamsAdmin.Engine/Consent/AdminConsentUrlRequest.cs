using AcsTeamsAdmin.Engine.Connections;

namespace AcsTeamsAdmin.Engine.Consent;

/// <summary>
/// What the user typed for one consent link, unparsed: <see cref="AdminConsentUrlBuilder.Build"/> parses
/// it (and names the offending parameter) so the cmdlet and acsteams reject the same input the same way.
/// </summary>
public sealed record AdminConsentUrlRequest
{
    public string? TenantId { get; init; }

    public string? ClientId { get; init; }

    public string? RedirectUri { get; init; }

    public string? State { get; init; }

    /// <summary>ACS scope names or full URIs; giving any asks for the v2 form.</summary>
    public IReadOnlyList<string>? Scope { get; init; }

    /// <summary>The v2 form even without -Scope (then with the default ACS scopes).</summary>
    public bool V2 { get; init; }

    public CloudEnvironment Environment { get; init; } = CloudEnvironment.Global;
}
