using System.Management.Automation;
using AcsTeamsAdmin.Engine.Failures;

namespace AcsTeamsAdmin.Infrastructure;

/// <summary>
/// Engine failures as PowerShell errors: the engine's error id, the category of the same name, the
/// user's input as the target, and the fix as ErrorDetails.RecommendedAction. The exception (with
/// its inner exception) is kept for $Error[0].Exception.
/// </summary>
internal static class ErrorRecordFactory
{
    public static ErrorRecord Create(AcsTeamsAdminException error)
    {
        var record = new ErrorRecord(error, error.ErrorId, ToErrorCategory(error.Category), error.Target);
        record.ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = error.RecommendedAction ?? string.Empty };
        return record;
    }

    // FailureCategory mirrors ErrorCategory member names; a test asserts each name exists in ErrorCategory.
    public static ErrorCategory ToErrorCategory(FailureCategory category) =>
        Enum.TryParse<ErrorCategory>(category.ToString(), out var mapped) ? mapped : ErrorCategory.NotSpecified;
}
