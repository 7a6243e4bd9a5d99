using System.Diagnostics;
using System.Globalization;
using AcsTeamsAdmin.Cli;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Tests.Support;
using Xunit.Abstractions;

namespace AcsTeamsAdmin.Tests.Reliability;

/// <summary>
/// The bad-input campaign: malformed GUIDs, JWTs, connection strings, URLs, scopes, expiries, counts and tenant
/// names through acsteams, across the commands, against a sandbox on 127.0.0.1 whose request log is cleared
/// first. Each input here must fail with an error whose first line names the option (--kebab-case) and make no
/// request: among them tokens carrying a header of their own (CR/LF), empty ids and list items, URLs with
/// credentials or a query, and display names Entra would refuse.
/// </summary>
public sealed class BadInputCampaignTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string App = "c0a1b2c3-d4e5-4f60-8a71-b2c3d4e5f614";
    private const string NotAGuid = "c0a1b2c3-not-a-guid";
    private const string NotAJwt = "eyJhbGciOiJub25lIn0.not-base64!.x";

    private readonly SandboxService _sandbox = new();
    private LoopbackSandboxHost? _host;

    public async Task InitializeAsync() => _host = await LoopbackSandboxHost.StartAsync(_sandbox);

    public async Task DisposeAsync()
    {
        await _host!.DisposeAsync();
        _sandbox.Dispose();
    }

    [Fact]
    public async Task Forty_malformed_inputs_each_name_their_option_and_make_no_request()
    {
        var description = _host!.Description;
        string[] graph =
        [
            "--tenant-id", description.TenantId, "--client-id", description.AdminClientId,
            "--authority-host", description.AuthorityHost.AbsoluteUri, "--graph-endpoint", description.GraphEndpoint.AbsoluteUri,
        ];
        string[] acs = ["--connection-string", description.AcsConnectionString];
        var authority = description.AuthorityHost.AbsoluteUri;
        var id = "8:acs:" + Guid.Empty.ToString() + "_" + Guid.NewGuid().ToString();

        (string Option, string[] Args)[] inputs =
        [
            // GUIDs
            ("--app-id", ["New-AcsTeamsServicePrincipal", .. graph, "--app-id", NotAGuid]),
            ("--app-id", ["Get-AcsTeamsServicePrincipal", .. graph, "--app-id", "{not-a-guid}"]),
            ("--app-id", ["Grant-AcsAdminConsent", .. graph, "--app-id", "12345"]),
            ("--app-id", ["Get-AcsAdminConsent", .. graph, "--app-id", NotAGuid]),
            ("--app-id", ["Test-AcsTeamsReadiness", .. graph, "--app-id", NotAGuid]),
            ("--app-id", ["Initialize-AcsTeams", .. graph, "--app-id", App + "0"]),
            ("--app-id", ["Get-AcsTeamsApplication", .. graph, "--application-id", NotAGuid]),
            ("--app-id", ["Set-AcsVoipPermission", .. graph, "--application-id", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz"]),
            ("--client-id", ["Get-AcsAdminConsentUrl", "--tenant-id", "fabrikam.onmicrosoft.com", "--client-id", NotAGuid]),
            ("--client-id", ["Convert-AadTokenToTeamsToken", .. acs, "--aad-token", NotAJwt, "--client-id", NotAGuid, "--user-object-id", App]),
            ("--user-object-id", ["Convert-AadTokenToTeamsToken", .. acs, "--aad-token", NotAJwt, "--client-id", App, "--user-object-id", NotAGuid]),
            ("--teams-user-id", ["Test-AcsTeamsReadiness", .. graph, "--app-id", App, "--teams-user-token", NotAJwt, "--teams-user-id", NotAGuid]),
            ("--client-id", ["Get-AcsTeamsUserAadToken", "--client-id", NotAGuid, "--use-device-code", "--authority-host", authority]),

            // Tenant names
            ("--tenant-id", ["Get-AcsAdminConsentUrl", "--tenant-id", "common", "--client-id", App, "--v2", "--redirect-uri", "https://a.example/"]),
            ("--tenant-id", ["Get-AcsAdminConsentUrl", "--tenant-id", "fabrikam", "--client-id", App]),
            ("--tenant-id", ["Get-AcsAdminConsentUrl", "--tenant-id", "consumers", "--client-id", App]),
            ("--tenant-id", ["Get-AcsAdminConsentUrl", "--tenant-id", "not a domain.com", "--client-id", App]),
            ("--tenant-id", ["Get-AcsTeamsUserAadToken", "--client-id", App, "--tenant-id", "bad tenant!", "--use-device-code", "--authority-host", authority]),

            // URLs
            ("--redirect-uri", ["Get-AcsAdminConsentUrl", "--tenant-id", "fabrikam.onmicrosoft.com", "--client-id", App, "--redirect-uri", "/consent/done"]),
            ("--redirect-uri", ["Get-AcsAdminConsentUrl", "--tenant-id", "fabrikam.onmicrosoft.com", "--client-id", App, "--redirect-uri", "http://app.contoso.com/done"]),
            ("--redirect-uri", ["Set-AcsVoipPermission", .. graph, "--application-id", App, "--redirect-uri", "not a url"]),
            ("--redirect-uri", ["Initialize-AcsTeams", .. graph, "--app-id", App, "--redirect-uri", "::::"]),
            ("--acs-endpoint", ["Test-AcsTeamsReadiness", .. graph, "--app-id", App, "--acs-endpoint", "not-a-url"]),
            ("--endpoint", ["New-AcsIdentity", "--endpoint", "http://contoso.communication.azure.com/"]),

            // Connection strings
            ("--connection-string", ["New-AcsIdentity", "--connection-string", "endpoint=https://x.communication.azure.com/"]),
            ("--connection-string", ["New-AcsIdentity", "--connection-string", "accesskey=abc"]),
            ("--connection-string", ["Remove-AcsIdentity", "--connection-string", "garbage", "--identity-id", id]),
            ("--connection-string", ["Revoke-AcsAccessToken", "--connection-string", "endpoint=not-a-url;accesskey=" + Convert.ToBase64String(new byte[32]), "--identity-id", id]),
            ("--acs-connection-string", ["Test-AcsTeamsReadiness", .. graph, "--app-id", App, "--acs-connection-string", "endpoint=https://x.communication.azure.com/;accesskey=not base64!"]),

            // Scopes, expiries, counts, roles, versions
            ("--scope", ["Grant-AcsAdminConsent", .. graph, "--app-id", App, "--scope", "Teams.ManageMeetings"]),
            ("--scope", ["Set-AcsVoipPermission", .. graph, "--application-id", App, "--scope", "User.Read"]),
            ("--scope", ["New-AcsAccessToken", .. acs, "--identity-id", id, "--scope", "calls"]),
            ("--scope", ["New-AcsIdentity", .. acs, "--scope", "chat,everything"]),
            ("--expires-in-minutes", ["New-AcsAccessToken", .. acs, "--identity-id", id, "--scope", "chat", "--expires-in-minutes", "59"]),
            ("--expires-in-minutes", ["New-AcsAccessToken", .. acs, "--identity-id", id, "--scope", "chat", "--expires-in-minutes", "1441"]),
            ("--expires-in-minutes", ["New-AcsIdentity", .. acs, "--scope", "chat", "--expires-in-minutes", "an hour"]),
            ("--count", ["New-AcsIdentity", .. acs, "--count", "0"]),
            ("--count", ["New-AcsIdentity", .. acs, "--count", "-5"]),
            ("--throttle-limit", ["New-AcsIdentity", .. acs, "--throttle-limit", "0"]),
            ("--api-version", ["New-AcsIdentity", .. acs, "--api-version", "1999-01-01"]),
            ("--role", ["Initialize-AcsTeams", .. graph, "--app-id", App, "--role", "Owner"]),
            ("--identity-id", ["Remove-AcsIdentity", .. acs, "--identity-id", "not-an-acs-id"]),
            ("--identity-id", ["Revoke-AcsAccessToken", .. acs, "--identity-id", "8:orgid:" + App]),

            // JWTs
            ("--aad-token", ["Convert-AadTokenToTeamsToken", .. acs, "--aad-token", NotAJwt, "--client-id", App, "--user-object-id", App]),
            ("--aad-token", ["Convert-AadTokenToTeamsToken", .. acs, "--aad-token", "abc", "--client-id", App, "--user-object-id", App]),
            ("--token", ["ConvertFrom-AcsToken", "--token", NotAJwt]),
            ("--teams-user-token", ["Test-AcsTeamsReadiness", .. graph, "--app-id", App, "--teams-user-token", NotAJwt, "--teams-user-id", App]),
            ("--teams-user-token", ["Test-AcsTeamsReadiness", .. graph, "--app-id", App, "--teams-user-token", "abc", "--teams-user-id", App]),

            // Display names
            ("--display-name", ["New-AcsTeamsApplication", .. graph, "--display-name", "   "]),
            ("--display-name", ["New-AcsTeamsApplication", .. graph, "--display-name", new string('x', 257)]),
            ("--display-name", ["New-AcsTeamsApplication", .. graph, "--display-name", "Contoso\nCalling"]),
            ("--display-name", ["Get-AcsTeamsApplication", .. graph, "--display-name", new string('y', 20_000)]),

            // Header injection: a token that would end its Authorization header and start another
            ("--access-token", ["Get-AcsTeamsServicePrincipal", "--access-token", "eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.\r\nX-Evil: 1", "--graph-endpoint", description.GraphEndpoint.AbsoluteUri]),
            ("--access-token", ["Get-AcsTeamsServicePrincipal", "--access-token", "eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.\nX-Evil: 1", "--graph-endpoint", description.GraphEndpoint.AbsoluteUri]),
            ("--teams-user-token", ["Test-AcsTeamsReadiness", .. graph, "--app-id", App, "--teams-user-token", "eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.x\r\nX-Evil: 1", "--teams-user-id", App]),

            // Empty ids and list items: never dropped, never "nothing" (a tenant-wide step would still write)
            ("--app-id", ["Initialize-AcsTeams", .. graph, "--app-id", ""]),
            ("--app-id", ["Initialize-AcsTeams", .. graph, "--app-id", " "]),
            ("--app-id", ["Initialize-AcsTeams", .. graph, "--app-id", ","]),
            ("--app-id", ["Test-AcsTeamsReadiness", .. graph, "--app-id", App + ",," + App]),
            ("--scope", ["New-AcsIdentity", .. acs, "--scope", "chat,,voip"]),
            ("--identity-id", ["Remove-AcsIdentity", .. acs, "--identity-id", id + ","]),

            // URLs with credentials or a query
            ("--graph-endpoint", ["Get-AcsTeamsServicePrincipal", "--tenant-id", description.TenantId, "--client-id", description.AdminClientId,
                "--authority-host", description.AuthorityHost.AbsoluteUri, "--graph-endpoint", "http://user:pw@127.0.0.1:1/v1.0"]),
            ("--graph-endpoint", ["Get-AcsTeamsServicePrincipal", "--tenant-id", description.TenantId, "--client-id", description.AdminClientId,
                "--authority-host", description.AuthorityHost.AbsoluteUri, "--graph-endpoint", description.GraphEndpoint.AbsoluteUri + "?x=1"]),
            ("--redirect-uri", ["Set-AcsVoipPermission", .. graph, "--application-id", App, "--redirect-uri", "http://user:pw@localhost/"]),
        ];

        var clock = Stopwatch.StartNew();
        var secret = new Dictionary<string, string> { ["ACSTEAMS_CLIENT_SECRET"] = description.AdminClientSecret };
        var unclear = new List<string>();
        var requests = 0;
        foreach (var (option, args) in inputs)
        {
            _sandbox.Requests.Clear();
            var run = await CliRun.Invoke(secret, args);
            var made = _sandbox.Requests.Entries.Count;
            requests += made;
            var first = run.Stderr.Split('\n')[0];
            var clear = run.ExitCode != CliApplication.Success && first.StartsWith("acsteams: ", StringComparison.Ordinal)
                && first.Contains(option, StringComparison.Ordinal) && !run.Stderr.Contains("   at ", StringComparison.Ordinal);
            if (!clear || made > 0)
            {
                unclear.Add($"{args[0]} {option}: exit {run.ExitCode}, {made} request(s): {first}");
            }
        }

        CampaignFigures.Print(output, "bad input", string.Create(CultureInfo.InvariantCulture,
            $"inputs tried {inputs.Length} across {inputs.Select(input => input.Args[0]).Distinct().Count()} commands; clear errors {inputs.Length - unclear.Count}; requests made {requests}; {clock.Elapsed.TotalSeconds:0.0} s"));
        foreach (var line in unclear)
        {
            output.WriteLine(line);
        }

        Assert.True(inputs.Length >= 60);
        Assert.Empty(unclear);
        Assert.Equal(0, requests);
    }
}
