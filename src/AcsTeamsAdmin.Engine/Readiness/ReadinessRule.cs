namespace AcsTeamsAdmin.Engine.Readiness;

/// <summary>A check's verdict before the run's ids are attached.</summary>
internal sealed record RuleOutcome(ReadinessStatus Status, string Detail, string? Remedy = null)
{
    public static RuleOutcome Pass(string detail) => new(ReadinessStatus.Pass, detail);

    public static RuleOutcome Fail(string detail, string? remedy) => new(ReadinessStatus.Fail, detail, remedy);

    public static RuleOutcome Warning(string detail, string? remedy = null) => new(ReadinessStatus.Warning, detail, remedy);

    public static RuleOutcome Skipped(string detail) => new(ReadinessStatus.Skipped, detail);
}

/// <summary>A tenant-level check: evaluated once per run over the shared reads.</summary>
internal sealed record TenantRule(string Name, ReadinessAppliesTo AppliesTo, Func<TenantFacts, RuleOutcome> Evaluate);

/// <summary>A per-app check: evaluated for each client app over its reads and the shared ones.</summary>
internal sealed record AppRule(string Name, ReadinessAppliesTo AppliesTo, Func<TenantFacts, AppFacts, RuleOutcome> Evaluate);
