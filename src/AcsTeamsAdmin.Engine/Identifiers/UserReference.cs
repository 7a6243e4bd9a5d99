using System.Globalization;
using AcsTeamsAdmin.Engine.Validation;

namespace AcsTeamsAdmin.Engine.Identifiers;

/// <summary>
/// A user named the two ways Entra ID admins name one: the object id (a GUID) or the user principal name
/// (adele@fabrikam.onmicrosoft.com, guests with #EXT#). Parsed before any network call; Graph takes either as the
/// key of /users/{key}.
/// </summary>
public sealed record UserReference
{
    private UserReference(Guid? objectId, string? userPrincipalName)
    {
        ObjectId = objectId;
        UserPrincipalName = userPrincipalName;
    }

    /// <summary>The object id, when the user was named by it.</summary>
    public Guid? ObjectId { get; }

    /// <summary>The user principal name, when the user was named by it (as typed, trimmed).</summary>
    public string? UserPrincipalName { get; }

    /// <summary>The key of /users/{key}, escaped for a URL path (a guest's '#' must not end the path).</summary>
    public string GraphKey => ObjectId is { } id ? id.ToString("D", CultureInfo.InvariantCulture) : Uri.EscapeDataString(UserPrincipalName!);

    public static UserReference FromObjectId(Guid objectId) => new(objectId, null);

    /// <summary>Parses an object id or a user principal name; the error names <paramref name="parameterName"/>.</summary>
    public static UserReference Parse(string parameterName, string? value)
    {
        var (objectId, upn) = InputParser.ParseUser(parameterName, value);
        return new UserReference(objectId, upn);
    }

    public override string ToString() => ObjectId?.ToString("D", CultureInfo.InvariantCulture) ?? UserPrincipalName!;
}
