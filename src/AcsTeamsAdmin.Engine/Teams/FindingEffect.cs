namespace AcsTeamsAdmin.Engine.Teams;

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
