using System.Globalization;
using AcsTeamsAdmin.Engine.Failures;

namespace AcsTeamsAdmin.Engine.Communication;

/// <summary>How long an ACS token lives: whole minutes in [60, 1440], as the service requires.</summary>
public readonly record struct AcsTokenLifetime
{
    public const int MinMinutes = 60;
    public const int MaxMinutes = 1440;

    private AcsTokenLifetime(int minutes) => Minutes = minutes;

    public int Minutes { get; }

    public static AcsTokenLifetime Parse(int minutes, string parameterName = "ExpiresInMinutes") =>
        minutes is < MinMinutes or > MaxMinutes
            ? throw AcsTeamsAdminException.InvalidInput(parameterName, minutes,
                $"{minutes.ToString(CultureInfo.InvariantCulture)} is out of range.",
                $"Pass whole minutes from {MinMinutes} (1 hour) to {MaxMinutes} (24 hours, the default).",
                ErrorIds.InvalidTokenLifetime)
            : new AcsTokenLifetime(minutes);

    public override string ToString() => Minutes.ToString(CultureInfo.InvariantCulture) + " min";
}
