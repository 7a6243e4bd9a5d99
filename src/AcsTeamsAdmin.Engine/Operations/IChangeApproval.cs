namespace AcsTeamsAdmin.Engine.Operations;

/// <summary>
/// "May I change this?" Every engine operation asks before each write. A cmdlet answers with
/// ShouldProcess (so -WhatIf and -Confirm work); the CLI answers from --what-if; tests answer yes or no.
/// </summary>
public interface IChangeApproval
{
    /// <param name="target">What would change, in the user's terms (e.g. "service principal for appId ... in tenant ...").</param>
    /// <param name="action">What would happen to it, in words (e.g. "Create").</param>
    /// <returns>True when the change may go ahead.</returns>
    bool ShouldChange(string target, string action);
}
