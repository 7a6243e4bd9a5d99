using System.Text;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Teams;

namespace AcsTeamsAdmin.Tests.Teams;

/// <summary>Settings as ConvertTo-Json writes them: both file shapes, its quirks, and bad files.</summary>
public sealed class TeamsSettingsFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("acsteams-settings-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static TeamsSettingsDocument Parse(string json) => TeamsSettingsFile.Parse(json, "teams.json");

    private static AcsTeamsAdminException Fails(string json) => Assert.Throws<AcsTeamsAdminException>(() => Parse(json));

    [Fact]
    public void The_documented_example_file_loads_with_its_two_policies()
    {
        var document = TeamsSettingsFile.Load(Path.Combine(RepositoryLayout.Root, "docs", "examples", "teams-settings.json"), "teams-settings.json");

        Assert.False(document.MeetingConfiguration.DisableAnonymousJoin);
        Assert.Equal(["Global", "Tag:Contoso-ExternalHosts"], document.MeetingPolicies.Select(p => p.Identity));
        Assert.Equal(["ACS"], document.MeetingPolicies[1].BlockedAnonymousJoinClientTypes);
        Assert.Empty(document.MeetingPolicies[0].BlockedAnonymousJoinClientTypes!);
        Assert.True(document.AcsFederationConfiguration.EnableAcsUsers);
        Assert.Equal(["f6a2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d"], document.AcsFederationConfiguration.AllowedAcsResources);
        Assert.True(document.ExternalAccessPolicy.EnableAcsFederationAccess);
    }

    [Fact]
    public void An_array_of_objects_is_recognised_by_their_properties_and_nested_arrays_are_flattened()
    {
        var document = Parse("""
            [
              { "Identity": "Global", "DisableAnonymousJoin": true, "EnableQoS": false },
              [ { "Identity": "Global", "AllowAnonymousUsersToJoinMeeting": true },
                { "Identity": "Tag:Kiosk", "AutoAdmittedUsers": "OrganizerOnly" } ],
              { "Identity": "Global", "EnableAcsUsers": false, "AllowedAcsResources": [] },
              { "Identity": "Global", "EnableAcsFederationAccess": false, "EnableFederationAccess": true }
            ]
            """);

        Assert.True(document.MeetingConfiguration.DisableAnonymousJoin);
        Assert.Equal(2, document.MeetingPolicies.Count);
        Assert.Equal("OrganizerOnly", document.MeetingPolicies[1].AutoAdmittedUsers);
        Assert.False(document.AcsFederationConfiguration.EnableAcsUsers);
        Assert.False(document.ExternalAccessPolicy.EnableAcsFederationAccess);
    }

    [Fact]
    public void A_single_exported_policy_is_a_file_too()
    {
        var document = Parse("""{ "Identity": "Tag:AllOn", "AllowAnonymousUsersToJoinMeeting": false, "Key": "[{TeamsMeeting}]" }""");

        Assert.Equal("Tag:AllOn", Assert.Single(document.MeetingPolicies).Identity);
        Assert.Null(document.MeetingConfiguration.DisableAnonymousJoin);
    }

    [Fact]
    public void Named_values_are_read_in_any_case_and_stored_in_the_documented_spelling()
    {
        var policy = Assert.Single(Parse("""
            { "MeetingPolicy": { "AutoAdmittedUsers": "everyone", "MeetingChatEnabledType": "ENABLEDEXCEPTANONYMOUS", "BlockedAnonymousJoinClientTypes": ["acs"] } }
            """).MeetingPolicies);

        Assert.Equal("Everyone", policy.AutoAdmittedUsers);
        Assert.Equal("EnabledExceptAnonymous", policy.MeetingChatEnabledType);
        Assert.Equal(["ACS"], policy.BlockedAnonymousJoinClientTypes);
    }

    [Fact]
    public void A_named_value_written_as_a_number_is_refused_with_the_EnumsAsStrings_fix()
    {
        var error = Fails("""{ "MeetingPolicy": { "Identity": "Global", "AutoAdmittedUsers": 2 } }""");

        Assert.Equal(ErrorIds.InvalidTeamsSetting, error.ErrorId);
        Assert.Equal("Path", error.ParameterName);
        Assert.Contains("AutoAdmittedUsers", error.Message, StringComparison.Ordinal);
        Assert.Contains("-EnumsAsStrings", error.MessageWithFix, StringComparison.Ordinal);
    }

    [Fact]
    public void Booleans_may_be_strings_as_older_exports_write_them()
    {
        var document = Parse("""{ "MeetingConfiguration": { "DisableAnonymousJoin": "True" }, "ExternalAccessPolicy": { "EnableAcsFederationAccess": "false" } }""");

        Assert.True(document.MeetingConfiguration.DisableAnonymousJoin);
        Assert.False(document.ExternalAccessPolicy.EnableAcsFederationAccess);
    }

    [Fact]
    public void Missing_properties_stay_not_given_so_the_verdict_assumes_and_says_so()
    {
        var document = Parse("""{ "MeetingPolicy": { "Identity": "Global", "AutoAdmittedUsers": "Everyone" } }""");

        var verdict = Assert.Single(AnonymousJoinCheck.Run(document, new TeamsJoinSettings(), null));

        Assert.Null(document.MeetingPolicies[0].AllowAnonymousUsersToJoinMeeting);
        Assert.Contains("AllowAnonymousUsersToJoinMeeting=True", verdict.AssumedDefaults);
        Assert.Contains("DisableAnonymousJoin=False", verdict.AssumedDefaults);
        Assert.DoesNotContain(verdict.AssumedDefaults, a => a.StartsWith("AutoAdmittedUsers", StringComparison.Ordinal));
    }

    [Fact]
    public void Windows_PowerShell_array_wrappers_are_unwrapped()
    {
        var policy = Assert.Single(Parse("""{ "MeetingPolicy": { "BlockedAnonymousJoinClientTypes": { "value": [ "ACS" ], "Count": 1 } } }""").MeetingPolicies);

        Assert.Equal(["ACS"], policy.BlockedAnonymousJoinClientTypes);
    }

    [Fact]
    public void A_list_cut_short_by_ConvertTo_Json_depth_is_refused_with_the_Depth_fix()
    {
        var error = Fails("""{ "MeetingPolicy": { "BlockedAnonymousJoinClientTypes": "System.Collections.Generic.List`1[System.String]" } }""");

        Assert.Equal(ErrorIds.InvalidTeamsSetting, error.ErrorId);
        Assert.Contains("-Depth", error.MessageWithFix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_Teams_added_after_this_module_is_kept_and_reported_not_refused()
    {
        var policy = Assert.Single(Parse("""{ "MeetingPolicy": { "AutoAdmittedUsers": "EveryoneInTheMultiverse" } }""").MeetingPolicies);

        var verdict = AnonymousJoinEvaluator.Evaluate(new TeamsJoinSettings { MeetingPolicy = policy });

        Assert.Equal("EveryoneInTheMultiverse", policy.AutoAdmittedUsers);
        Assert.True(verdict.WaitsInLobby);
        Assert.Contains("not a value the check knows", verdict.Findings.Single(f => f.Setting == "AutoAdmittedUsers").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_several_external_access_policies_Global_is_used()
    {
        var document = Parse("""
            { "ExternalAccessPolicy": [ { "Identity": "Tag:NoFederation", "EnableAcsFederationAccess": false }, { "Identity": "Global", "EnableAcsFederationAccess": true } ] }
            """);

        Assert.True(document.ExternalAccessPolicy.EnableAcsFederationAccess);
    }

    [Fact]
    public void Several_external_access_policies_without_Global_are_ambiguous()
    {
        var error = Fails("""
            { "ExternalAccessPolicy": [ { "Identity": "Tag:A", "EnableAcsFederationAccess": false }, { "Identity": "Tag:B", "EnableAcsFederationAccess": true } ] }
            """);

        Assert.Equal(ErrorIds.TeamsSettingsNotRecognized, error.ErrorId);
        Assert.Contains("Global", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "MeetingPolicy": { "AutoAdmittedUsers": "Everyone" }, "MeetingPolicyy": {} }""", "MeetingPolicyy")]
    [InlineData("""[ { "Identity": "Global", "SomethingElse": true } ]""", "none of the properties")]
    [InlineData("""{ "MeetingConfiguration": { "AutoAdmittedUsers": "Everyone" } }""", "Get-CsTeamsMeetingPolicy")]
    [InlineData("""[ { "DisableAnonymousJoin": true, "EnableAcsUsers": true } ]""", "mixes properties")]
    [InlineData("""{ "MeetingPolicy": [ 42 ] }""", "should be an object")]
    [InlineData("[]", "holds no settings")]
    public void Objects_the_check_does_not_know_are_refused_by_name(string json, string expected)
    {
        var error = Fails(json);

        Assert.Equal(ErrorIds.TeamsSettingsNotRecognized, error.ErrorId);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("-Path:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_JSON_is_reported_with_its_line()
    {
        var error = Fails("{\n  \"MeetingPolicy\": { \"AutoAdmittedUsers\": Everyone }\n}");

        Assert.Equal(ErrorIds.TeamsSettingsFileUnreadable, error.ErrorId);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_names_the_parameter_and_the_fix()
    {
        var error = Assert.Throws<AcsTeamsAdminException>(() => TeamsSettingsFile.Load(Path.Combine(_folder, "nope.json"), "nope.json"));

        Assert.Equal(ErrorIds.TeamsSettingsFileUnreadable, error.ErrorId);
        Assert.StartsWith("-Path: 'nope.json' does not exist.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_UTF16_file_from_Windows_PowerShell_Out_File_loads()
    {
        var path = Path.Combine(_folder, "utf16.json");
        File.WriteAllText(path, """{ "MeetingConfiguration": { "Identity": "Global", "DisableAnonymousJoin": true } }""", Encoding.Unicode);

        Assert.True(TeamsSettingsFile.Load(path, "utf16.json").MeetingConfiguration.DisableAnonymousJoin);
    }
}
