using System.Globalization;
using AcsTeamsAdmin.Engine.Validation;

namespace AcsTeamsAdmin.Engine.Applications;

/// <summary>
/// An app registration's Application (client) ID or its Object ID: both are GUIDs, both are on the
/// registration's Overview page, and users paste whichever they have, so one parameter takes either
/// and the lookup tries both.
/// </summary>
public readonly record struct AppIdOrObjectId(Guid Value)
{
    public static AppIdOrObjectId Parse(string? value, string parameterName = "AppId") =>
        new(InputParser.ParseGuid(parameterName, value,
            "it is the Application (client) ID or the Object ID on the app registration's Overview page (Entra admin center > App registrations)."));

    public override string ToString() => Value.ToString("D", CultureInfo.InvariantCulture);
}
