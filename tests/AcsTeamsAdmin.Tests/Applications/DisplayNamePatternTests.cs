using AcsTeamsAdmin.Engine.Applications;
using AcsTeamsAdmin.Engine.Failures;

namespace AcsTeamsAdmin.Tests.Applications;

public class DisplayNamePatternTests
{
    [Theory]
    [InlineData("Contoso*", "Contoso", true, true)]
    [InlineData("Contoso Teams Calling", "Contoso Teams Calling", false, false)]
    [InlineData("Contoso*Calling", "Contoso", true, false)]
    [InlineData("*Calling", "", true, false)]
    [InlineData("Cont?so*", "Cont", true, false)]
    [InlineData("App `[v2`]*", "App [v2]", true, true)]
    public void The_literal_prefix_is_what_Graph_can_filter_on(string value, string prefix, bool hasWildcards, bool prefixOnly)
    {
        var pattern = DisplayNamePattern.Parse(value);

        Assert.Equal(prefix, pattern.Prefix);
        Assert.Equal(hasWildcards, pattern.HasWildcards);
        Assert.Equal(prefixOnly, pattern.IsPrefixOnly);
    }

    [Theory]
    [InlineData("Contoso*", "contoso teams calling", true)]
    [InlineData("Contoso*", "Fabrikam ACS Admin", false)]
    [InlineData("Contoso*Calling", "Contoso Teams Calling", true)]
    [InlineData("Contoso*Calling", "Contoso Calling API", false)]
    [InlineData("*A?I", "Contoso Calling API", true)]
    [InlineData("[CF]*Admin", "Fabrikam ACS Admin", true)]
    [InlineData("[a-c]*", "Fabrikam", false)]
    [InlineData("App (v2.0)+", "app (v2.0)+", true)]
    [InlineData("App (v2.0)+", "App (v2x0)+", false)]
    [InlineData("App `*", "App *", true)]
    [InlineData("App `*", "App x", false)]
    public void Matching_follows_PowerShell_wildcards_without_regard_to_case(string value, string name, bool expected) =>
        Assert.Equal(expected, DisplayNamePattern.Parse(value).Matches(name));

    [Theory]
    [InlineData("", ErrorIds.MissingParameter)]
    [InlineData("   ", ErrorIds.MissingParameter)]
    [InlineData(null, ErrorIds.MissingParameter)]
    [InlineData("Contoso[", ErrorIds.InvalidInput)]
    public void Bad_patterns_name_the_parameter_and_the_fix(string? value, string errorId)
    {
        var error = Assert.Throws<AcsTeamsAdminException>(() => DisplayNamePattern.Parse(value));

        Assert.Equal(errorId, error.ErrorId);
        Assert.StartsWith("-DisplayName:", error.Message, StringComparison.Ordinal);
    }
}
