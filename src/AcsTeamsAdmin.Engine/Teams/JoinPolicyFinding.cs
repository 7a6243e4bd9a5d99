using AcsTeamsAdmin.Engine.Presentation;

namespace AcsTeamsAdmin.Engine.Teams;

/// <summary>One setting checked, what it does to ACS users, and the command that changes it.</summary>
[DefaultDisplay("MeetingPolicy", "Effect:11", "Setting:34", "Value:26", "Source:14", "Remedy:words", GroupBy = "MeetingPolicy")]
public sealed record JoinPolicyFinding
{
    /// <summary>The property name, as the MicrosoftTeams object and its Set-Cs... parameter spell it.</summary>
    public required string Setting { get; init; }

    /// <summary>Which object holds it, e.g. "TeamsMeetingPolicy Global".</summary>
    public required string Configuration { get; init; }

    /// <summary>The value checked, as PowerShell would print it (True, Everyone, ACS, Teams).</summary>
    public required string Value { get; init; }

    public required SettingSource Source { get; init; }

    public required FindingEffect Effect { get; init; }

    /// <summary>What it means for ACS users, in a sentence or two.</summary>
    public required string Detail { get; init; }

    /// <summary>The exact MicrosoftTeams command that changes it, or null when there is nothing to change.</summary>
    public string? Remedy { get; init; }

    /// <summary>The organizer's meeting policy this finding belongs to, so findings of several policies can be told apart.</summary>
    public required string MeetingPolicy { get; init; }
}

/// <summary>What a setting does to ACS users, most severe first (findings are sorted this way).</summary>
public enum FindingEffect
{
    /// <summary>ACS users cannot join.</summary>
    Blocks,

    /// <summary>An extra step or condition that may stop ACS users, which this check cannot confirm.</summary>
    MayBlock,

    /// <summary>ACS users wait in the lobby until someone admits them.</summary>
    Lobby,

    /// <summary>ACS users join but lose a feature.</summary>
    FeatureLoss,

    /// <summary>Nothing in the way; said for completeness.</summary>
    Info,
}

/// <summary>Where a finding's value came from.</summary>
public enum SettingSource
{
    /// <summary>From the objects, the file or a parameter.</summary>
    Given,

    /// <summary>Not given: the documented default was assumed. Check it against the tenant.</summary>
    AssumedDefault,

    /// <summary>Not a setting: what Microsoft documents about ACS users in Teams meetings.</summary>
    Documented,
}
