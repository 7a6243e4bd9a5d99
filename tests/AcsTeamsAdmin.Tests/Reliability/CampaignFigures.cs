using Xunit.Abstractions;

namespace AcsTeamsAdmin.Tests.Reliability;

/// <summary>
/// Where a campaign's figures go: the test's own output (shown with --logger "console;verbosity=detailed"),
/// stdout (xunit 2 does not capture Console, so a plain `dotnet test` log shows the line), and
/// TestResults/reliability-figures.txt beside the test assembly, so a run leaves a record to compare.
/// </summary>
internal static class CampaignFigures
{
    private static readonly object Gate = new();

    public static string FilePath { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "reliability-figures.txt");

    public static void Print(ITestOutputHelper output, string campaign, string figures)
    {
        ArgumentNullException.ThrowIfNull(output);
        var line = $"[reliability] {campaign}: {figures}";
        output.WriteLine(line);
        Console.WriteLine(line);
        lock (Gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            File.AppendAllText(FilePath, $"{DateTimeOffset.UtcNow:u} {line}{Environment.NewLine}");
        }
    }
}
