using System.Text.Json;
using AcsTeamsAdmin.Sandbox;
using AcsTeamsAdmin.Sandbox.Graph;
using AcsTeamsAdmin.Sandbox.Internal;
using AcsTeamsAdmin.Tests.Communication;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Cli;

/// <summary>
/// The ACS commands of acsteams against a sandbox on 127.0.0.1 (the commands that cannot sign in reach it
/// through its connection string and authority host): the quickstart, bad input that never makes a request,
/// and a canary scan of everything every command printed at --verbose --debug.
/// </summary>
public sealed class AcsCliTests : IAsyncLifetime
{
    private static readonly string CanaryKey = Convert.ToBase64String("CANARY-CLI-ACS-ACCESS-KEY-987654"u8.ToArray());

    private readonly SandboxService _sandbox = new();
    private LoopbackSandboxHost? _host;

    private string ConnectionString => _host!.Description.AcsConnectionString;

    private string Authority => _host!.BaseAddress.AbsoluteUri;

    public async Task InitializeAsync()
    {
        _sandbox.State.Update(d =>
        {
            d.AcsAccessKey = CanaryKey;

            // What New-AcsTeamsServicePrincipal and Grant-AcsAdminConsent do for Fabrikam's own public client app.
            var fabrikam = d.Tenants.First(t => t.Id == SandboxIds.FabrikamTenantId);
            var acs = DirectoryQueries.Provision(d, fabrikam, SandboxIds.AcsAppId, null, DateTimeOffset.UtcNow);
            var client = DirectoryQueries.FindServicePrincipal(fabrikam, SandboxIds.FabrikamAdminClientId)!;
            fabrikam.OAuth2PermissionGrants.Add(GraphObjects.Grant((string)client["id"]!, (string)acs["id"]!, "AllPrincipals", null, "Teams.ManageCalls Teams.ManageChats"));
            d.Settings.DeviceCodeIntervalSeconds = 0;
        });
        _host = await LoopbackSandboxHost.StartAsync(_sandbox);
    }

    public async Task DisposeAsync()
    {
        await _host!.DisposeAsync();
        _sandbox.Dispose();
    }

    [Fact]
    public async Task As_plain_text_prints_the_token_in_table_output_too_and_only_when_asked()
    {
        string[] signIn = ["Get-AcsTeamsUserAadToken", "--client-id", SandboxIds.FabrikamAdminClientId, "--tenant-id", SandboxIds.FabrikamTenantId,
            "--use-device-code", "--authority-host", Authority];

        var hidden = await CliRun.Invoke(signIn);
        var shown = await CliRun.Invoke([.. signIn, "--as-plain-text"]);

        Assert.True(shown.ExitCode == 0, shown.Stderr);
        Assert.Matches(@"Token\s+: eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.", shown.Stdout);
        Assert.DoesNotContain("eyJ", hidden.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_quickstart_and_the_identity_lifecycle_print_no_secret_on_any_stream()
    {
        var runs = new List<CliRun>();
        var secrets = new List<string> { CanaryKey, ConnectionString };
        var env = new Dictionary<string, string> { ["ACSTEAMS_ACS_CONNECTION_STRING"] = ConnectionString };

        // 1. The Teams user's Entra token (printed on purpose: --as-plain-text; its stdout is the one stream not scanned).
        var signIn = await CliRun.Invoke("Get-AcsTeamsUserAadToken", "--client-id", SandboxIds.FabrikamAdminClientId, "--tenant-id", SandboxIds.FabrikamTenantId,
            "--use-device-code", "--authority-host", Authority, "--as-plain-text", "--output", "json", "--verbose", "--debug");
        Assert.True(signIn.ExitCode == 0, signIn.Stderr);
        var aad = JsonDocument.Parse(signIn.Stdout).RootElement[0];
        var aadToken = aad.GetProperty("Token").GetString()!;
        secrets.Add(aadToken);
        runs.Add(signIn with { Stdout = "" });
        Assert.Contains("To sign in", signIn.Stderr, StringComparison.Ordinal);

        // 2. The exchange, the token from the environment, the output hidden.
        var exchangeEnv = new Dictionary<string, string>(env) { ["ACSTEAMS_AAD_TOKEN"] = aadToken };
        var exchange = await CliRun.Invoke(exchangeEnv, "Convert-AadTokenToTeamsToken", "--client-id", aad.GetProperty("ClientId").GetString()!,
            "--user-object-id", aad.GetProperty("UserObjectId").GetString()!, "--output", "json", "--verbose", "--debug");
        Assert.True(exchange.ExitCode == 0, exchange.Stderr);
        Assert.Equal("8:orgid:" + SandboxIds.FabrikamAdminUserId, JsonDocument.Parse(exchange.Stdout).RootElement[0].GetProperty("IdentityId").GetString());
        Assert.Contains("(hidden: add --as-plain-text", exchange.Stdout, StringComparison.Ordinal);
        runs.Add(exchange);

        // 3. Identities and tokens; tables only show ids and expiry.
        var created = await CliRun.Invoke(env, "New-AcsIdentity", "--count", "3", "--throttle-limit", "2", "--verbose", "--debug");
        Assert.True(created.ExitCode == 0, created.Stderr);
        var ids = _sandbox.State.Read(d => d.AcsIdentities.Select(i => i.Id).ToArray());
        Assert.Equal(3, ids.Length);
        runs.Add(created);
        var issued = await CliRun.Invoke(env, "New-AcsAccessToken", "--identity-id", ids[0], "--scope", "chat,voip", "--expires-in-minutes", "60", "--verbose", "--debug");
        runs.Add(issued);
        runs.Add(await CliRun.Invoke(env, "Revoke-AcsAccessToken", "--identity-id", ids[0], "--pass-thru", "--verbose", "--debug"));
        runs.Add(await CliRun.Invoke(env, "Remove-AcsIdentity", "--identity-id", string.Join(',', ids), "--pass-thru", "--verbose", "--debug"));
        runs.Add(await CliRun.Invoke(exchangeEnv, "ConvertFrom-AcsToken", "--verbose", "--debug"));
        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.Stderr));
        Assert.Empty(_sandbox.State.Read(d => d.AcsIdentities.Where(i => i.DeletedOn is null).ToArray()));

        // Failures print one line each, still without secrets.
        runs.Add(await CliRun.Invoke(exchangeEnv, "Convert-AadTokenToTeamsToken", "--client-id", SandboxIds.ContosoTeamsCallingAppId, "--user-object-id", SandboxIds.FabrikamAdminUserId, "--verbose", "--debug"));
        runs.Add(await CliRun.Invoke(new Dictionary<string, string> { ["ACSTEAMS_ACS_CONNECTION_STRING"] = ConnectionString + ";accesskey=" + CanaryKey }, "New-AcsIdentity", "--verbose", "--debug"));
        runs.Add(await CliRun.Invoke("Remove-AcsIdentity", "--identity-id", ids[0], "--connection-string", ConnectionString.Replace(CanaryKey, Convert.ToBase64String(new byte[32]), StringComparison.Ordinal), "--verbose", "--debug"));
        Assert.Equal(3, runs.TakeLast(3).Count(run => run.ExitCode == 1));

        var everything = string.Join("\n", runs.Select(run => run.Stdout + "\n" + run.Stderr));
        Assert.Contains("DEBUG", everything, StringComparison.Ordinal);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, string[]> BadInputs()
    {
        using var sandbox = new SandboxService();
        string Token(string? audience = null, string[]? scopes = null, TimeSpan? lifetime = null) =>
            AcsTestKit.TeamsToken(sandbox, scopes, audience ?? SandboxIds.AcsAppIdUri, lifetime);
        string[] Convert(string token, string clientId = SandboxIds.ContosoTeamsCallingAppId, string user = SandboxIds.FabrikamTeamsUserId) =>
            ["Convert-AadTokenToTeamsToken", "--aad-token", token, "--client-id", clientId, "--user-object-id", user];
        const string Id = "8:acs:" + SandboxIds.AcsResourceId + "_00000000-0000-0000-0000-000000000001";
        return new()
        {
            { "not a JWT", Convert("not-a-jwt") },
            { "the token expired", Convert(Token(lifetime: TimeSpan.FromMinutes(-5))) },
            { "not for Azure Communication Services", Convert(Token(audience: "https://graph.microsoft.com")) },
            { "lacks the scope Teams.ManageChats", Convert(Token(scopes: ["Teams.ManageCalls"])) },
            { "was issued to app", Convert(Token(), clientId: SandboxIds.FabrikamAdminClientId) },
            { "belongs to user", Convert(Token(), user: SandboxIds.FabrikamAdminUserId) },
            { "--client-id: 'nope' is not a GUID", Convert(Token(), clientId: "nope") },
            { "--user-object-id: 'adele' is not a GUID", Convert(Token(), user: "adele") },
            { "--api-version: '2020-01-01'", ["New-AcsIdentity", "--api-version", "2020-01-01"] },
            { "--scope: 'admin' is not an ACS token scope", ["New-AcsIdentity", "--scope", "admin"] },
            { "--expires-in-minutes: 59 is out of range", ["New-AcsIdentity", "--scope", "chat", "--expires-in-minutes", "59"] },
            { "--throttle-limit: 0 is out of range", ["New-AcsIdentity", "--throttle-limit", "0"] },
            { "--count: '0' is not a whole number", ["New-AcsIdentity", "--count", "0"] },
            { "--identity-id: '8:orgid:", ["New-AcsAccessToken", "--identity-id", "8:orgid:" + SandboxIds.FabrikamTeamsUserId, "--scope", "voip"] },
            { "--identity-id: 'abc' is not an ACS identity id", ["Revoke-AcsAccessToken", "--identity-id", Id + ",abc"] },
            { "--identity-id: 'acs:x' is not an ACS identity id", ["Remove-AcsIdentity", "--identity-id", "acs:x"] },
            { "--account: 'adele' is not a user principal name", ["Get-AcsTeamsUserAadToken", "--client-id", SandboxIds.FabrikamAdminClientId, "--account", "adele", "--use-device-code"] },
            { "--tenant-id: 'not a tenant'", ["Get-AcsTeamsUserAadToken", "--client-id", SandboxIds.FabrikamAdminClientId, "--tenant-id", "not a tenant", "--use-device-code"] },
        };
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Each_bad_input_fails_with_its_own_message_and_sends_no_request(string expected, string[] args)
    {
        var before = _sandbox.Requests.Entries.Count;
        var env = new Dictionary<string, string> { ["ACSTEAMS_ACS_CONNECTION_STRING"] = ConnectionString };
        var withAuthority = args[0] == "Get-AcsTeamsUserAadToken" ? [.. args, "--authority-host", Authority] : args;

        var run = await CliRun.Invoke(env, withAuthority);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(before, _sandbox.Requests.Entries.Count);
    }

    [Fact]
    public async Task Two_hundred_identities_from_the_command_line_with_eight_at_once_leave_exactly_two_hundred()
    {
        var run = await CliRun.Invoke(new Dictionary<string, string> { ["ACSTEAMS_ACS_CONNECTION_STRING"] = ConnectionString },
            "New-AcsIdentity", "--count", "200", "--throttle-limit", "8", "--output", "json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(200, JsonDocument.Parse(run.Stdout).RootElement.GetArrayLength());
        Assert.Equal(200, _sandbox.State.Read(d => d.AcsIdentities.Count));
        Assert.Equal(200, _sandbox.Requests.Entries.Count(e => e.Method == "POST" && e.PathAndQuery.StartsWith("/identities?", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task With_the_in_process_sandbox_no_connection_string_is_needed_and_the_state_file_keeps_the_identities()
    {
        var state = Path.Combine(Path.GetTempPath(), $"acsteams-acs-{Guid.NewGuid():N}.json");
        try
        {
            var run = await CliRun.Invoke("New-AcsIdentity", "--sandbox", "--sandbox-state-path", state, "--save-sandbox-state", "--count", "5", "--scope", "voip", "--output", "json");

            Assert.True(run.ExitCode == 0, run.Stderr);
            Assert.Equal(5, SandboxService.LoadState(state).State.Read(d => d.AcsIdentities.Count));
            Assert.All(JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray(), i => Assert.StartsWith("8:acs:", i.GetProperty("Id").GetString(), StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(state);
        }
    }
}
