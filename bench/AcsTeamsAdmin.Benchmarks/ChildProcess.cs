using System.Diagnostics;

namespace AcsTeamsAdmin.Benchmarks;

/// <summary>Runs `dotnet &lt;dll&gt; args` as its own process and times it from start to its first stdout line and to its exit.</summary>
internal static class ChildProcess
{
    public static async Task<ChildRun> RunAsync(string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
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
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start dotnet {dll}.");
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
        return new ChildRun(process.ExitCode, firstLine ?? watch.Elapsed, watch.Elapsed, output, await error.ConfigureAwait(false));
    }
}

internal sealed record ChildRun(int ExitCode, TimeSpan FirstOutput, TimeSpan Exit, IReadOnlyList<string> Output, string Error);
