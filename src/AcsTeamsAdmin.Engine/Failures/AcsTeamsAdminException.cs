namespace AcsTeamsAdmin.Engine.Failures;

/// <summary>
/// Every failure the engine reports. It carries what a PowerShell ErrorRecord needs (a specific
/// error id, a category, the user's input as the target, the recommended fix) and, for service
/// failures, what support asks for (status, service error code, request id). The inner exception is
/// always kept. Messages never contain a credential: see <see cref="SensitiveInput"/>.
/// </summary>
public sealed class AcsTeamsAdminException : Exception
{
    public AcsTeamsAdminException(
        string errorId,
        FailureCategory category,
        string message,
        string? recommendedAction = null,
        object? target = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(errorId);
        ErrorId = errorId;
        Category = category;
        RecommendedAction = recommendedAction;
        Target = target;
    }

    public AcsTeamsAdminException()
        : this(ErrorIds.Unexpected, FailureCategory.NotSpecified, "An unexpected error occurred.")
    {
    }

    public AcsTeamsAdminException(string message)
        : this(ErrorIds.Unexpected, FailureCategory.NotSpecified, message)
    {
    }

    public AcsTeamsAdminException(string message, Exception innerException)
        : this(ErrorIds.Unexpected, FailureCategory.NotSpecified, message, innerException: innerException)
    {
    }

    /// <summary>The same failure with another fix: for a caller that knows better than the layer that raised it.</summary>
    public AcsTeamsAdminException WithRecommendedAction(string recommendedAction) =>
        new(ErrorId, Category, Message, recommendedAction, Target, InnerException)
        {
            HttpStatus = HttpStatus,
            ServiceErrorCode = ServiceErrorCode,
            RequestId = RequestId,
            ClientRequestId = ClientRequestId,
            ServiceErrorTarget = ServiceErrorTarget,
            ParameterName = ParameterName,
            StopsCommand = StopsCommand,
        };

    /// <summary>Specific and stable: scripts match on it (e.g. "ApplicationNotFound").</summary>
    public string ErrorId { get; }

    public FailureCategory Category { get; }

    /// <summary>What the user should do next, in one or two sentences.</summary>
    public string? RecommendedAction { get; }

    /// <summary>The user's input that failed (an id, a URL), never a credential.</summary>
    public object? Target { get; }

    /// <summary>The HTTP status of a failed service call, when there was one.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>The service's own error code (e.g. Graph "Authorization_RequestDenied").</summary>
    public string? ServiceErrorCode { get; init; }

    /// <summary>The service's request id, for support cases.</summary>
    public string? RequestId { get; init; }

    /// <summary>The x-ms-client-request-id the client sent (ACS), for matching with the service's logs.</summary>
    public string? ClientRequestId { get; init; }

    /// <summary>What the service said it rejected (ACS errors' "target", e.g. "appId").</summary>
    public string? ServiceErrorTarget { get; init; }

    /// <summary>The parameter the failure is about, for input validation errors.</summary>
    public string? ParameterName { get; init; }

    /// <summary>
    /// Set by a front end for a failure that would repeat for every input although its id alone does not say so (no
    /// ACS resource named by the parameters, the session or the piped object): the command stops at the first.
    /// </summary>
    public bool StopsCommand { get; init; }

    /// <summary>
    /// True for a failure of the session rather than of one input: no connection, a sign-in (or the
    /// session's token) refused, a permission the session lacks, an endpoint that cannot be reached at
    /// all, or a service that still throttles after the retry budget. It would fail every other input the
    /// same way, so front ends stop the whole command at the first one instead of going on.
    /// </summary>
    public bool FailsEveryInput => StopsCommand || ErrorId is ErrorIds.NotConnected or ErrorIds.SignInFailed or ErrorIds.SignInCancelled
        or ErrorIds.ManagedIdentityUnavailable or ErrorIds.AccessTokenRejected or ErrorIds.EndpointUnreachable
        or ErrorIds.InsufficientPrivileges or ErrorIds.Throttled;

    /// <summary>
    /// The message and the fix in one text, for views that show only one line (PowerShell's default
    /// error view, the command line). The fix is not repeated when the message already ends with it.
    /// </summary>
    public string MessageWithFix =>
        RecommendedAction is null || Message.EndsWith(RecommendedAction, StringComparison.Ordinal)
            ? Message
            : $"{Message} {RecommendedAction}";

    /// <summary>
    /// A failure caused by bad input, raised before any network call. The message names the
    /// parameter and says how to fix it.
    /// </summary>
    public static AcsTeamsAdminException InvalidInput(
        string parameterName,
        object? value,
        string problem,
        string fix,
        string errorId = ErrorIds.InvalidInput) =>
        new(errorId, FailureCategory.InvalidArgument, $"{Parameter(parameterName)} {problem} {fix}", fix, value)
        {
            ParameterName = parameterName,
        };

    /// <summary>-ParameterName in PowerShell terms; the CLI translates to its own spelling where it prints.</summary>
    public static string Parameter(string parameterName) => $"-{parameterName}:";
}
