using System.Runtime.InteropServices;

namespace AcsTeamsAdmin.Loader;

/// <summary>
/// The runtime identifiers whose assets fit this process, most specific first: the slice of the
/// RID graph NuGet packages actually use (win-x64, win; linux-musl-x64, linux-musl, linux-x64,
/// linux, unix; osx-arm64, osx, unix).
/// </summary>
internal static class RuntimeIdentifiers
{
    public static IReadOnlyList<string> ForCurrentProcess()
    {
        string architecture = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        // The runtime's own RID comes first. Distribution-built .NET reports its distribution
        // (e.g. ubuntu.24.04-x64), so the portable chain below is added whatever it says.
        var chain = new List<string> { RuntimeInformation.RuntimeIdentifier };

        if (OperatingSystem.IsWindows())
        {
            chain.Add($"win-{architecture}");
            chain.Add("win");
        }
        else
        {
            if (OperatingSystem.IsLinux())
            {
                if (RuntimeInformation.RuntimeIdentifier.Contains("musl", StringComparison.Ordinal))
                {
                    chain.Add($"linux-musl-{architecture}");
                    chain.Add("linux-musl");
                }

                chain.Add($"linux-{architecture}");
                chain.Add("linux");
            }
            else if (OperatingSystem.IsMacOS())
            {
                chain.Add($"osx-{architecture}");
                chain.Add("osx");
            }
            else if (OperatingSystem.IsFreeBSD())
            {
                chain.Add($"freebsd-{architecture}");
                chain.Add("freebsd");
            }

            chain.Add($"unix-{architecture}");
            chain.Add("unix");
        }

        return chain.Distinct(StringComparer.Ordinal).ToArray();
    }
}
