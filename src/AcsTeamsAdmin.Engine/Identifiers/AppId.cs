using System.Globalization;
using AcsTeamsAdmin.Engine.Validation;

namespace AcsTeamsAdmin.Engine.Identifiers;

/// <summary>
/// An application (client) id, parsed. Operations take this type rather than a string, so every
/// front end parses (and rejects bad input) before anything touches the network.
/// </summary>
public readonly record struct AppId(Guid Value)
{
    public static AppId AcsFirstParty { get; } = new(Guid.Parse(ServicePrincipals.AcsFirstPartyApp.AppId));

    public static AppId Parse(string? value, string parameterName = "AppId") =>
        new(InputParser.ParseGuid(parameterName, value, "it is the Application (client) ID on the app registration's Overview page."));

    public override string ToString() => Value.ToString("D", CultureInfo.InvariantCulture);
}
