namespace AcsTeamsAdmin.Engine.Failures;

/// <summary>
/// The kind of failure, named exactly like the members of System.Management.Automation.ErrorCategory
/// so the cmdlet layer maps by name (a test checks every member exists there). The engine cannot
/// reference System.Management.Automation, hence this mirror of the subset we use.
/// </summary>
public enum FailureCategory
{
    NotSpecified,
    InvalidArgument,
    InvalidData,
    InvalidOperation,
    InvalidResult,
    ObjectNotFound,
    OperationStopped,
    OperationTimeout,
    PermissionDenied,
    ResourceBusy,
    ResourceExists,
    ResourceUnavailable,
    SecurityError,
    ProtocolError,
    ConnectionError,
    AuthenticationError,
    LimitsExceeded,
    QuotaExceeded,
    NotEnabled,
}
