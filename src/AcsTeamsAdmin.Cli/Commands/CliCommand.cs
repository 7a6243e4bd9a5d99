namespace AcsTeamsAdmin.Cli.Commands;

/// <summary>One command: a cmdlet's twin, with the same name, parameters and engine call.</summary>
/// <param name="Name">The cmdlet's name; matched case-insensitively.</param>
/// <param name="Synopsis">One line for `acsteams help`.</param>
/// <param name="Parameters">The cmdlet's own parameters (connection options are global).</param>
/// <param name="RunAsync">Runs it; writes output through the invocation.</param>
internal sealed record CliCommand(
    string Name,
    string Synopsis,
    IReadOnlyList<CliParameter> Parameters,
    Func<CliInvocation, Task> RunAsync)
{
    /// <summary>
    /// False for commands that never sign in (offline ones): they take no sign-in options, so their
    /// own parameters may share a name with one (Get-AcsAdminConsentUrl's --tenant-id is the link's tenant).
    /// </summary>
    public bool Connects { get; init; } = true;
}
