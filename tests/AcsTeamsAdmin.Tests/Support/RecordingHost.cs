using AcsTeamsAdmin.Engine.Operations;

namespace AcsTeamsAdmin.Tests.Support;

/// <summary>An engine host that records everything and answers ShouldChange as told (yes, or -WhatIf's no).</summary>
internal sealed class RecordingHost(bool approve = true) : IChangeApproval, IProgressReporter, IOperationLog
{
    public List<(string Target, string Action)> Asked { get; } = [];

    public List<string> Lines { get; } = [];

    public List<OperationProgress> Progress { get; } = [];

    public OperationContext Context(CancellationToken cancellationToken = default) => new(this, this, this, cancellationToken);

    public bool ShouldChange(string target, string action)
    {
        lock (Asked)
        {
            Asked.Add((target, action));
        }

        return approve;
    }

    public void Report(OperationProgress progress)
    {
        lock (Progress)
        {
            Progress.Add(progress);
        }
    }

    public void Verbose(string message) => Add("VERBOSE: " + message);

    public void Debug(string message) => Add("DEBUG: " + message);

    public void Warning(string message) => Add("WARNING: " + message);

    private void Add(string line)
    {
        lock (Lines)
        {
            Lines.Add(line);
        }
    }
}
