namespace AcsTeamsAdmin.Sandbox.Communication;

/// <summary>The released api-versions of the ACS identity API and the features each one added.</summary>
internal static class AcsApiVersions
{
    public const string V20210307 = "2021-03-07";
    public const string V20220601 = "2022-06-01";
    public const string V20221001 = "2022-10-01";
    public const string V20231001 = "2023-10-01";
    public const string V20250630 = "2025-06-30";

    /// <summary>Oldest first; ISO dates compare correctly as ordinal strings.</summary>
    public static IReadOnlyList<string> Released { get; } = [V20210307, V20220601, V20221001, V20231001, V20250630];

    /// <summary>The api-supported-versions header, as the service lists them.</summary>
    public static string SupportedHeader { get; } = string.Join(", ", Released);

    public static bool IsReleased(string version) => Released.Contains(version, StringComparer.Ordinal);

    public static bool AtLeast(string version, string minimum) => string.CompareOrdinal(version, minimum) >= 0;

    /// <summary>The Teams user token exchange exists from 2022-06-01.</summary>
    public static bool HasTeamsExchange(string version) => AtLeast(version, V20220601);

    /// <summary>expiresInMinutes exists from 2022-10-01; older versions do not know the field and ignore it.</summary>
    public static bool HasCustomExpiry(string version) => AtLeast(version, V20221001);

    /// <summary>The scopes each version accepts: chat.join, chat.join.limited and voip.join came with 2023-10-01.</summary>
    public static bool KnowsScope(string version, string scope) => scope switch
    {
        "chat" or "voip" => true,
        "chat.join" or "chat.join.limited" or "voip.join" => AtLeast(version, V20231001),
        _ => false,
    };
}
