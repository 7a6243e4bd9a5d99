using System.Globalization;
using System.Text;

namespace AcsTeamsAdmin.Engine.Readiness;

/// <summary>
/// The readiness report as markdown for a change ticket: a verdict line, counts, then one table row per
/// check with its remedy as code, failures first. Holds what the checks hold: ids and names, never a secret.
/// </summary>
public static class ReadinessMarkdown
{
    private static readonly ReadinessStatus[] Order = [ReadinessStatus.Fail, ReadinessStatus.Warning, ReadinessStatus.Pass, ReadinessStatus.Skipped];

    public static string Render(IReadOnlyList<ReadinessCheck> checks, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var text = new StringBuilder();
        var tenants = string.Join(", ", checks.Select(check => check.TenantId).Distinct(StringComparer.OrdinalIgnoreCase));
        var failed = checks.Count(check => check.Status == ReadinessStatus.Fail);
        text.Append("# ACS with Teams readiness: tenant ").Append(tenants).Append('\n').Append('\n');
        text.Append(failed == 0 ? "**Ready**: no check failed." : "**Not ready**: " +
            $"{failed} check(s) failed; run each remedy, then check again.").Append('\n').Append('\n');
        text.Append(string.Join(", ", Order.Select(status => $"{checks.Count(check => check.Status == status)} {status}"))).Append('\n').Append('\n');
        text.Append("| Status | Check | App | Applies to | Detail | Remedy |\n|---|---|---|---|---|---|\n");
        foreach (var check in checks.OrderBy(check => Array.IndexOf(Order, check.Status)))
        {
            text.Append("| ").Append(check.Status)
                .Append(" | ").Append(Cell(check.Name))
                .Append(" | ").Append(Cell(check.AppId ?? string.Empty))
                .Append(" | ").Append(check.AppliesTo)
                .Append(" | ").Append(Cell(check.Detail))
                .Append(" | ").Append(check.Remedy is null ? string.Empty : "`" + Cell(check.Remedy).Replace("`", "'", StringComparison.Ordinal) + "`")
                .Append(" |\n");
        }

        text.Append('\n')
            .Append("Generated ")
            .Append(generatedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))
            .Append(" by Test-AcsTeamsReadiness (AcsTeamsAdmin).\n");
        return text.ToString();
    }

    // A table cell is one line, and a '|' would end it early.
    private static string Cell(string value) =>
        value.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
}
