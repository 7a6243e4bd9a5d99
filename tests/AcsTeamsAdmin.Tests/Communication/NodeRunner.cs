using System.Diagnostics;

namespace AcsTeamsAdmin.Tests.Communication;

/// <summary>Finds node and npm, installs tests/contract's locked packages once (npm ci), and runs a script.</summary>
internal static class NodeRunner
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    public static string? NodePath { get; } = Find(OperatingSystem.IsWindows() ? "node.exe" : "node");

    public static string ContractFolder => Path.Combine(RepositoryLayout.Root, "tests", "contract");

    /// <summary>npm ci when the SDK is not installed yet, so a fresh clone works without a manual step.</summary>
    public static async Task EnsureInstalledAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            if (File.Exists(Path.Combine(ContractFolder, "node_modules", "@azure", "communication-identity", "package.json")))
            {
                return;
            }

            var npm = Find(OperatingSystem.IsWindows() ? "npm.cmd" : "npm") ?? throw new InvalidOperationException("node is installed but npm is not; install npm to run the contract test.");
            var (exit, output, error) = await RunAsync(npm, ["ci", "--no-audit", "--no-fund"], ContractFolder, new Dictionary<string, string>(), TimeSpan.FromMinutes(5));
            Assert.True(exit == 0, $"npm ci failed ({exit}):\n{output}\n{error}");
        }
        finally
        {
            InstallGate.Release();
        }
    }

    public static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(
        string file, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(file)} did not finish within {timeout}.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    private static string? Find(string executable) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, executable))
            .FirstOrDefault(File.Exists);
}
