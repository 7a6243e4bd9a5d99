namespace AcsTeamsAdmin.Engine.Teams;

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
