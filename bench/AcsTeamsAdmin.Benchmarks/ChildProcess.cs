using System.Diagnostics;
using System.Globalization;

namespace AcsTeamsAdmin.Benchmarks;

/// <summary>
/// Runs a program as its own process and times it from start to its first stdout line and to its exit. Where
/// /usr/bin/time exists the child runs under it, for its peak resident set (the kernel's maxrss, which .NET's
/// Process cannot read once the child has exited); it adds the same one exec to every program measured.
/// </summary>
internal static class ChildProcess
{
    private const string TimeTool = "/usr/bin/time";

    /// <summary>`dotnet &lt;dll&gt; args`.</summary>
    public static Task<ChildRun> RunAsync(string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        RunProgramAsync("dotnet", [dll, .. arguments], environment);

    public static async Task<ChildRun> RunProgramAsync(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var peakFile = File.Exists(TimeTool) ? Path.GetTempFileName() : null;
        var start = new ProcessStartInfo(peakFile is null ? program : TimeTool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (peakFile is not null)
        {
            foreach (var argument in new[] { "-f", "%M", "-o", peakFile, program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        // Plain text: the first-line time must not depend on a terminal's colour codes.
        start.Environment["NO_COLOR"] = "1";
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        TimeSpan? firstLine = null;
        var output = new List<string>();
        var error = process.StandardError.ReadToEndAsync();
        while (await process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            firstLine ??= watch.Elapsed;
            output.Add(line);
        }

        await process.WaitForExitAsync().ConfigureAwait(false);
        watch.Stop();
        double? peakMiB = null;
        if (peakFile is not null)
        {
            // time(1) writes "Command exited with non-zero status N" before the figure when the child fails.
            var lines = await File.ReadAllLinesAsync(peakFile).ConfigureAwait(false);
            File.Delete(peakFile);
            peakMiB = lines.Length > 0 && long.TryParse(lines[^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kib) ? kib / 1024.0 : null;
        }

        return new ChildRun(process.ExitCode, firstLine ?? watch.Elapsed, watch.Elapsed, output, await error.ConfigureAwait(false)) { PeakMiB = peakMiB };
    }
}

internal sealed record ChildRun(int ExitCode, TimeSpan FirstOutput, TimeSpan Exit, IReadOnlyList<string> Output, string Error)
{
    /// <summary>The child's peak resident set in MiB, when /usr/bin/time could report it.</summary>
    public double? PeakMiB { get; init; }
}
