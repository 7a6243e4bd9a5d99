namespace AcsTeamsAdmin.Tests.PowerShellModule;

/// <summary>
/// One run of the isolation host over the module folder exactly as the build lays it out, shared
/// by the tests that judge it: older Azure.Core and MSAL in the default context first, then the
/// module through its loader, then the engine's sandbox connection, then a few lookups by name.
/// </summary>
public sealed class ShippedModuleIsolationRun : IAsyncLifetime
{
    internal static readonly string[] ModuleContextLookups =
    [
        "System.Security.Cryptography.ProtectedData",
        "Azure.Identity",
        "Microsoft.Identity.Client",
        "System.Management.Automation",
        "AcsTeamsAdmin.Loader",
    ];

    internal static readonly string[] DefaultContextLookups =
    [
        "AcsTeamsAdmin",
        "AcsTeamsAdmin.Engine",
        "Azure.Core",
        "Azure.Identity",
    ];

    private IsolationReport? _report;

    internal IsolationReport Report => _report ?? throw new InvalidOperationException("The isolation host has not run.");

    public async Task InitializeAsync()
    {
        var options = new List<string>();
        options.AddRange(ModuleContextLookups.SelectMany(name => new[] { "--assembly", name }));
        options.AddRange(DefaultContextLookups.SelectMany(name => new[] { "--default-assembly", name }));
        _report = await IsolationHostRunner.RunAsync(RepositoryLayout.ModuleFolder, [.. options]);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
