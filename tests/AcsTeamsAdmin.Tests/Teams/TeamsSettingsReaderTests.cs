using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Teams;

namespace AcsTeamsAdmin.Tests.Teams;

/// <summary>Values typed as parameters are checked strictly, before any verdict; objects are read by kind.</summary>
public class TeamsSettingsReaderTests
{
    private static AcsTeamsAdminException Refused(string name, object value) =>
        Assert.Throws<AcsTeamsAdminException>(() => TeamsSettingsReader.ReadParameters(new Dictionary<string, object?> { [name] = value }));

    [Theory]
    [InlineData("AllowAnonymousUsersToJoinMeeting", "maybe", "true or false")]
    [InlineData("DisableAnonymousJoin", "yes", "true or false")]
    [InlineData("AutoAdmittedUsers", "Everybody", "EveryoneInCompanyExcludingGuests")]
    [InlineData("MeetingChatEnabledType", "On", "EnabledExceptAnonymous")]
    [InlineData("CaptchaVerificationForMeetingJoin", "Always", "AnonymousUsersAndUntrustedOrganizations")]
    [InlineData("AnonymousUserAuthenticationMethod", "Password", "OneTimePasscode")]
    public void A_typo_in_a_parameter_names_the_parameter_and_the_values_it_takes(string name, string value, string fix)
    {
        var error = Refused(name, value);

        Assert.Equal(ErrorIds.InvalidTeamsSetting, error.ErrorId);
        Assert.Equal(name, error.ParameterName);
        Assert.StartsWith($"-{name}:", error.Message, StringComparison.Ordinal);
        Assert.Contains(fix, error.MessageWithFix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blocked_client_type_that_does_not_exist_is_refused()
    {
        var error = Refused("BlockedAnonymousJoinClientTypes", new[] { "ACS", "Skype" });

        Assert.Equal("BlockedAnonymousJoinClientTypes", error.ParameterName);
        Assert.Contains("Skype", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_allowed_resource_that_is_not_a_GUID_is_refused()
    {
        var error = Refused("AllowedAcsResources", new[] { "f6a2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "contoso-acs" });

        Assert.Equal(ErrorIds.InvalidGuid, error.ErrorId);
        Assert.StartsWith("-AllowedAcsResources:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_command_lines_text_values_read_like_the_cmdlets_typed_ones()
    {
        var fromText = TeamsSettingsReader.ReadParameters(new Dictionary<string, object?>
        {
            ["MeetingPolicyIdentity"] = "Tag:Sales",
            ["AllowAnonymousUsersToJoinMeeting"] = "$false",
            ["BlockedAnonymousJoinClientTypes"] = "acs,teams",
            ["RequireAcsFederationForMeeting"] = "TRUE",
        });
        var typed = TeamsSettingsReader.ReadParameters(new Dictionary<string, object?>
        {
            ["MeetingPolicyIdentity"] = "Tag:Sales",
            ["AllowAnonymousUsersToJoinMeeting"] = false,
            ["BlockedAnonymousJoinClientTypes"] = new[] { "ACS", "Teams" },
            ["RequireAcsFederationForMeeting"] = true,
        });

        Assert.Equal("Tag:Sales", fromText.MeetingPolicy.Identity);
        Assert.False(fromText.MeetingPolicy.AllowAnonymousUsersToJoinMeeting);
        Assert.Equal(typed.MeetingPolicy.BlockedAnonymousJoinClientTypes, fromText.MeetingPolicy.BlockedAnonymousJoinClientTypes);
        Assert.Equal(typed.AcsFederationConfiguration.RequireAcsFederationForMeeting, fromText.AcsFederationConfiguration.RequireAcsFederationForMeeting);
        Assert.Null(fromText.MeetingConfiguration.DisableAnonymousJoin);
    }

    [Fact]
    public void An_empty_list_is_a_value_and_an_absent_one_is_not()
    {
        var empty = TeamsSettingsReader.ReadParameters(new Dictionary<string, object?> { ["BlockedAnonymousJoinClientTypes"] = Array.Empty<string>() });
        var absent = TeamsSettingsReader.ReadParameters(new Dictionary<string, object?>());

        Assert.Empty(empty.MeetingPolicy.BlockedAnonymousJoinClientTypes!);
        Assert.Null(absent.MeetingPolicy.BlockedAnonymousJoinClientTypes);
    }

    [Fact]
    public void An_object_of_the_wrong_kind_is_refused_with_what_it_looks_like()
    {
        var policy = new Dictionary<string, object?> { ["Identity"] = "Global", ["AllowAnonymousUsersToJoinMeeting"] = true };

        var error = Assert.Throws<AcsTeamsAdminException>(() =>
            TeamsSettingsReader.ReadAs(TeamsSettingsKind.MeetingConfiguration, policy, SettingsOrigin.ObjectParameter("MeetingConfiguration")));

        Assert.Equal(ErrorIds.TeamsSettingsNotRecognized, error.ErrorId);
        Assert.Equal("MeetingConfiguration", error.ParameterName);
        Assert.Contains("looks like a Get-CsTeamsMeetingPolicy object", error.Message, StringComparison.Ordinal);
    }

    private enum LiveEnum
    {
        OrganizerOnly,
    }

    [Fact]
    public void Live_objects_enums_and_lists_are_read_by_name()
    {
        var bag = new Dictionary<string, object?>
        {
            ["autoadmittedusers"] = LiveEnum.OrganizerOnly,
            ["BlockedAnonymousJoinClientTypes"] = new List<object?> { "Teams", null },
        };

        var policy = TeamsSettingsReader.ReadMeetingPolicy(bag, SettingsOrigin.ObjectParameter("X"));

        Assert.Equal("OrganizerOnly", policy.AutoAdmittedUsers);
        Assert.Equal(["Teams"], policy.BlockedAnonymousJoinClientTypes);
    }

    [Fact]
    public void A_malformed_AcsResourceId_is_refused_before_anything_is_read()
    {
        var error = Assert.Throws<AcsTeamsAdminException>(() => AnonymousJoinCheck.ParseAcsResourceId("contoso-acs"));

        Assert.Equal(ErrorIds.InvalidGuid, error.ErrorId);
        Assert.StartsWith("-AcsResourceId:", error.Message, StringComparison.Ordinal);
        Assert.Contains("immutable resource id", error.MessageWithFix, StringComparison.Ordinal);
        Assert.Null(AnonymousJoinCheck.ParseAcsResourceId(null));
    }
}
