namespace AcsTeamsAdmin.Engine.Teams;

/// <summary>
/// What holds for ACS users in every Teams meeting, whatever the settings (Azure Communication
/// Services "Teams meeting capabilities for Teams external users"; shared/reference section 5).
/// </summary>
internal static class DocumentedLimits
{
    private const string Capabilities = "ACS capabilities";

    public static void Add(FindingList findings)
    {
        findings.Add(Capabilities, "(Teams-only features)", string.Empty, SettingSource.Documented, FindingEffect.FeatureLoss,
            "Raised hand, together mode and breakout rooms are for Teams users only; ACS users do not get them.");
        findings.Add(Capabilities, "(meeting types)", string.Empty, SettingSource.Documented, FindingEffect.FeatureLoss,
            "ACS users cannot join webinars, town halls, live events or end-to-end encrypted meetings, whatever the policy.");
        findings.Add(Capabilities, "(meeting chat)", string.Empty, SettingSource.Documented, FindingEffect.Info,
            "Where chat is on, ACS users chat only while they are in the meeting, and not in channel meetings.");
        findings.Add(Capabilities, "(join link)", string.Empty, SettingSource.Documented, FindingEffect.Info,
            "Your application needs the meeting's join URL (Microsoft Graph onlineMeeting joinWebUrl, or the link in the invitation).");
    }
}
