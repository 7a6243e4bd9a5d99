using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Validation;
using static AcsTeamsAdmin.Engine.Teams.TeamsSettingNames;

namespace AcsTeamsAdmin.Engine.Teams;

/// <summary>
/// Turns a property bag (an object's properties by name) into the settings model. The cmdlets
/// convert PSObjects to such bags, the file loader converts JSON objects, the command line its
/// options: one reader, so every front end understands the same values.
/// </summary>
public static class TeamsSettingsReader
{
    /// <summary>The kinds whose identifying properties the bag has: exactly one for a MicrosoftTeams object.</summary>
    public static IReadOnlyList<TeamsSettingsKind> Recognize(IReadOnlyDictionary<string, object?> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        return PropertiesOf
            .Where(kind => kind.Value.Any(name => HasProperty(properties, name)))
            .Select(kind => kind.Key)
            .ToArray();
    }

    public static TeamsMeetingConfigurationSettings ReadMeetingConfiguration(IReadOnlyDictionary<string, object?> properties, SettingsOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(origin);
        return new()
        {
            Identity = SettingValueReader.Identity(properties),
            DisableAnonymousJoin = SettingValueReader.Bool(properties, DisableAnonymousJoin, origin),
        };
    }

    public static TeamsMeetingPolicySettings ReadMeetingPolicy(
        IReadOnlyDictionary<string, object?> properties,
        SettingsOrigin origin,
        string identityProperty = Identity)
    {
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(origin);
        return new()
        {
            Identity = SettingValueReader.Identity(properties, identityProperty),
            AllowAnonymousUsersToJoinMeeting = SettingValueReader.Bool(properties, AllowAnonymousUsersToJoinMeeting, origin),
            BlockedAnonymousJoinClientTypes = ClientTypes(properties, origin),
            AutoAdmittedUsers = SettingValueReader.Choice(properties, AutoAdmittedUsers, TeamsSettingValues.AutoAdmittedUsers, origin),
            AnonymousUserAuthenticationMethod = SettingValueReader.Choice(
                properties,
                AnonymousUserAuthenticationMethod,
                TeamsSettingValues.AnonymousUserAuthenticationMethods,
                origin),
            CaptchaVerificationForMeetingJoin = SettingValueReader.Choice(
                properties,
                CaptchaVerificationForMeetingJoin,
                TeamsSettingValues.CaptchaVerifications,
                origin),
            MeetingChatEnabledType = SettingValueReader.Choice(properties, MeetingChatEnabledType, TeamsSettingValues.MeetingChatEnabledTypes, origin),
        };
    }

    public static AcsFederationSettings ReadAcsFederation(IReadOnlyDictionary<string, object?> properties, SettingsOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(origin);
        var resources = SettingValueReader.List(properties, AllowedAcsResources, origin);
        if (origin.Strict && resources is not null)
        {
            // Typed by a user: a malformed id would silently never match, so refuse it now.
            resources = resources.Select(id => InputParser.ParseGuid(AllowedAcsResources, id,
                "each is an ACS resource's immutable resource id, on the resource's Overview page in the Azure portal.").ToString()).ToArray();
        }

        return new()
        {
            Identity = SettingValueReader.Identity(properties),
            EnableAcsUsers = SettingValueReader.Bool(properties, EnableAcsUsers, origin),
            AllowedAcsResources = resources,
            RequireAcsFederationForMeeting = SettingValueReader.Bool(properties, RequireAcsFederationForMeeting, origin),
        };
    }

    public static ExternalAccessPolicySettings ReadExternalAccessPolicy(IReadOnlyDictionary<string, object?> properties, SettingsOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(origin);
        return new()
        {
            Identity = SettingValueReader.Identity(properties),
            EnableAcsFederationAccess = SettingValueReader.Bool(properties, EnableAcsFederationAccess, origin),
        };
    }

    /// <summary>
    /// Values given one per parameter (the cmdlet's and the command line's explicit parameters), all
    /// checked strictly. The meeting policy's Identity comes as MeetingPolicyIdentity.
    /// </summary>
    public static TeamsJoinSettings ReadParameters(IReadOnlyDictionary<string, object?> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var origin = SettingsOrigin.Parameters;
        return new()
        {
            MeetingConfiguration = new() { DisableAnonymousJoin = SettingValueReader.Bool(parameters, DisableAnonymousJoin, origin) },
            MeetingPolicy = ReadMeetingPolicy(parameters, origin, MeetingPolicyIdentity),
            AcsFederationConfiguration = ReadAcsFederation(parameters, origin) with { Identity = null },
            ExternalAccessPolicy = new() { EnableAcsFederationAccess = SettingValueReader.Bool(parameters, EnableAcsFederationAccess, origin) },
        };
    }

    /// <summary>
    /// Reads a bag as <paramref name="expected"/>, refusing an object that is plainly another kind (e.g. a meeting policy passed
    /// as -MeetingConfiguration).
    /// </summary>
    public static TeamsJoinSettings ReadAs(TeamsSettingsKind expected, IReadOnlyDictionary<string, object?> properties, SettingsOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(origin);
        var kinds = Recognize(properties);
        if (!kinds.Contains(expected))
        {
            var looksLike = kinds.Count == 0 ? "has none of its properties" : $"looks like a {string.Join(" and ", kinds.Select(Cmdlet))} object";
            throw new AcsTeamsAdminException(ErrorIds.TeamsSettingsNotRecognized, FailureCategory.InvalidArgument,
                $"{AcsTeamsAdminException.Parameter(origin.ParameterName ?? expected.ToString())} {Capitalize(origin.Description)} is not " +
                $"the output of {Cmdlet(expected)}: it {looksLike}.",
                $"Pass the output of {Cmdlet(expected)} (it has {string.Join(", ", PropertiesOf[expected])}).", target: expected.ToString())
            {
                ParameterName = origin.ParameterName,
            };
        }

        return expected switch
        {
            TeamsSettingsKind.MeetingConfiguration => new() { MeetingConfiguration = ReadMeetingConfiguration(properties, origin) },
            TeamsSettingsKind.MeetingPolicy => new() { MeetingPolicy = ReadMeetingPolicy(properties, origin) },
            TeamsSettingsKind.AcsFederationConfiguration => new() { AcsFederationConfiguration = ReadAcsFederation(properties, origin) },
            _ => new() { ExternalAccessPolicy = ReadExternalAccessPolicy(properties, origin) },
        };
    }

    /// <summary>The MicrosoftTeams cmdlet that returns objects of this kind.</summary>
    public static string Cmdlet(TeamsSettingsKind kind) => kind switch
    {
        TeamsSettingsKind.MeetingConfiguration => "Get-CsTeamsMeetingConfiguration",
        TeamsSettingsKind.MeetingPolicy => "Get-CsTeamsMeetingPolicy",
        TeamsSettingsKind.AcsFederationConfiguration => "Get-CsTeamsAcsFederationConfiguration",
        _ => "Get-CsExternalAccessPolicy",
    };

    private static List<string>? ClientTypes(IReadOnlyDictionary<string, object?> properties, SettingsOrigin origin)
    {
        var types = SettingValueReader.List(properties, BlockedAnonymousJoinClientTypes, origin);
        if (types is null)
        {
            return null;
        }

        var result = new List<string>();
        foreach (var type in types)
        {
            var canonical = TeamsSettingValues.Canonical(type, TeamsSettingValues.ClientTypes);
            if (canonical is null && origin.Strict)
            {
                throw origin.Invalid(BlockedAnonymousJoinClientTypes, type, $"'{type}' is not a client type.", "Give ACS, Teams, both, or an empty list.");
            }

            result.Add(canonical ?? type);
        }

        return result;
    }

    private static bool HasProperty(IReadOnlyDictionary<string, object?> properties, string name) =>
        properties.Keys.Any(key => string.Equals(key, name, StringComparison.OrdinalIgnoreCase));

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
