using static AcsTeamsAdmin.Engine.Teams.FindingList;
using N = AcsTeamsAdmin.Engine.Teams.TeamsSettingNames;
using V = AcsTeamsAdmin.Engine.Teams.TeamsSettingValues;

namespace AcsTeamsAdmin.Engine.Teams;

/// <summary>
/// ACS federation. It governs ACS users calling and chatting with Teams users; for meetings it
/// matters only when RequireAcsFederationForMeeting is true, and then the ACS resource must be
/// allowed and the organizer must not have opted out.
/// </summary>
internal static class FederationChecks
{
    private const string SetFederation = "Set-CsTeamsAcsFederationConfiguration";

    public static void Run(TeamsJoinSettings settings, Guid? acsResourceId, FindingList findings)
    {
        var federation = settings.AcsFederationConfiguration;
        var access = settings.ExternalAccessPolicy;
        var federationName = $"TeamsAcsFederationConfiguration {federation.Identity ?? V.Global}";
        var accessIdentity = access.Identity ?? V.Global;
        var accessName = $"ExternalAccessPolicy {accessIdentity}";

        var required = federation.RequireAcsFederationForMeeting ?? V.DefaultRequireAcsFederationForMeeting;
        findings.Add(federationName, N.RequireAcsFederationForMeeting, Show(required), SourceOf(federation.RequireAcsFederationForMeeting), FindingEffect.Info,
            required
                ? "Meetings admit ACS users only from ACS resources allowed for federation, " +
                  "and only when the organizer's external access policy allows ACS federation."
                : "Meetings do not require ACS federation, so EnableAcsUsers and AllowedAcsResources do not affect joining " +
                  "(they govern ACS users calling and chatting with Teams users).",
            required ? $"{SetFederation} -RequireAcsFederationForMeeting $false" : null);

        if (!required)
        {
            if (acsResourceId is { } resource)
            {
                ReportAllowList(federation, resource, findings, federationName);
            }

            if (access.EnableAcsFederationAccess == false)
            {
                findings.Add(accessName, N.EnableAcsFederationAccess, Show(false), SettingSource.Given, FindingEffect.Info,
                    "Does not affect joining meetings while RequireAcsFederationForMeeting is false; it does stop ACS users calling these users.");
            }

            return;
        }

        var enabled = federation.EnableAcsUsers ?? V.DefaultEnableAcsUsers;
        findings.Add(federationName, N.EnableAcsUsers, Show(enabled), SourceOf(federation.EnableAcsUsers),
            enabled ? FindingEffect.Info : FindingEffect.Blocks,
            enabled ? "Federation with ACS is on." : "Federation with ACS is off, and meetings require it: no ACS user can join.",
            enabled ? null : $"{SetFederation} -EnableAcsUsers $true");

        CheckAllowList(federation, acsResourceId, findings, federationName);

        var optedIn = access.EnableAcsFederationAccess ?? V.DefaultEnableAcsFederationAccess;
        findings.Add(accessName, N.EnableAcsFederationAccess, Show(optedIn), SourceOf(access.EnableAcsFederationAccess),
            optedIn ? FindingEffect.Info : FindingEffect.Blocks,
            optedIn
                ? "The organizer's external access policy allows ACS federation."
                : "The organizer's external access policy opts out of ACS federation, and meetings require it. " +
                  "Change the policy, or assign the organizers one that allows it.",
            optedIn ? null : $"Set-CsExternalAccessPolicy -Identity {RemedyCommand.Identity(accessIdentity)} -EnableAcsFederationAccess $true");
    }

    /// <summary>
    /// Meetings do not require federation, so the allow-list cannot block a join; with a resource given, it still says
    /// whether that resource is allowed, since that decides whether its users can call and chat with Teams users.
    /// </summary>
    private static void ReportAllowList(AcsFederationSettings federation, Guid resource, FindingList findings, string federationName)
    {
        var allowed = federation.AllowedAcsResources ?? [];
        var enabled = federation.EnableAcsUsers ?? V.DefaultEnableAcsUsers;
        var listed = enabled && IsListed(allowed, resource);
        var fix = enabled ? null : " -EnableAcsUsers $true";
        findings.Add(federationName, N.AllowedAcsResources, Show(allowed), SourceOf(federation.AllowedAcsResources), FindingEffect.Info,
            listed
                ? $"ACS resource {resource} is allowed for federation: its users can also call and chat with Teams users outside meetings."
                : $"ACS resource {resource} is {(enabled ? "not in the list" : "not allowed: ACS federation is off")}. " +
                  "Joining meetings is not affected (they do not require federation), " +
                  "but its users cannot call or chat with Teams users outside meetings.",
            listed
                ? null
                : $"{SetFederation}{fix} -AllowedAcsResources " +
                  $"{RemedyCommand.List([.. allowed.Where(entry => !IsListed([entry], resource)), resource.ToString()])}");
    }

    private static bool IsListed(IEnumerable<string> allowed, Guid resource) =>
        allowed.Any(entry => Guid.TryParse(entry, out var id) ? id == resource : string.Equals(
            entry.Trim(),
            resource.ToString(),
            StringComparison.OrdinalIgnoreCase));

    private static void CheckAllowList(AcsFederationSettings federation, Guid? acsResourceId, FindingList findings, string federationName)
    {
        var allowed = federation.AllowedAcsResources ?? [];
        var source = SourceOf(federation.AllowedAcsResources);
        var value = Show(allowed);

        // The Set cmdlet replaces the whole list: the fix keeps every resource already allowed.
        string Add(string id) => $"{SetFederation} -AllowedAcsResources {RemedyCommand.List([.. allowed, id])}";

        if (acsResourceId is not { } resource)
        {
            if (allowed.Count == 0)
            {
                findings.Add(federationName, N.AllowedAcsResources, value, source, FindingEffect.Blocks,
                    "No ACS resource is allowed, and meetings require federation: no ACS user can join. Pass -AcsResourceId to get the exact command.",
                    Add("<immutable-resource-id>"));
                return;
            }

            findings.Add(federationName, N.AllowedAcsResources, value, source, FindingEffect.MayBlock,
                "Only ACS users of these resources can join, and no -AcsResourceId was given, so whether yours is listed cannot be checked. " +
                "Pass -AcsResourceId (the resource's immutable resource id).");
            return;
        }

        var listed = IsListed(allowed, resource);
        findings.Add(federationName, N.AllowedAcsResources, value, source,
            listed ? FindingEffect.Info : FindingEffect.Blocks,
            listed
                ? $"ACS resource {resource} is allowed."
                : $"ACS resource {resource} is not allowed, and meetings require federation: its users cannot join.",
            listed ? null : Add(resource.ToString()));
    }
}
