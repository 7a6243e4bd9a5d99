namespace AcsTeamsAdmin.Engine.Failures;

/// <summary>Error ids of Teams online meetings (New-AcsTeamsMeeting).</summary>
public static partial class ErrorIds
{
    /// <summary>
    /// An app-only sign-in may create meetings for a user only when a Teams application access policy names the app
    /// and is granted to that user (or globally); Graph answers 403 "No application access policy found for this app".
    /// </summary>
    public const string ApplicationAccessPolicyMissing = "ApplicationAccessPolicyMissing";
}
