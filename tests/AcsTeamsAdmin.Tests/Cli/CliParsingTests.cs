using AcsTeamsAdmin.Cli;
using AcsTeamsAdmin.Cli.Parsing;
using AcsTeamsAdmin.Engine.Failures;

namespace AcsTeamsAdmin.Tests.Cli;

public class CliParsingTests
{
    [Theory]
    [InlineData("AppId", "app-id")]
    [InlineData("ApplicationId", "application-id")]
    [InlineData("TenantId", "tenant-id")]
    [InlineData("UseDeviceCode", "use-device-code")]
    [InlineData("AadToken", "aad-token")]
    [InlineData("AcsResourceId", "acs-resource-id")]
    [InlineData("AsJSON", "as-json")]
    public void Cmdlet_parameters_become_kebab_case(string pascal, string kebab) => Assert.Equal(kebab, Kebab.FromPascal(pascal));

    [Fact]
    public void Known_switches_do_not_swallow_the_next_word()
    {
        var parsed = ArgumentParser.Parse(["--sandbox", "New-AcsTeamsServicePrincipal", "--app-id", "a,b", "--app-id=c", "--output", "json"], name => name == "sandbox");

        Assert.Equal("New-AcsTeamsServicePrincipal", parsed.Command);
        Assert.True(parsed.Flag("sandbox"));
        Assert.Equal(["a,b", "c"], parsed.Values("app-id"));
        Assert.Equal("json", parsed.Value("OUTPUT"));
    }

    [Fact]
    public void A_switch_can_be_turned_off_explicitly() =>
        Assert.False(ArgumentParser.Parse(["X", "--what-if=false"], _ => true).Flag("what-if"));

    [Fact]
    public void A_single_valued_option_given_twice_is_a_usage_error()
    {
        var parsed = ArgumentParser.Parse(["X", "--tenant-id", "a", "--tenant-id", "b"], _ => false);
        var error = Assert.Throws<AcsTeamsAdminException>(() => parsed.Value("tenant-id"));
        Assert.Equal(CliErrorIds.Usage, error.ErrorId);
    }

    [Fact]
    public void Engine_messages_are_shown_in_the_command_line_spelling()
    {
        var error = AcsTeamsAdminException.InvalidInput("AppId", "x", "'x' is not a GUID.", "Pass the -ClientId of the app.", ErrorIds.InvalidGuid);

        var line = CliApplication.OneLine(error);

        Assert.StartsWith("acsteams: error InvalidGuid: --app-id: 'x' is not a GUID.", line, StringComparison.Ordinal);
        Assert.Contains("--client-id", line, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_this_modules_commands_take_the_command_lines_option_names()
    {
        // The fix names MicrosoftTeams' and Graph PowerShell's commands: pasted into PowerShell, they need -Identity as written.
        var fix = "In a MicrosoftTeams session (Connect-MicrosoftTeams): "
            + AcsTeamsAdmin.Engine.Meetings.MeetingOperations.GrantPolicyCommands("1d7e2f30-0000-4000-8000-000000000001", "adele@fabrikam.onmicrosoft.com")
            + " (or Grant-CsApplicationAccessPolicy -PolicyName ACS-Teams-Meetings -Global for every user). "
            + "Or Update-MgUserOnlineMeeting -UserId u -OnlineMeetingId m. Then run Get-AcsResource -Name r -IncludeConnectionString -Sandbox; "
            + "Connect-AcsTeamsAdmin -Identity. Pass -OrganizerId.";

        var text = CliApplication.CommandLineText(fix);

        Assert.Contains("New-CsApplicationAccessPolicy -Identity ACS-Teams-Meetings -AppIds 1d7e2f30-", text, StringComparison.Ordinal);
        Assert.Contains("Grant-CsApplicationAccessPolicy -PolicyName ACS-Teams-Meetings -Identity adele@", text, StringComparison.Ordinal);
        Assert.Contains("-Global for every user", text, StringComparison.Ordinal);
        Assert.Contains("Update-MgUserOnlineMeeting -UserId u -OnlineMeetingId m", text, StringComparison.Ordinal);

        // This module's commands: their own options, sign-in ones included, and a parameter named with no command.
        Assert.Contains("Get-AcsResource --name r --include-connection-string --sandbox;", text, StringComparison.Ordinal);
        Assert.Contains("Connect-AcsTeamsAdmin --identity.", text, StringComparison.Ordinal);
        Assert.EndsWith("Pass --organizer-id.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("--identity ACS", text, StringComparison.Ordinal);
    }
}
