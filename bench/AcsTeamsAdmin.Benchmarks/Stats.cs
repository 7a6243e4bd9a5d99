namespace AcsTeamsAdmin.Benchmarks;

/// <summary>Median and spread of whole-process runs, as every process scenario prints them.</summary>
internal static class Stats
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>Median time to exit, in ms.</summary>
    public static double Median(IReadOnlyList<ChildRun> runs) => Median(runs.Select(run => run.Exit.TotalMilliseconds));

    public static string Range(IReadOnlyList<ChildRun> runs) =>
        $"{runs.Min(run => run.Exit.TotalMilliseconds):0}..{runs.Max(run => run.Exit.TotalMilliseconds):0}";

    /// <summary>Median peak resident set in MiB, or "n/a" without /usr/bin/time.</summary>
    public static string Peak(IReadOnlyList<ChildRun> runs) =>
        runs.All(run => run.PeakMiB is not null) ? Median(runs.Select(run => run.PeakMiB!.Value)).ToString("0", System.Globalization.CultureInfo.InvariantCulture) : "n/a";
}
