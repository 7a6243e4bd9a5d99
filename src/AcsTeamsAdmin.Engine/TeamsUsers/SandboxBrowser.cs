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
        return response.Headers.Location
            ?? throw new InvalidOperationException($"The sandbox's authorize endpoint answered {(int)response.StatusCode} without a redirect: {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
    }
}
