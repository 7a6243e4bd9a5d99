namespace AcsTeamsAdmin.Engine.Failures;

/// <summary>
/// One row of <see cref="ServiceErrorMap"/>: a service answer (status and, optionally, the service's
/// error code) and what we make of it.
/// </summary>
/// <param name="Service">The service that answered.</param>
/// <param name="HttpStatus">The status, or null to match any.</param>
/// <param name="ServiceErrorCode">The service's code (case-insensitive), or null to match any.</param>
/// <param name="ErrorId">Our error id.</param>
/// <param name="Category">Our category.</param>
/// <param name="RecommendedAction">What the user should do.</param>
public sealed record ServiceErrorRule(
    ServiceKind Service,
    int? HttpStatus,
    string? ServiceErrorCode,
    string ErrorId,
    FailureCategory Category,
    string RecommendedAction)
{
    /// <summary>Rules naming both status and code win over rules naming one, which win over catch-alls.</summary>
    public int Specificity => (HttpStatus is null ? 0 : 1) + (ServiceErrorCode is null ? 0 : 2);

    public bool Matches(ServiceKind service, int status, string? code) =>
        Service == service
        && (HttpStatus is null || HttpStatus == status)
        && (ServiceErrorCode is null || string.Equals(ServiceErrorCode, code, StringComparison.OrdinalIgnoreCase));
}
