namespace AcsTeamsAdmin.Tests.PowerShellModule;

// The JSON the isolation host prints (tests/AcsTeamsAdmin.IsolationHost/LoadReport.cs). The host
// references nothing of the tests' and the tests nothing of the host's, so the shape is repeated here.

internal sealed record IsolationReport(
    string? ModuleContext,
    bool EveryInitializeReturnedTheSameAssembly,
    EngineCallOutcome? EngineCall,
    IReadOnlyList<ProbeOutcome> Probes,
    IReadOnlyList<LoadedCopy> Assemblies)
{
    public IEnumerable<LoadedCopy> CopiesOf(string name) =>
        Assemblies.Where(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));

    public ProbeOutcome Probe(string kind, string name) =>
        Probes.Single(p => p.Kind == kind && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}

internal sealed record EngineCallOutcome(string Call, bool Succeeded, string? TenantId, string? Error);

internal sealed record ProbeOutcome(string Kind, string Name, bool Loaded, string? Location, string? Context, string? Error)
{
    public const string ViaModuleContext = "assembly via AcsTeamsAdmin";
    public const string ViaDefaultContext = "assembly via Default";
    public const string Native = "native";
}

internal sealed record LoadedCopy(string Name, string? Version, string? Location, string Context)
{
    public override string ToString() => $"{Name} {Version} in '{Context}' from {Location}";
}
