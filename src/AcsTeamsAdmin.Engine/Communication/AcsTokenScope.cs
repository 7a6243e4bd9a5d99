namespace AcsTeamsAdmin.Engine.Communication;

/// <summary>What an ACS access token allows.</summary>
public enum AcsTokenScope
{
    /// <summary>chat: full chat.</summary>
    Chat,

    /// <summary>voip: calling.</summary>
    Voip,

    /// <summary>chat.join: chat, limited to threads the user is added to (2023-10-01).</summary>
    ChatJoin,

    /// <summary>chat.join.limited: chat.join without adding or removing participants (2023-10-01).</summary>
    ChatJoinLimited,

    /// <summary>voip.join: join calls, not start them (2023-10-01).</summary>
    VoipJoin,
}
