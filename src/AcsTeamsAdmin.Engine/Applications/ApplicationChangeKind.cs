namespace AcsTeamsAdmin.Engine.Applications;

/// <summary>The separate changes an app registration may need; each is approved (ShouldProcess) on its own.</summary>
public enum ApplicationChangeKind
{
    AcsPermissions,
    PublicClientFlows,
    RedirectUri,
    SignInAudience,
}

/// <param name="Kind">Which property.</param>
/// <param name="Description">In words, for the What-if line and the output's Changes.</param>
public sealed record PlannedApplicationChange(ApplicationChangeKind Kind, string Description);
