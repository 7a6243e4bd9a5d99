namespace AcsTeamsAdmin.Engine.Teams;

/// <summary>The verdict in one paragraph, built from the findings so it can never disagree with them.</summary>
internal static class VerdictText
{
    public static string Compose(
        string meetingPolicy,
        MeetingLobbyOptions? meeting,
        IReadOnlyList<JoinPolicyFinding> findings,
        bool waitsInLobby,
        IReadOnlyList<string> assumed)
    {
        string Settings(FindingEffect effect) =>
            string.Join(", ", findings.Where(f => f.Effect == effect && f.Source != SettingSource.Documented).Select(f => f.Setting));

        var parts = new List<string>();
        var organizers = meeting is null
            ? $"meetings organized by users with the meeting policy {meetingPolicy}"
            : $"{meeting.Description} (its organizer has the meeting policy {meetingPolicy})";
        var blockers = Settings(FindingEffect.Blocks);
        if (blockers.Length > 0)
        {
            var count = findings.Count(f => f.Effect == FindingEffect.Blocks);
            parts.Add($"ACS users cannot join {organizers}: blocked by {blockers}. Run the {(count == 1 ? "command" : $"{count} commands")} in Remedies.");
            if (waitsInLobby)
            {
                parts.Add("Once they can join, they will wait in the lobby.");
            }
        }
        else
        {
            parts.Add(waitsInLobby
                ? $"ACS users can join {organizers}, and wait in the lobby until someone admits them."
                : $"ACS users can join {organizers} without waiting in the lobby.");
        }

        var mayBlock = Settings(FindingEffect.MayBlock);
        if (mayBlock.Length > 0)
        {
            parts.Add($"Not confirmed: {mayBlock} may still stop them (see Findings).");
        }

        var lost = Settings(FindingEffect.FeatureLoss);
        if (lost.Length > 0)
        {
            parts.Add($"Features lost because of {lost}.");
        }

        if (assumed.Count > 0)
        {
            parts.Add($"Assumed the documented default for {assumed.Count} " +
                $"setting{(assumed.Count == 1 ? string.Empty : "s")} not given: {string.Join(", ", assumed)}.");
        }

        return string.Join(" ", parts);
    }
}
