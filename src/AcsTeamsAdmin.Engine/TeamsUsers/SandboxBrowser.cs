using System.Text.Json;
using Microsoft.Identity.Client.Extensibility;

namespace AcsTeamsAdmin.Engine.TeamsUsers;

/// <summary>
/// The "browser" of an interactive sign-in against the in-process sandbox: it requests the authorize URL
/// through the sandbox transport (the sandbox signs the login-hint user in at once) and hands MSAL the
/// redirect it answers with. Only ever used with a sandbox session: nothing here can reach a real Entra ID.
/// </summary>
internal sealed class SandboxBrowser(HttpMessageHandler sandbox) : ICustomWebUi
{
    public async Task<Uri> AcquireAuthorizationCodeAsync(Uri authorizationUri, Uri redirectUri, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(sandbox, disposeHandler: false);
        using var response = await http.GetAsync(authorizationUri, cancellationToken).ConfigureAwait(false);
        if (response.Headers.Location is { } location)
        {
            return location;
        }

        // Entra shows a refused sign-in (an unknown account, AADSTS50034) to the user and then redirects back with
        // error and error_description: do the same, so MSAL reports it as the sign-in failure it is.
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var (error, description) = ReadError(body);
        var query = $"?error={Uri.EscapeDataString(error)}&error_description={Uri.EscapeDataString(description)}";
        return new Uri(redirectUri.GetLeftPart(UriPartial.Path) + query);
    }

    private static (string Error, string Description) ReadError(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            return (Text(root, "error") ?? "invalid_request", Text(root, "error_description") ?? body);
        }
        catch (JsonException)
        {
            return ("invalid_request", body);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
