using AcsTeamsAdmin.Engine.Presentation;

namespace AcsTeamsAdmin.Engine.Readiness;

/// <summary>What Initialize-AcsTeams did about one check.</summary>
public enum SetupChange
{
    /// <summary>Nothing to do: the check passed already, or has nothing the setup fixes (a warning, a skipped check).</summary>
    NoChange,

    /// <summary>This run made the change; the check's status is the one after it.</summary>
    Changed,

    /// <summary>A change is needed and was not made: -WhatIf, or No at a -Confirm prompt.</summary>
    WouldChange,

    /// <summary>Not this run's to make: its role was not asked for (-Role), or the app is registered in another tenant.</summary>
    NotApplicable,

    /// <summary>The change was tried and failed; <see cref="SetupCheck.ChangeDetail"/> says why.</summary>
    Failed,
}

/// <summary>
/// One readiness check as Initialize-AcsTeams leaves it: the status after the run, and what the run did about it.
/// A <see cref="ReadinessCheck"/> too, so it goes wherever a readiness report goes (-AsMarkdown, scripts).
/// </summary>
[DefaultDisplay("AppId", "Status:7", "Change:13", "Name:22", "Detail:words", GroupBy = "AppId", GroupByNullText = "(the tenant)")]
public sealed record SetupCheck : ReadinessCheck
{
    public required SetupChange Change { get; init; }

    /// <summary>What was written (or would be), why nothing was, or why the write failed; null when nothing was needed.</summary>
    public string? ChangeDetail { get; init; }
}
