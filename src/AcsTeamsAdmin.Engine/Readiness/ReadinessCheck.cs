using AcsTeamsAdmin.Engine.Presentation;

namespace AcsTeamsAdmin.Engine.Readiness;

/// <summary>
/// One readiness check's result: plain strings and enums only, so it prints as a table, converts to
/// JSON as is (ConvertTo-Json, --output json) and renders as markdown. Remedy is a command line to run
/// as written (with the actual ids), or null when there is nothing to fix.
/// </summary>
[DefaultDisplay("AppId", "Status:7", "Name:22", "Detail:50:words", "Remedy:words", GroupBy = "AppId", GroupByNullText = "(the tenant)")]
public record ReadinessCheck
{
    /// <summary>Stable, for scripts: see <see cref="ReadinessCheckNames"/>.</summary>
    public required string Name { get; init; }

    public required ReadinessStatus Status { get; init; }

    /// <summary>What was found, in words.</summary>
    public required string Detail { get; init; }

    /// <summary>The exact command that fixes a Fail (or lifts a Warning); null when none is needed or none exists.</summary>
    public string? Remedy { get; init; }

    public required ReadinessAppliesTo AppliesTo { get; init; }

    public required string TenantId { get; init; }

    /// <summary>The client app the check is about; null for checks of the tenant or the ACS resource.</summary>
    public string? AppId { get; init; }
}

/// <summary>The checks' names.</summary>
public static class ReadinessCheckNames
{
    public const string Cloud = "Cloud";
    public const string AcsServicePrincipal = "AcsServicePrincipal";
    public const string AppRegistration = "AppRegistration";
    public const string AppAcsPermissions = "AppAcsPermissions";
    public const string AppPublicClientFlows = "AppPublicClientFlows";
    public const string AppRedirectUri = "AppRedirectUri";
    public const string AppSignInAudience = "AppSignInAudience";
    public const string AppPublisher = "AppPublisher";
    public const string ClientServicePrincipal = "ClientServicePrincipal";
    public const string AdminConsent = "AdminConsent";
    public const string AcsEndpoint = "AcsEndpoint";
    public const string TeamsUser = "TeamsUser";
    public const string TeamsUserToken = "TeamsUserToken";
}
