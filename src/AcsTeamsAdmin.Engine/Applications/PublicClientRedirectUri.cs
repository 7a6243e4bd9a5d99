using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Validation;

namespace AcsTeamsAdmin.Engine.Applications;

/// <summary>
/// A redirect URI for the app's "Mobile and desktop applications" platform (publicClient.redirectUris).
/// Entra ID accepts https, plain http only on localhost, and custom schemes such as msal{appId}://auth;
/// the text is kept exactly as typed, because Entra compares redirect URIs as strings
/// (http://localhost and http://localhost/ are two different entries).
/// </summary>
public sealed record PublicClientRedirectUri
{
    /// <summary>What the ACS Teams quickstart registers.</summary>
    public static PublicClientRedirectUri Default { get; } = new("http://localhost");

    private PublicClientRedirectUri(string value) => Value = value;

    public string Value { get; }

    public static PublicClientRedirectUri Parse(string? value, string parameterName = "RedirectUri")
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw AcsTeamsAdminException.InvalidInput(parameterName, value, "is empty.",
                "Pass a redirect URI such as http://localhost (the default), https://contoso.com/auth or msal<appId>://auth.", ErrorIds.MissingParameter);
        }

        // Entra's documented limits: at most 256 characters, no wildcards, no fragment.
        InputParser.RefuseControlCharacters(parameterName, trimmed);
        if (trimmed.Length > 256 || trimmed.Contains('*', StringComparison.Ordinal) || trimmed.Contains('#', StringComparison.Ordinal)
            || !Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme is "javascript" or "data" or "file")
        {
            throw AcsTeamsAdminException.InvalidInput(parameterName, value, $"'{InputParser.Shorten(trimmed)}' is not a usable redirect URI.",
                "Pass an absolute URI of at most 256 characters without wildcards or a #fragment: " +
                "http://localhost, an https URL or a custom scheme such as msal<appId>://auth.",
                ErrorIds.InvalidUrl);
        }

        InputParser.RefuseUserInfo(parameterName, uri);
        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            throw AcsTeamsAdminException.InvalidInput(parameterName, value, $"'{InputParser.Shorten(trimmed)}' uses plain http.",
                "Use https; Entra ID accepts plain http only for http://localhost (or 127.0.0.1).", ErrorIds.InvalidUrl);
        }

        return new PublicClientRedirectUri(trimmed);
    }

    public override string ToString() => Value;
}
