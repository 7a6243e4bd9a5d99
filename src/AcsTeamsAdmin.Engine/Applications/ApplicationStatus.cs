namespace AcsTeamsAdmin.Engine.Applications;

/// <summary>What this run did to the app registration in the output.</summary>
public enum ApplicationStatus
{
    /// <summary>Read only; or it already had everything asked for, so nothing was written.</summary>
    Existing,

    /// <summary>This run changed it (see <see cref="AppRegistrationInfo.Changes"/>).</summary>
    Updated,

    /// <summary>This run registered it.</summary>
    Created,
}
