namespace AcsTeamsAdmin.Engine.Teams;

/// <summary>
/// Test-AcsAnonymousJoinPolicy's work, shared by the cmdlet and acsteams: one verdict per meeting
/// policy in the settings, each with the given parameter values taking precedence.
/// </summary>
public static class AnonymousJoinCheck
{
    /// <param name="document">The tenant's settings (objects, a file, or nothing).</param>
    /// <param name="overrides">Values given as parameters, and the meeting to judge (<see cref="TeamsJoinSettings.Meeting"/>).</param>
    /// <param name="acsResourceId">The ACS resource's immutable id, for the federation allow-list.</param>
    public static IReadOnlyList<AnonymousJoinVerdict> Run(TeamsSettingsDocument document, TeamsJoinSettings overrides, Guid? acsResourceId)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(overrides);
        IReadOnlyList<TeamsMeetingPolicySettings> policies = document.MeetingPolicies.Count == 0 ? [new()] : document.MeetingPolicies;
        return policies
            .Select(policy => new TeamsJoinSettings
            {
                MeetingConfiguration = document.MeetingConfiguration,
                MeetingPolicy = policy,
                AcsFederationConfiguration = document.AcsFederationConfiguration,
                ExternalAccessPolicy = document.ExternalAccessPolicy,
            }.OverriddenBy(overrides))
            .Select(settings => AnonymousJoinEvaluator.Evaluate(settings, acsResourceId))
            .ToArray();
    }

    /// <summary>The warning that settings were assumed, or null when every consulted setting was given.</summary>
    public static string? AssumptionWarning(AnonymousJoinVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict.AssumedDefaults.Count == 0
            ? null
            : $"Not given, so assumed at the documented default: {string.Join(", ", verdict.AssumedDefaults)}. " +
              "Give the MicrosoftTeams objects (or these values) to check the tenant's own settings.";
    }

    /// <summary>The -AcsResourceId value, parsed; null when not given.</summary>
    public static Guid? ParseAcsResourceId(string? value) =>
        value is null ? null : Validation.InputParser.ParseGuid("AcsResourceId", value,
            "it is the ACS resource's immutable resource id: pipe Get-AcsResource into this command, " +
            "or copy it from the resource's Overview page in the Azure portal.");
}
