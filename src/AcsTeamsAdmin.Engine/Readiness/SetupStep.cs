using AcsTeamsAdmin.Engine.Presentation;

namespace AcsTeamsAdmin.Engine.Readiness;

/// <summary>What one setup step did, or under -WhatIf would do.</summary>
public enum SetupStepResult
{
    /// <summary>Everything was already in place: nothing was written.</summary>
    NoChange,

    /// <summary>This run changed it.</summary>
    Changed,

    /// <summary>It needs a change that was not made: -WhatIf, or No at a -Confirm prompt.</summary>
    WouldChange,

    /// <summary>Not this tenant's or this role's to do (e.g. the app is registered in another tenant).</summary>
    NotApplicable,
}

/// <summary>One step of Initialize-AcsTeams, in the order run.</summary>
[DefaultDisplay("Order", "Step", "Result", "AppId", "Detail")]
public sealed record SetupStep
{
    public required int Order { get; init; }

    /// <summary>AcsServicePrincipal, AppRegistration or AdminConsent.</summary>
    public required string Step { get; init; }

    public required SetupRoles Role { get; init; }

    public required SetupStepResult Result { get; init; }

    /// <summary>What changed or would change, in words; or why nothing did.</summary>
    public required string Detail { get; init; }

    public required string TenantId { get; init; }

    /// <summary>The client app the step is about; null for the ACS service principal.</summary>
    public string? AppId { get; init; }
}
