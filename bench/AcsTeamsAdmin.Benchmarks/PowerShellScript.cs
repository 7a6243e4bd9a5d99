namespace AcsTeamsAdmin.Benchmarks;

/// <summary>Text for the pwsh scripts the benchmark runs.</summary>
internal static class PowerShellScript
{
    /// <summary>A PowerShell single-quoted string literal: nothing inside is expanded.</summary>
    public static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
