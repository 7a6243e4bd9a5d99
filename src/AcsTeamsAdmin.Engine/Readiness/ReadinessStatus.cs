namespace AcsTeamsAdmin.Engine.Readiness;

/// <summary>One check's verdict. Only Fail makes acsteams exit 1; Warning is worth reading, Skipped did not apply or lacked input.</summary>
public enum ReadinessStatus
{
    Pass,
    Fail,
    Warning,
    Skipped,
}

/// <summary>Which identity model a check matters for (see about_AcsTeamsIdentityModels).</summary>
public enum ReadinessAppliesTo
{
    /// <summary>Both bring-your-own-identity (ACS users) and Teams identity.</summary>
    Both,

    /// <summary>Bring your own identity: ACS users (8:acs:...) meeting Teams users.</summary>
    Byoi,

    /// <summary>Teams users signing in to a custom app and exchanging their Entra token.</summary>
    TeamsIdentity,
}
