using System.Diagnostics;
using System.Text.Json;

namespace AcsTeamsAdmin.Tests.PowerShellModule;

/// <summary>
/// Runs tests/AcsTeamsAdmin.IsolationHost in its own process, so its default load context holds
/// only what the scenario put there, and reads the report it prints.
/// </summary>
internal static class IsolationHostRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>The host's build copies itself here (see its csproj), whatever the configuration.</summary>
    public static string HostAssembly =>
        Path.Combine(RepositoryLayout.Root, "out", "tests", "AcsTeamsAdmin.IsolationHost", "AcsTeamsAdmin.IsolationHost.dll");

    public static async Task<IsolationReport> RunAsync(string moduleFolder, params string[] options)
    {
        Assert.True(File.Exists(HostAssembly), $"The isolation host was not built to {HostAssembly}.");

        var start = new ProcessStartInfo(DotnetExecutable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(HostAssembly);
        start.ArgumentList.Add(moduleFolder);
        foreach (string option in options)
        {
            start.ArgumentList.Add(option);
        }

        using var process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(Timeout))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"The isolation host did not finish within {Timeout}.");
            }
        }

        string output = await stdout;
        string errors = await stderr;
        Assert.True(process.ExitCode == 0, $"The isolation host exited with {process.ExitCode}.\n{errors}\n{output}");
        return JsonSerializer.Deserialize<IsolationReport>(output)
            ?? throw new InvalidOperationException($"The isolation host printed no report.\n{errors}");
    }

    // `dotnet test` tells its children where the dotnet it runs is; an IDE's test host may not.
    private static string DotnetExecutable()
    {
        string? fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        string? current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? current
            : "dotnet";
    }
}
