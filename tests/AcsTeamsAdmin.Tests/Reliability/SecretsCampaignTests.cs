using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using AcsTeamsAdmin.Cli.Commands;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Sandbox.Graph;
using AcsTeamsAdmin.Sandbox.Internal;
using AcsTeamsAdmin.Tests.Communication;
using AcsTeamsAdmin.Tests.Support;
using Xunit.Abstractions;

namespace AcsTeamsAdmin.Tests.Reliability;

/// <summary>
/// The secrets campaign: canaries for every kind of secret (the Graph client secret, a Graph access token, the ACS
/// access key and connection string, a Teams user's Entra token, and the ACS tokens the sandbox issues) fed through
/// every acsteams command at --verbose --debug, on success and failure paths, against a sandbox on 127.0.0.1.
/// Every stdout and stderr is scanned for each canary, and for each token's payload segment alone. The one stream
/// not scanned is the stdout of a run that prints a token on purpose (--as-plain-text), and it is where the
/// campaign captures that token to look for it everywhere else.
/// </summary>
public sealed partial class SecretsCampaignTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string ClientSecret = "CANARY-GRAPH-CLIENT-SECRET-7c1e0d";
    private const string WrongSecret = "CANARY-WRONG-CLIENT-SECRET-4f2a9b";
    private static readonly string AccessKey = Convert.ToBase64String("CANARY-CAMPAIGN-ACS-ACCESS-KEY-1"u8.ToArray());
    private static readonly string WrongKey = Convert.ToBase64String("CANARY-CAMPAIGN-WRONG-ACS-KEY-22"u8.ToArray());

    private readonly SandboxService _sandbox = new();
    private readonly List<ScannedRun> _scanned = [];
    private readonly HashSet<string> _secrets = new(StringComparer.Ordinal) { ClientSecret, WrongSecret, AccessKey, WrongKey };
    private readonly HashSet<string> _covered = new(StringComparer.OrdinalIgnoreCase);
    private LoopbackSandboxHost? _host;
    private int _excluded;

    public async Task InitializeAsync()
    {
        _sandbox.State.Update(data =>
        {
            data.AcsAccessKey = AccessKey;
            data.Settings.DeviceCodeIntervalSeconds = 0;
            var fabrikam = data.Tenants.First(tenant => tenant.Id == SandboxIds.FabrikamTenantId);
            var credentials = fabrikam.AppCredentials.First(credential => credential.AppId == SandboxIds.FabrikamAdminClientId);
            credentials.Secrets.Clear();
            credentials.Secrets.Add(ClientSecret);

            // The ACS service principal and consent for Fabrikam's public client, so the Teams user's sign-in succeeds.
            var acs = DirectoryQueries.Provision(data, fabrikam, SandboxIds.AcsAppId, null, DateTimeOffset.UtcNow);
            var client = DirectoryQueries.FindServicePrincipal(fabrikam, SandboxIds.FabrikamAdminClientId)!;
            fabrikam.OAuth2PermissionGrants.Add(GraphObjects.Grant((string)client["id"]!, (string)acs["id"]!, "AllPrincipals", null, "Teams.ManageCalls Teams.ManageChats"));
        });
        _host = await LoopbackSandboxHost.StartAsync(_sandbox);
    }

    public async Task DisposeAsync()
    {
        await _host!.DisposeAsync();
        _sandbox.Dispose();
    }

    [Fact]
    public async Task Every_command_at_verbose_and_debug_on_success_and_failure_prints_no_secret_on_any_stream()
    {
        var clock = Stopwatch.StartNew();
        var description = _host!.Description;
        Assert.Equal(ClientSecret, description.AdminClientSecret);
        var connectionString = description.AcsConnectionString;
        _secrets.Add(connectionString);
        var authority = description.AuthorityHost.AbsoluteUri;
        string[] signIn = ["--tenant-id", description.TenantId, "--client-id", description.AdminClientId, "--authority-host", authority, "--graph-endpoint", description.GraphEndpoint.AbsoluteUri];
        var bySecret = new Dictionary<string, string> { [SecretVariables.ClientSecret] = ClientSecret };
        var graphToken = Secret(_sandbox.IssueAccessToken(new AccessTokenRequest
        {
            TenantId = SandboxIds.FabrikamTenantId,
            ClientAppId = SandboxIds.FabrikamAdminClientId,
            Roles = ["Application.ReadWrite.All", "DelegatedPermissionGrant.ReadWrite.All", "Organization.Read.All"],
        }));
        var wrongSecret = new Dictionary<string, string> { [SecretVariables.ClientSecret] = WrongSecret };
        string[] byToken = ["--graph-endpoint", description.GraphEndpoint.AbsoluteUri];
        var byTokenEnv = new Dictionary<string, string> { [SecretVariables.AccessToken] = graphToken };
        var acs = new Dictionary<string, string> { [SecretVariables.AcsConnectionString] = connectionString };
        var app = SandboxIds.FabrikamAdminClientId;
        var user = SandboxIds.FabrikamTeamsUserId;

        // A Teams user's Entra token for ACS, minted for the app and user the readiness and exchange runs name.
        var teamsToken = Secret(_sandbox.IssueAccessToken(new AccessTokenRequest
        {
            TenantId = SandboxIds.FabrikamTenantId,
            ClientAppId = app,
            User = user,
            Audience = SandboxIds.AcsAppIdUri,
            Scopes = ["Teams.ManageCalls", "Teams.ManageChats"],
        }));
        var expiredTeamsToken = Secret(AcsTestKit.TeamsToken(_sandbox, lifetime: TimeSpan.FromMinutes(-5)));
        var notAJwt = Secret("eyJCANARY-NOT-A-JWT." + Guid.NewGuid().ToString("N"));

        // Connections: the secret from the environment and as an option, a wrong secret, a token, a malformed token.
        await Run(bySecret, "Connect-AcsTeamsAdmin", signIn);
        await Run(null, "Connect-AcsTeamsAdmin", [.. signIn, "--client-secret", ClientSecret]);
        await Run(null, "Connect-AcsTeamsAdmin", [.. signIn, "--client-secret", WrongSecret], fails: true);
        await Run(byTokenEnv, "Get-AcsTeamsAdminContext", byToken);
        await Run(null, "Get-AcsTeamsAdminContext", [.. byToken, "--access-token", graphToken]);
        await Run(null, "Get-AcsTeamsAdminContext", [.. byToken, "--access-token", notAJwt], fails: true);
        await Run(null, "Disconnect-AcsTeamsAdmin", []);

        // Graph commands: each signed in with the secret or the token, and one failure each.
        await Run(null, "Get-AcsAdminConsentUrl", ["--tenant-id", "fabrikam.onmicrosoft.com", "--client-id", app]);
        await Run(null, "Get-AcsAdminConsentUrl", ["--tenant-id", "fabrikam.onmicrosoft.com", "--client-id", "not-a-guid"], fails: true);
        await Run(bySecret, "Get-AcsTeamsServicePrincipal", signIn);
        await Run(bySecret, "New-AcsTeamsServicePrincipal", signIn);
        await Run(byTokenEnv, "New-AcsTeamsServicePrincipal", [.. byToken, "--app-id", Guid.NewGuid().ToString()], fails: true);
        await Run(bySecret, "Grant-AcsAdminConsent", [.. signIn, "--app-id", app]);
        await Run(byTokenEnv, "Get-AcsAdminConsent", [.. byToken, "--app-id", app]);
        await Run(wrongSecret, "Get-AcsAdminConsent", [.. signIn, "--app-id", app], fails: true);
        await Run(bySecret, "Get-AcsTeamsApplication", [.. signIn, "--application-id", app]);
        await Run(bySecret, "Set-AcsVoipPermission", [.. signIn, "--application-id", app]);
        await Run(byTokenEnv, "Set-AcsVoipPermission", [.. byToken, "--application-id", Guid.NewGuid().ToString()], fails: true);
        await Run(bySecret, "New-AcsTeamsApplication", [.. signIn, "--display-name", "Secrets campaign app"]);
        await Run(wrongSecret, "New-AcsTeamsApplication", [.. signIn, "--display-name", "Never"], fails: true);
        await Run(bySecret, "Initialize-AcsTeams", [.. signIn, "--app-id", app]);
        await Run(bySecret, "Test-AcsTeamsReadiness", [.. signIn, "--app-id", app, "--acs-connection-string", connectionString, "--teams-user-token", teamsToken, "--teams-user-id", user], fails: null);
        await Run(bySecret, "Test-AcsTeamsReadiness", [.. signIn, "--app-id", app, "--acs-connection-string", connectionString.Replace(AccessKey, WrongKey, StringComparison.Ordinal), "--teams-user-token", expiredTeamsToken, "--teams-user-id", user], fails: true);
        await Run(bySecret, "Test-AcsTeamsReadiness", [.. signIn, "--app-id", app, "--teams-user-token", notAJwt, "--teams-user-id", user], fails: true);
        await Run(null, "Test-AcsAnonymousJoinPolicy", ["--disable-anonymous-join", "true"], fails: null);

        // The ACS resource from Azure Resource Manager, whose connection string (a canary) is read but never printed, and a meeting.
        await Run(bySecret, "Get-AcsResource", [.. signIn, "--include-connection-string"]);
        await Run(bySecret, "Get-AcsResource", [.. signIn, "--include-connection-string", "--output", "json"]);
        await Run(wrongSecret, "Get-AcsResource", [.. signIn, "--include-connection-string"], fails: true);
        await Run(bySecret, "New-AcsTeamsMeeting", [.. signIn, "--organizer-id", SandboxIds.FabrikamTeamsUserUpn, "--lobby-bypass-scope", "everyone"]);
        await Run(bySecret, "New-AcsTeamsMeeting", [.. signIn, "--organizer-id", "nobody@fabrikam.onmicrosoft.com"], fails: true);

        // ACS identities and tokens: a token printed on purpose is captured, then looked for everywhere else.
        await Run(acs, "New-AcsIdentity", ["--count", "2", "--scope", "chat"]);
        var ids = _sandbox.State.Read(data => data.AcsIdentities.Select(identity => identity.Id).ToArray());
        await Run(acs, "New-AcsAccessToken", ["--identity-id", ids[0], "--scope", "voip"]);
        var acsToken = await Capture(acs, "New-AcsAccessToken", ["--identity-id", ids[0], "--scope", "chat,voip", "--as-plain-text", "--output", "json"]);
        await Run(null, "ConvertFrom-AcsToken", ["--token", acsToken]);
        await Run(acs, "Revoke-AcsAccessToken", ["--identity-id", ids[0], "--pass-thru"]);
        await Run(acs, "Remove-AcsIdentity", ["--identity-id", string.Join(',', ids), "--pass-thru"]);
        await Run(null, "Remove-AcsIdentity", ["--identity-id", ids[0], "--connection-string", connectionString.Replace(AccessKey, WrongKey, StringComparison.Ordinal)], fails: true);
        await Run(new Dictionary<string, string> { [SecretVariables.AcsConnectionString] = connectionString + ";accesskey=" + WrongKey }, "New-AcsIdentity", [], fails: true);
        await Run(acs, "New-AcsAccessToken", ["--identity-id", ids[0], "--scope", "chat", "--as-plain-text"], fails: true);
        await Run(acs, "Revoke-AcsAccessToken", ["--identity-id", ids[1], "--connection-string", "endpoint=" + authority + ";accesskey=" + WrongKey], fails: true);

        // The Teams user's sign-in, the exchange, and decoding.
        string[] userSignIn = ["--client-id", app, "--tenant-id", SandboxIds.FabrikamTenantId, "--use-device-code", "--authority-host", authority];
        var entraToken = await Capture(null, "Get-AcsTeamsUserAadToken", [.. userSignIn, "--as-plain-text", "--output", "json"]);
        await Run(null, "Get-AcsTeamsUserAadToken", userSignIn);
        await Run(null, "Get-AcsTeamsUserAadToken", ["--client-id", Guid.NewGuid().ToString(), "--tenant-id", SandboxIds.FabrikamTenantId, "--use-device-code", "--authority-host", authority], fails: true);
        var byEntraToken = new Dictionary<string, string>(acs) { [SecretVariables.AadToken] = entraToken };
        await Run(byEntraToken, "Convert-AadTokenToTeamsToken", ["--client-id", app, "--user-object-id", SandboxIds.FabrikamAdminUserId]);
        var exchanged = await Capture(acs, "Convert-AadTokenToTeamsToken", ["--aad-token", teamsToken, "--client-id", app, "--user-object-id", user, "--as-plain-text", "--output", "json"]);
        await Run(acs, "Convert-AadTokenToTeamsToken", ["--aad-token", expiredTeamsToken, "--client-id", SandboxIds.ContosoTeamsCallingAppId, "--user-object-id", user], fails: true);
        await Run(acs, "Convert-AadTokenToTeamsToken", ["--aad-token", teamsToken, "--client-id", app, "--user-object-id", SandboxIds.FabrikamAdminUserId], fails: true);
        await Run(null, "ConvertFrom-AcsToken", ["--token", exchanged]);
        await Run(byEntraToken, "ConvertFrom-AcsToken", []);
        await Run(null, "ConvertFrom-AcsToken", ["--token", graphToken]);
        await Run(null, "ConvertFrom-AcsToken", ["--token", notAJwt], fails: true);

        var leaks = Leaks().ToArray();
        var streams = (_scanned.Count * 2) - _excluded;
        CampaignFigures.Print(output, "secrets", string.Create(CultureInfo.InvariantCulture,
            $"commands {_covered.Count}/{CommandCatalog.All.Count}; runs {_scanned.Count + _excluded} ({_scanned.Count(run => run.ExitCode != 0)} failing); canaries {_secrets.Count} (+ JWT payloads {_secrets.Count(IsJwt)}); " +
            $"streams scanned {streams} ({_scanned.Sum(run => run.Stdout.Length + run.Stderr.Length)} chars), not scanned {_excluded} (--as-plain-text stdout); leaks {leaks.Length}; {clock.Elapsed.TotalSeconds:0.0} s"));
        foreach (var leak in leaks)
        {
            output.WriteLine(leak);
        }

        Assert.Empty(leaks);
        Assert.Equal(CommandCatalog.All.Select(command => command.Name).Order(StringComparer.OrdinalIgnoreCase), _covered.Order(StringComparer.OrdinalIgnoreCase));

        // Verbose and debug output were on (the ACS client writes its requests at debug), or the campaign scanned less than it says.
        Assert.All(_scanned.Where(run => run.ExitCode == 0 && CommandCatalog.Find(run.Command)!.Handler.SignsIn), run => Assert.Contains("VERBOSE: ", run.Stderr, StringComparison.Ordinal));
        Assert.Contains(_scanned, run => run.Stderr.Contains("DEBUG: ACS ", StringComparison.Ordinal));
    }

    private async Task Run(IReadOnlyDictionary<string, string>? environment, string command, string[] args, bool? fails = false)
    {
        var run = await CliRun.Invoke(environment, [command, .. args, "--verbose", "--debug"]);
        if (fails is { } expectFailure)
        {
            Assert.True(expectFailure ? run.ExitCode != 0 : run.ExitCode == 0, $"{command} {string.Join(' ', args.Take(2))}: exit {run.ExitCode}: {run.Stderr}");
        }

        _covered.Add(command);
        _scanned.Add(new ScannedRun(command, run.ExitCode, run.Stdout, run.Stderr));
    }

    /// <summary>A run that prints a token on purpose: its stderr is scanned, its stdout is where the token is taken from.</summary>
    private async Task<string> Capture(IReadOnlyDictionary<string, string>? environment, string command, string[] args)
    {
        var run = await CliRun.Invoke(environment, [command, .. args, "--verbose", "--debug"]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var token = Jwt().Match(run.Stdout).Value;
        Assert.False(string.IsNullOrEmpty(token), $"{command} --as-plain-text printed no token");
        _covered.Add(command);
        _excluded++;
        _scanned.Add(new ScannedRun(command, run.ExitCode, "", run.Stderr));
        return Secret(token);
    }

    private string Secret(string value)
    {
        _secrets.Add(value);
        return value;
    }

    private IEnumerable<string> Leaks()
    {
        var needles = _secrets.SelectMany(secret => IsJwt(secret) ? [secret, secret.Split('.')[1]] : new[] { secret }).ToArray();
        foreach (var run in _scanned)
        {
            foreach (var (stream, text) in new[] { ("stdout", run.Stdout), ("stderr", run.Stderr) })
            {
                foreach (var needle in needles.Where(needle => text.Contains(needle, StringComparison.Ordinal)))
                {
                    // Never print the whole secret, even in a failing test's output.
                    yield return $"LEAK: {run.Command} {stream} contains a canary starting '{needle[..Math.Min(12, needle.Length)]}'";
                }
            }
        }
    }

    private static bool IsJwt(string value) => value.StartsWith("eyJ", StringComparison.Ordinal) && value.Split('.') is [_, { Length: > 0 }, _];

    [GeneratedRegex(@"eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*")]
    private static partial Regex Jwt();

    private sealed record ScannedRun(string Command, int ExitCode, string Stdout, string Stderr);
}
