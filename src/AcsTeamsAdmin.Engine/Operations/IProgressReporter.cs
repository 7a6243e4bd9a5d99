namespace AcsTeamsAdmin.Engine.Operations;

/// <summary>Where long operations report progress: Write-Progress in a cmdlet, stderr in the CLI.</summary>
public interface IProgressReporter
{
    void Report(OperationProgress progress);
}

/// <param name="ActivityId">Distinguishes nested or parallel activities.</param>
/// <param name="Activity">What is being done overall.</param>
/// <param name="Status">The current step.</param>
/// <param name="PercentComplete">0-100, or -1 when unknown.</param>
/// <param name="Completed">True once the activity is over (Write-Progress -Completed).</param>
public sealed record OperationProgress(int ActivityId, string Activity, string Status, int PercentComplete, bool Completed = false);
