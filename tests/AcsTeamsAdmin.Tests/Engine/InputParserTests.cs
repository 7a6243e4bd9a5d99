using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Validation;

namespace AcsTeamsAdmin.Tests.Engine;

public class InputParserTests
{
    [Theory]
    [InlineData("1fd5118e-2576-4263-8130-9503064c837a")]
    [InlineData("  1FD5118E-2576-4263-8130-9503064C837A ")]
    public void ParseGuid_accepts_the_plain_form_in_any_case(string value) =>
        Assert.Equal(Guid.Parse("1fd5118e-2576-4263-8130-9503064c837a"), InputParser.ParseGuid("AppId", value, "x"));

    [Theory]
    [InlineData("not-a-guid", ErrorIds.InvalidGuid)]
    [InlineData("{1fd5118e-2576-4263-8130-9503064c837a}", ErrorIds.InvalidGuid)]
    [InlineData("1fd5118e25764263813095030 64c837a", ErrorIds.InvalidGuid)]
    [InlineData("", ErrorIds.MissingParameter)]
    [InlineData(null, ErrorIds.MissingParameter)]
    public void ParseGuid_names_the_parameter_and_the_fix(string? value, string errorId)
    {
        var error = Assert.Throws<AcsTeamsAdminException>(() => InputParser.ParseGuid("ClientId", value, "see the Overview page."));
        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(FailureCategory.InvalidArgument, error.Category);
        Assert.Equal("ClientId", error.ParameterName);
        Assert.StartsWith("-ClientId:", error.Message, StringComparison.Ordinal);
        Assert.Contains("Overview page", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Fabrikam.OnMicrosoft.com", "fabrikam.onmicrosoft.com")]
    [InlineData("contoso.com", "contoso.com")]
    [InlineData("72F988BF-86F1-41AF-91AB-2D7CD011DB47", "72f988bf-86f1-41af-91ab-2d7cd011db47")]
    public void ParseTenant_accepts_guids_and_domains(string value, string expected) =>
        Assert.Equal(expected, InputParser.ParseTenant("TenantId", value));

    [Theory]
    [InlineData("common")]
    [InlineData("organizations")]
    [InlineData("consumers")]
    [InlineData("fabrikam")]
    [InlineData("fab rikam.com")]
    [InlineData("https://fabrikam.com")]
    [InlineData("-fabrikam.com")]
    public void ParseTenant_rejects_what_is_not_one_tenant(string value)
    {
        var error = Assert.Throws<AcsTeamsAdminException>(() => InputParser.ParseTenant("TenantId", value));
        Assert.Equal(ErrorIds.InvalidTenant, error.ErrorId);
        Assert.Equal("TenantId", error.ParameterName);
    }

    [Fact]
    public void ParseTenant_allows_multi_tenant_aliases_only_when_asked() =>
        Assert.Equal("organizations", InputParser.ParseTenant("TenantId", "Organizations", allowMultiTenantAliases: true));

    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0")]
    [InlineData("http://127.0.0.1:5000/v1.0")]
    [InlineData("http://localhost")]
    public void ParseUrl_accepts_https_and_loopback_http(string value) =>
        Assert.Equal(new Uri(value), InputParser.ParseUrl("GraphEndpoint", value));

    [Theory]
    [InlineData("http://graph.example.com/v1.0")]
    [InlineData("graph.microsoft.com/v1.0")]
    [InlineData("ftp://example.com")]
    [InlineData("/v1.0")]
    public void ParseUrl_rejects_relative_foreign_or_plain_http_urls(string value)
    {
        var error = Assert.Throws<AcsTeamsAdminException>(() => InputParser.ParseUrl("GraphEndpoint", value));
        Assert.Equal(ErrorIds.InvalidUrl, error.ErrorId);
    }

    [Fact]
    public void Long_input_is_shortened_in_the_message()
    {
        var pasted = new string('x', 5000);
        var error = Assert.Throws<AcsTeamsAdminException>(() => InputParser.ParseGuid("AppId", pasted, "x"));
        Assert.True(error.Message.Length < 400, error.Message);
    }
}
