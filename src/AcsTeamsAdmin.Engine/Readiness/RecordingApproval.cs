using AcsTeamsAdmin.Engine.Operations;

namespace AcsTeamsAdmin.Engine.Readiness;

/// <summary>
/// Passes every ShouldChange to the front end's gate (ShouldProcess: -WhatIf declines, -Confirm asks)
/// and remembers what was asked and answered, so each setup step can say whether it changed, would
/// change, or had nothing to change, without a planning mode of its own in the operations it calls.
/// </summary>
internal sealed class RecordingApproval(IChangeApproval inner) : IChangeApproval
{
    public List<(string Target, string Action, bool Approved)> Asked { get; } = [];

    public bool ShouldChange(string target, string action)
    {
        var approved = inner.ShouldChange(target, action);
        Asked.Add((target, action, approved));
        return approved;
    }

    public void Clear() => Asked.Clear();
}
