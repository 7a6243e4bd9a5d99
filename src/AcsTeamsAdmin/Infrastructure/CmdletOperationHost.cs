using System.Management.Automation;
using AcsTeamsAdmin.Engine.Operations;

namespace AcsTeamsAdmin.Infrastructure;

/// <summary>The engine's seams, answered by a cmdlet: -WhatIf/-Confirm, Write-Progress and the log streams.</summary>
internal sealed class CmdletOperationHost(AsyncCmdlet cmdlet) : IChangeApproval, IProgressReporter, IOperationLog
{
    public bool ShouldChange(string target, string action) => cmdlet.AskShouldProcess(target, action);

    public void Report(OperationProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        cmdlet.PostProgress(new ProgressRecord(progress.ActivityId, progress.Activity, progress.Status)
        {
            PercentComplete = progress.PercentComplete,
            RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        });
    }

    public void Verbose(string message) => cmdlet.PostVerbose(message);

    public void Debug(string message) => cmdlet.PostDebug(message);

    public void Warning(string message) => cmdlet.PostWarning(message);
}
