namespace AcsTeamsAdmin.Engine.Presentation;

/// <summary>
/// The properties an output type shows by default, in order. The command line's readable output
/// uses it, and a test holds the module's format file (AcsTeamsAdmin.Format.ps1xml) to the same
/// columns, so PowerShell and acsteams show an object the same way.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class DefaultDisplayAttribute(params string[] properties) : Attribute
{
    public IReadOnlyList<string> Properties { get; } = properties;
}
