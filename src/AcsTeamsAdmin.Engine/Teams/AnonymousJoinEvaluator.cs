using N = AcsTeamsAdmin.Engine.Teams.TeamsSettingNames;
using V = AcsTeamsAdmin.Engine.Teams.TeamsSettingValues;

namespace AcsTeamsAdmin.Engine.Teams;

/// <summary>
/// The verdict for one organizer's meetings: a pure function of the settings, so every case can be
/// tested from a table. Settings not given take the documented default and are reported as assumed.
/// </summary>
public static class AnonymousJoinEvaluator
{
    /// <param name="settings">What was given; null values are assumed at their documented defaults.</param>
    /// <param name="acsResourceId">The ACS resource's immutable resource id, to check the federation allow-list; null when unknown.</param>
    public static AnonymousJoinVerdict Evaluate(TeamsJoinSettings settings, Guid? acsResourceId = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var meetingPolicy = settings.MeetingPolicy.Identity ?? V.Global;
        var findings = new FindingList(meetingPolicy);
        MeetingJoinChecks.Run(settings, findings);
        FederationChecks.Run(settings, acsResourceId, findings);
        DocumentedLimits.Add(findings);

        var sorted = findings.Sorted();
        var blocking = sorted.Where(finding => finding.Effect == FindingEffect.Blocks).ToArray();
        var waitsInLobby = sorted.Any(finding => finding.Effect == FindingEffect.Lobby);
        return new AnonymousJoinVerdict
        {
            MeetingPolicy = meetingPolicy,
            Meeting = settings.Meeting?.Subject,
            MeetingId = settings.Meeting?.MeetingId,
            CanJoin = blocking.Length == 0,
            WaitsInLobby = waitsInLobby,
            Verdict = VerdictText.Compose(meetingPolicy, settings.Meeting, sorted, waitsInLobby, findings.Assumed),
            BlockedBy = blocking.Select(finding => finding.Setting).ToArray(),
            // The blocks' fixes first, then, for one meeting, the lobby option that lets them in without waiting. The
            // policy-wide lobby fix stays a finding: admitting every anonymous user to every meeting is a choice to weigh.
            Remedies = blocking.Concat(sorted.Where(finding => finding.Effect == FindingEffect.Lobby && finding.Setting == N.LobbyBypassScope))
                .Select(finding => finding.Remedy).OfType<string>().ToArray(),
            AssumedDefaults = findings.Assumed.ToArray(),
            AcsResourceId = acsResourceId,
            Findings = sorted,
        };
    }
}
