namespace AcsTeamsAdmin.Engine.Failures;

/// <summary>
/// Stands in for a credential in error targets and messages. A token that failed validation is still
/// a token: it must never be echoed back, so errors carry this description instead.
/// </summary>
public sealed class SensitiveInput
{
    private SensitiveInput(string description) => Description = description;

    public string Description { get; }

    public static SensitiveInput Of(string kind) => new($"<{kind}: redacted>");

    public override string ToString() => Description;
}
