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
}
