using System.Globalization;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Graph;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.Operations;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace AcsTeamsAdmin.Engine.Meetings;

/// <summary>
/// New-AcsTeamsMeeting: a Teams online meeting for an organizer (POST /users/{id}/onlineMeetings), whose join link
/// ACS users join with. Graph permissions: OnlineMeetings.ReadWrite.All as an app, OnlineMeetings.ReadWrite for a
/// signed-in organizer; a UPN is first looked up for its object id (User.ReadBasic.All). As an app, Teams also needs
/// an application access policy that names the app and is granted to the organizer (or globally): without one Graph
/// answers 403, which becomes <see cref="ErrorIds.ApplicationAccessPolicyMissing"/> with the two MicrosoftTeams
/// commands that grant it. Each call creates a new meeting (as Teams does); nothing is read back or reused.
/// </summary>
public static class MeetingOperations
{
    /// <summary>The Graph permission an app needs to create online meetings.</summary>
    public const string AppPermission = "OnlineMeetings.ReadWrite.All";

    /// <summary>The Graph permission a signed-in organizer needs.</summary>
    public const string DelegatedPermission = "OnlineMeetings.ReadWrite";

    /// <summary>The least privileged permission that reads a user's object id from their UPN.</summary>
    public const string LookupPermission = "User.ReadBasic.All";

    /// <summary>The policy name the remedy suggests.</summary>
    public const string SuggestedPolicyName = "ACS-Teams-Meetings";

    public static async Task<TeamsMeeting?> CreateAsync(AcsTeamsAdminConnection connection, TeamsMeetingRequest request, OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var (organizerId, upn) = await ResolveOrganizerAsync(connection, request.Organizer, context).ConfigureAwait(false);
        var target = $"online meeting '{request.Subject}' organized by {upn ?? organizerId} from " +
            $"{TeamsMeetingRequest.Show(request.Start)} to {TeamsMeetingRequest.Show(request.End)}";
        if (!context.Approval.ShouldChange(target, "Create"))
        {
            return null;
        }

        var body = new OnlineMeeting
        {
            Subject = request.Subject,
            StartDateTime = request.Start,
            EndDateTime = request.End,
        };
        if (request.LobbyBypassScope is { } scope)
        {
            body.LobbyBypassSettings = new LobbyBypassSettings { Scope = ToScope(scope) };
        }

        var permission = connection.Info.AppOnly ? AppPermission : DelegatedPermission;
        var what = $"Creating the online meeting '{request.Subject}' for {upn ?? organizerId}";
        OnlineMeeting created;
        try
        {
            created = await GraphCall.RunAsync(
                async () =>
                {
                    try
                    {
                        return await connection.Graph.Users[organizerId].OnlineMeetings
                            .PostAsync(body, cancellationToken: context.CancellationToken)
                            .ConfigureAwait(false);
                    }
                    catch (ODataError error) when (error.ResponseStatusCode == 403 && connection.Info.AppOnly && NamesAccessPolicy(error))
                    {
                        throw PolicyMissing(error, what, connection, organizerId, upn);
                    }
                },
                what, request.Organizer.ToString(), permission, context.CancellationToken).ConfigureAwait(false)
                ?? throw new AcsTeamsAdminException(ErrorIds.UnexpectedResponse, FailureCategory.InvalidResult,
                    $"{what}: Microsoft Graph answered without the meeting.",
                    "Run the command again; if it keeps failing, report it with -Debug output (it holds no secrets).",
                    request.Organizer.ToString());
        }
        catch (AcsTeamsAdminException error) when (error.ErrorId is ErrorIds.ConnectionFailed or ErrorIds.ServiceTimeout)
        {
            // A create is not idempotent and is never sent twice: its answer was lost, so the meeting may exist.
            throw error.WithRecommendedAction(
                $"The meeting may have been created: look for '{request.Subject}' in the Teams calendar of {upn ?? organizerId} " +
                "before running the command again (each run creates a new meeting).");
        }

        var meeting = ToMeeting(created, request, connection, organizerId, upn);
        context.Log.Verbose($"Created online meeting {meeting.MeetingId} for {upn ?? organizerId}: " +
            $"lobby bypass {meeting.LobbyBypassScope ?? "(policy default)"}, join link returned.");
        return meeting;
    }

    /// <summary>The remedy's commands, with the app's id and the organizer: the two a Teams administrator runs.</summary>
    public static string GrantPolicyCommands(string? appId, string organizerId) =>
        $"New-CsApplicationAccessPolicy -Identity {SuggestedPolicyName} -AppIds {appId ?? "<the app's client id>"} " +
        "-Description 'Create online meetings for ACS'; " +
        $"Grant-CsApplicationAccessPolicy -PolicyName {SuggestedPolicyName} -Identity {organizerId}";

    private static async Task<(string ObjectId, string? UserPrincipalName)> ResolveOrganizerAsync(
        AcsTeamsAdminConnection connection,
        UserReference organizer,
        OperationContext context)
    {
        if (organizer.ObjectId is { } id)
        {
            return (id.ToString("D", CultureInfo.InvariantCulture), null);
        }

        var upn = organizer.UserPrincipalName!;
        var user = await GraphCall.RunAsync(
            async () =>
            {
                try
                {
                    return await connection.Graph.Users[upn].GetAsync(
                        request => request.QueryParameters.Select = ["id", "userPrincipalName"], context.CancellationToken).ConfigureAwait(false);
                }
                catch (ODataError error) when (error.ResponseStatusCode == 404)
                {
                    return null;
                }
            },
            $"Looking up the organizer {upn}", upn, LookupPermission, context.CancellationToken).ConfigureAwait(false);
        if (user?.Id is not { } objectId)
        {
            throw new AcsTeamsAdminException(ErrorIds.ResourceNotFound, FailureCategory.ObjectNotFound,
                $"-OrganizerId: there is no user '{upn}' in tenant {connection.Info.TenantId}.",
                "Check the user principal name (Entra admin center > Users), or pass the organizer's object id.", upn)
            {
                ParameterName = "OrganizerId",
                HttpStatus = 404,
            };
        }

        context.Log.Verbose($"Organizer {upn} is user {objectId}.");
        return (objectId, user.UserPrincipalName ?? upn);
    }

    private static bool NamesAccessPolicy(ODataError error) =>
        (error.Error?.Message ?? error.Message).Contains("application access policy", StringComparison.OrdinalIgnoreCase);

    private static AcsTeamsAdminException PolicyMissing(ODataError error, string what, AcsTeamsAdminConnection connection, string organizerId, string? upn)
    {
        var appId = connection.Info.ClientId;
        return new AcsTeamsAdminException(ErrorIds.ApplicationAccessPolicyMissing, FailureCategory.PermissionDenied,
            $"{what}: Microsoft Graph answered 403 {error.Error?.Code}: {(error.Error?.Message ?? error.Message).TrimEnd('.')}. " +
            $"An app (here {appId ?? "this session's app"}) creates meetings for {upn ?? organizerId} only when a Teams application access policy " +
            "names it and is granted to that user or to everyone.",
            $"As a Teams administrator, in a MicrosoftTeams session (Connect-MicrosoftTeams): {GrantPolicyCommands(appId, organizerId)} " +
            $"(or Grant-CsApplicationAccessPolicy -PolicyName {SuggestedPolicyName} -Global for every user). " +
            "The policy can take up to 30 minutes to apply; then run the command again.",
            upn ?? organizerId, error)
        {
            HttpStatus = 403,
            ServiceErrorCode = error.Error?.Code,
            RequestId = error.Error?.InnerError?.RequestId,
        };
    }

    private static Microsoft.Graph.Models.LobbyBypassScope ToScope(string scope) => scope switch
    {
        "organizer" => Microsoft.Graph.Models.LobbyBypassScope.Organizer,
        "organization" => Microsoft.Graph.Models.LobbyBypassScope.Organization,
        "organizationAndFederated" => Microsoft.Graph.Models.LobbyBypassScope.OrganizationAndFederated,
        "organizationExcludingGuests" => Microsoft.Graph.Models.LobbyBypassScope.OrganizationExcludingGuests,
        "invited" => Microsoft.Graph.Models.LobbyBypassScope.Invited,
        _ => Microsoft.Graph.Models.LobbyBypassScope.Everyone,
    };

    private static string? WireName<T>(T? value)
        where T : struct, Enum => value is null ? null : char.ToLowerInvariant(value.Value.ToString()[0]) + value.Value.ToString()[1..];

    private static TeamsMeeting ToMeeting(
        OnlineMeeting created,
        TeamsMeetingRequest request,
        AcsTeamsAdminConnection connection,
        string organizerId,
        string? upn) => new()
    {
        MeetingId = created.Id ?? throw Malformed(request, "id"),
        JoinWebUrl = created.JoinWebUrl ?? throw Malformed(request, "joinWebUrl"),
        Subject = created.Subject ?? request.Subject,
        StartDateTime = created.StartDateTime ?? request.Start,
        EndDateTime = created.EndDateTime ?? request.End,
        OrganizerId = created.Participants?.Organizer?.Identity?.User?.Id ?? organizerId,
        OrganizerUserPrincipalName = created.Participants?.Organizer?.Upn ?? upn,
        TenantId = connection.Info.TenantId,
        LobbyBypassScope = WireName(created.LobbyBypassSettings?.Scope),
        IsDialInBypassEnabled = created.LobbyBypassSettings?.IsDialInBypassEnabled,
        AllowedPresenters = WireName(created.AllowedPresenters),
        AllowMeetingChat = WireName(created.AllowMeetingChat),
        ChatThreadId = created.ChatInfo?.ThreadId,
        CreationDateTime = created.CreationDateTime,
    };

    private static AcsTeamsAdminException Malformed(TeamsMeetingRequest request, string property) =>
        new(ErrorIds.UnexpectedResponse, FailureCategory.InvalidResult,
            $"Creating the online meeting '{request.Subject}': Microsoft Graph's answer has no {property}.",
            "Run the command again; if it keeps failing, report it with -Debug output (it holds no secrets).", request.Organizer.ToString());
}
