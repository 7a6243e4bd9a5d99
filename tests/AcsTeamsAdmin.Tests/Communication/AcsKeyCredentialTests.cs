using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.Failures;

namespace AcsTeamsAdmin.Tests.Communication;

public class AcsKeyCredentialTests
{
    // A real-shaped key that ends in '=' (so the first-'=' split matters) and doubles as a canary.
    private const string Key = "c2FuZGJveC1rZXktY2FuYXJ5LTAxMjM0NTY3ODlhYmNkZWY=";

    [Theory]
    [InlineData("endpoint=https://contoso.communication.azure.com/;accesskey=" + Key)]
    [InlineData("ENDPOINT=https://contoso.communication.azure.com;AccessKey=" + Key)]
    [InlineData("  endpoint = https://contoso.communication.azure.com/ ; accesskey = " + Key + " ;")]
    [InlineData("accesskey=" + Key + ";endpoint=https://contoso.communication.azure.com/")]
    [InlineData("endpoint=https://contoso.communication.azure.com/;accesskey=" + Key + ";unknownpart=ignored")]
    public void Accepts_what_the_Azure_SDK_accepts(string connectionString)
    {
        var credential = AcsKeyCredential.ParseConnectionString(connectionString);

        Assert.Equal(new Uri("https://contoso.communication.azure.com/"), credential.Endpoint);
        Assert.DoesNotContain(Key, credential.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, ErrorIds.MissingParameter, "is empty")]
    [InlineData("   ", ErrorIds.MissingParameter, "is empty")]
    [InlineData("accesskey=" + Key, ErrorIds.InvalidConnectionString, "no endpoint")]
    [InlineData("endpoint=https://contoso.communication.azure.com/", ErrorIds.InvalidConnectionString, "no accesskey")]
    [InlineData("endpoint=https://contoso.communication.azure.com/;accesskey=", ErrorIds.InvalidConnectionString, "empty value for 'accesskey'")]
    [InlineData("endpoint=;accesskey=" + Key, ErrorIds.InvalidConnectionString, "empty value for 'endpoint'")]
    [InlineData("endpoint=https://a.communication.azure.com/;Endpoint=https://b.communication.azure.com/;accesskey=" + Key, ErrorIds.InvalidConnectionString, "'endpoint' more than once")]
    [InlineData("endpoint=https://contoso.communication.azure.com/;accesskey=" + Key + ";ACCESSKEY=" + Key, ErrorIds.InvalidConnectionString, "'accesskey' more than once")]
    [InlineData("endpoint=https://contoso.communication.azure.com/;accesskey=" + Key + ";c2VjcmV0", ErrorIds.InvalidConnectionString, "without '='")]
    [InlineData("endpoint=https://contoso.communication.azure.com/;" + Key, ErrorIds.InvalidConnectionString, "empty value for '(a part)'")]
    [InlineData("endpoint=https://contoso.communication.azure.com/;accesskey=not*base64!", ErrorIds.InvalidConnectionString, "not base64")]
    [InlineData("endpoint=http://contoso.communication.azure.com/;accesskey=" + Key, ErrorIds.InvalidUrl, "not an https URL")]
    [InlineData("endpoint=contoso;accesskey=" + Key, ErrorIds.InvalidUrl, "not an https URL")]
    public void Rejects_bad_strings_naming_the_parameter_and_never_echoing_the_value(string? connectionString, string errorId, string problem)
    {
        var error = Assert.Throws<AcsTeamsAdminException>(() => AcsKeyCredential.ParseConnectionString(connectionString));

        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal("ConnectionString", error.ParameterName);
        Assert.StartsWith("-ConnectionString:", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.IsType<SensitiveInput>(error.Target);
        foreach (var text in new[] { error.Message, error.RecommendedAction ?? "", error.Target?.ToString() ?? "" })
        {
            Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
            Assert.DoesNotContain("not*base64", text, StringComparison.Ordinal);
            if (connectionString is { Length: > 0 })
            {
                Assert.DoesNotContain(connectionString, text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Loopback_http_is_allowed_for_the_sandbox()
    {
        var credential = AcsKeyCredential.ParseConnectionString("endpoint=http://127.0.0.1:5123/;accesskey=" + Key);
        Assert.Equal(5123, credential.Endpoint.Port);
    }

    [Fact]
    public void Endpoint_and_key_given_apart_are_checked_the_same_way()
    {
        var empty = Assert.Throws<AcsTeamsAdminException>(() => AcsKeyCredential.Create("https://contoso.communication.azure.com", " "));
        var notBase64 = Assert.Throws<AcsTeamsAdminException>(() => AcsKeyCredential.Create("https://contoso.communication.azure.com", "secret!value"));

        Assert.Equal("AccessKey", empty.ParameterName);
        Assert.Equal(ErrorIds.InvalidAccessKey, notBase64.ErrorId);
        Assert.DoesNotContain("secret!value", notBase64.Message, StringComparison.Ordinal);
        Assert.Equal("contoso.communication.azure.com", AcsKeyCredential.Create("https://contoso.communication.azure.com", Key).Endpoint.Host);
    }
}
