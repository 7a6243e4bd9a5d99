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
        // The default (concise) error view shows ErrorDetails.Message only: it carries the fix too.
        record.ErrorDetails = new ErrorDetails(error.MessageWithFix) { RecommendedAction = error.RecommendedAction ?? string.Empty };
        return record;
    }

    public static ErrorRecord Unexpected(Exception error)
    {
        var record = new ErrorRecord(error, ErrorIds.Unexpected, ErrorCategory.NotSpecified, null);
        record.ErrorDetails = new ErrorDetails($"Unexpected error ({error.GetType().Name}): {error.Message}")
        {
            RecommendedAction = "This is a bug in AcsTeamsAdmin. Please report it with the output of Get-Error.",
        };
        return record;
    }

    // FailureCategory mirrors ErrorCategory member names; a test asserts each name exists in ErrorCategory.
    public static ErrorCategory ToErrorCategory(FailureCategory category) =>
        Enum.TryParse<ErrorCategory>(category.ToString(), out var mapped) ? mapped : ErrorCategory.NotSpecified;
}
