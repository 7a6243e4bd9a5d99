using Microsoft.Identity.Client;

namespace AcsTeamsAdmin.Engine.TeamsUsers;

/// <summary>
/// MSAL's HTTP through a given transport (the sandbox, or the loopback rewrite). The client lives as long as the
/// cached app that uses it, i.e. the process, so it is never disposed.
/// </summary>
internal sealed class MsalHttpClients(HttpClient client) : IMsalHttpClientFactory
{
    public HttpClient GetHttpClient() => client;
}
