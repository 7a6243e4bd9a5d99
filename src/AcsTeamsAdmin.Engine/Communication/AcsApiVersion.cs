using AcsTeamsAdmin.Engine.Failures;

namespace AcsTeamsAdmin.Engine.Communication;

/// <summary>A released api-version of the ACS identity API, and the features it has.</summary>
public readonly record struct AcsApiVersion
{
    private AcsApiVersion(string value) => Value = value;

    /// <summary>Oldest first.</summary>
    public static IReadOnlyList<string> Released { get; } = ["2021-03-07", "2022-06-01", "2022-10-01", "2023-10-01", "2025-06-30"];

    /// <summary>2023-10-01: the newest version with every scope, and the one the current official SDKs use.</summary>
    public static AcsApiVersion Default { get; } = new("2023-10-01");

    public string Value { get; }

    /// <summary>POST /teamsUser/:exchangeAccessToken.</summary>
    public bool HasTeamsUserExchange => AtLeast("2022-06-01");

    /// <summary>expiresInMinutes on tokens (older versions ignore it and issue 24-hour tokens).</summary>
    public bool HasCustomExpiry => AtLeast("2022-10-01");

    /// <summary>The chat.join, chat.join.limited and voip.join scopes.</summary>
    public bool HasJoinScopes => AtLeast("2023-10-01");

    public static AcsApiVersion Parse(string? value, string parameterName = "ApiVersion")
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return Default;
        }

        return Released.Contains(trimmed, StringComparer.Ordinal)
            ? new AcsApiVersion(trimmed)
            : throw AcsTeamsAdminException.InvalidInput(
                parameterName,
                trimmed,
                $"'{Validation.InputParser.Shorten(trimmed)}' is not a released ACS identity api-version.",
                $"Pass one of {string.Join(", ", Released)}, or leave it out for {Default.Value}.",
                ErrorIds.UnsupportedApiVersion);
    }

    public override string ToString() => Value ?? Default.Value;

    private bool AtLeast(string minimum) => string.CompareOrdinal(ToString(), minimum) >= 0;
}
