using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox.Internal;

namespace AcsTeamsAdmin.Sandbox.Graph;

/// <summary>
/// GET /users/{id | userPrincipalName} (the readiness Teams user check, the organizer lookup) and
/// POST /users/{id}/onlineMeetings (New-AcsTeamsMeeting).
/// Least privilege as Graph documents it: User.ReadBasic.All reads the basic profile only (selecting accountEnabled or
/// assignedPlans with it is 403), User.Read.All reads everything, a signed-in user may read themself with User.Read.
/// Online meetings: OnlineMeetings.ReadWrite.All as an app, and then only for a user a Teams application access policy
/// naming the app is granted to (or globally): else 403 "No application access policy found for this app";
/// OnlineMeetings.ReadWrite for a signed-in user, who may create meetings for themself only.
/// </summary>
internal static class UsersApi
{
    private const string Set = "users";

    private static readonly string[] DefaultProperties =
        [
            "businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation",
            "preferredLanguage", "surname", "userPrincipalName", "id"
        ];

    private static readonly string[] BasicProperties = ["id", "displayName", "givenName", "surname", "mail", "userPrincipalName"];

    private static readonly string[] LobbyScopes =
    [
        "organizer", "organization", "organizationAndFederated", "everyone", "invited", "organizationExcludingGuests"
    ];

    private static readonly JsonObject Template = Render(new UserData(), "");

    public static SandboxResponse Item(GraphContext c, string key)
    {
        if (c.Request.Method != "GET")
        {
            throw GraphErrors.MethodNotAllowed();
        }

        var query = ODataQuery.Parse(c.Request, "user", [], Template);
        var user = Find(c.Tenant, key);
        var self = user is not null && c.Caller.User is { } caller && caller.Id == user.Id;
        var full = (query.Select ?? [.. DefaultProperties]).Any(property => !BasicProperties.Contains(property, StringComparer.OrdinalIgnoreCase));
        if (!(self && c.Caller.Scopes.Contains("User.Read", StringComparer.OrdinalIgnoreCase)))
        {
            GraphPermissions.Demand(c.Caller, full ? GraphOperation.ReadUsers : GraphOperation.ReadUsersBasic);
        }

        var rendered = Render(user ?? throw GraphErrors.NotFound(key), c.Tenant.Id);
        return c.Entity(200, Set, query.Select is null ? Only(rendered, DefaultProperties) : query.Project(rendered));
    }

    public static SandboxResponse OnlineMeetings(GraphContext c, string key)
    {
        if (c.Request.Method != "POST")
        {
            throw GraphErrors.MethodNotAllowed();
        }

        GraphPermissions.Demand(c.Caller, GraphOperation.CreateOnlineMeetings);

        // Graph documents the organizer's object id here; the sandbox takes nothing else.
        var organizer = c.Tenant.Users.FirstOrDefault(user => string.Equals(user.Id, key, StringComparison.OrdinalIgnoreCase))
            ?? throw GraphErrors.NotFound(key);
        if (c.Caller.User is { } signedIn)
        {
            if (signedIn.Id != organizer.Id)
            {
                throw new GraphException(
                    403,
                    "Forbidden",
                    "A signed-in user can create online meetings for themself only: use /me/onlineMeetings or their own id.");
            }
        }
        else if (!PolicyAllows(c.Tenant, c.Caller.ClientAppId, organizer.Id))
        {
            // The documented answer when no application access policy names the app for this user.
            throw new GraphException(403, "Forbidden", "No application access policy found for this app");
        }

        var body = c.ReadBody();
        var start = Time(body, "startDateTime") ?? c.Now;
        var end = Time(body, "endDateTime") ?? start.AddHours(1);
        if (end <= start)
        {
            throw GraphErrors.BadRequest("The meeting's endDateTime must be later than its startDateTime.");
        }

        var scope = body["lobbyBypassSettings"]?["scope"]?.GetValue<string>();
        if (scope is not null && !LobbyScopes.Contains(scope, StringComparer.OrdinalIgnoreCase))
        {
            throw GraphErrors.BadRequest($"Cannot convert the literal '{scope}' to the expected type 'microsoft.graph.lobbyBypassScope'.");
        }

        var meeting = Create(c, organizer, body["subject"]?.GetValue<string>(), start, end,
            LobbyScopes.FirstOrDefault(known => string.Equals(known, scope, StringComparison.OrdinalIgnoreCase)));
        c.Tenant.OnlineMeetings.Add(meeting);
        var answer = (JsonObject)meeting.DeepClone();
        answer.Remove("organizerId");
        return c.Entity(201, "users('" + organizer.Id + "')/onlineMeetings", answer);
    }

    private static bool PolicyAllows(TenantData tenant, string appId, string userId) =>
        tenant.ApplicationAccessPolicies.Any(policy =>
            policy.AppIds.Contains(appId, StringComparer.OrdinalIgnoreCase)
            && (policy.Global || policy.GrantedToUserIds.Contains(userId, StringComparer.OrdinalIgnoreCase)));

    private static UserData? Find(TenantData tenant, string key) =>
        tenant.Users.FirstOrDefault(user => string.Equals(user.Id, key, StringComparison.OrdinalIgnoreCase)
            || string.Equals(user.UserPrincipalName, key, StringComparison.OrdinalIgnoreCase));

    private static JsonObject Render(UserData user, string tenantId) => new()
    {
        ["id"] = user.Id,
        ["displayName"] = user.DisplayName,
        ["userPrincipalName"] = user.UserPrincipalName,
        ["mail"] = user.UserPrincipalName.Length == 0 ? null : user.UserPrincipalName,
        ["givenName"] = null,
        ["surname"] = null,
        ["jobTitle"] = null,
        ["businessPhones"] = new JsonArray(),
        ["mobilePhone"] = null,
        ["officeLocation"] = null,
        ["preferredLanguage"] = "en-US",
        ["accountEnabled"] = user.AccountEnabled,
        ["userType"] = "Member",
        ["assignedPlans"] = new JsonArray(user.AssignedPlans.Select(plan => (JsonNode)new JsonObject
        {
            ["assignedDateTime"] = GraphObjects.FormatDate(plan.AssignedDateTime),
            ["capabilityStatus"] = plan.CapabilityStatus,
            ["service"] = plan.Service,
            ["servicePlanId"] = plan.ServicePlanId,
        }).ToArray()),
    };

    private static JsonObject Only(JsonObject item, IEnumerable<string> properties)
    {
        var result = new JsonObject();
        foreach (var property in properties)
        {
            result[property] = item[property]?.DeepClone();
        }

        return result;
    }

    private static DateTimeOffset? Time(JsonObject body, string property)
    {
        var text = body[property]?.GetValue<string>();
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUniversalTime()
            : throw GraphErrors.BadRequest($"Cannot convert the literal '{text}' to the expected type 'Edm.DateTimeOffset'.");
    }

    /// <summary>
    /// A meeting shaped like Graph's onlineMeeting. Without lobbyBypassSettings the scope is what Teams' default
    /// meeting policy gives new meetings (AutoAdmittedUsers EveryoneInCompanyExcludingGuests): organizationExcludingGuests.
    /// </summary>
    private static JsonObject Create(GraphContext c, UserData organizer, string? subject, DateTimeOffset start, DateTimeOffset end, string? scope)
    {
        var thread = "19:meeting_" + Base64Url.Encode(RandomNumberGenerator.GetBytes(33)) + "@thread.v2";
        var id = Base64Url.Encode(System.Text.Encoding.UTF8.GetBytes($"1*{organizer.Id}*0**{thread}"));
        var context = Uri.EscapeDataString($"{{\"Tid\":\"{c.Tenant.Id}\",\"Oid\":\"{organizer.Id}\"}}");
        var joinMeetingId = string.Concat(Enumerable.Range(0, 13).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10))));
        return new JsonObject
        {
            ["id"] = id,
            ["organizerId"] = organizer.Id,
            ["creationDateTime"] = GraphObjects.FormatDate(c.Now),
            ["startDateTime"] = GraphObjects.FormatDate(start),
            ["endDateTime"] = GraphObjects.FormatDate(end),
            ["subject"] = subject,
            ["joinWebUrl"] = $"https://teams.microsoft.com/l/meetup-join/{Uri.EscapeDataString(thread)}/0?context={context}",
            ["videoTeleconferenceId"] = null,
            ["isEntryExitAnnounced"] = false,
            ["allowedPresenters"] = "everyone",
            ["allowMeetingChat"] = "enabled",
            ["allowTeamworkReactions"] = true,
            ["allowAttendeeToEnableCamera"] = true,
            ["allowAttendeeToEnableMic"] = true,
            ["recordAutomatically"] = false,
            ["joinMeetingIdSettings"] = new JsonObject
            {
                ["isPasscodeRequired"] = true,
                ["joinMeetingId"] = joinMeetingId,
                ["passcode"] = Base64Url.Encode(RandomNumberGenerator.GetBytes(4))
            },
            ["lobbyBypassSettings"] = new JsonObject { ["scope"] = scope ?? "organizationExcludingGuests", ["isDialInBypassEnabled"] = false },
            ["chatInfo"] = new JsonObject { ["threadId"] = thread, ["messageId"] = "0", ["replyChainMessageId"] = null },
            ["participants"] = new JsonObject
            {
                ["organizer"] = new JsonObject
                {
                    ["upn"] = organizer.UserPrincipalName,
                    ["role"] = "presenter",
                    ["identity"] = new JsonObject
                    {
                        ["user"] = new JsonObject { ["id"] = organizer.Id, ["displayName"] = null, ["tenantId"] = c.Tenant.Id, ["identityProvider"] = "AAD" },
                    },
                },
                ["attendees"] = new JsonArray(),
            },
        };
    }
}
