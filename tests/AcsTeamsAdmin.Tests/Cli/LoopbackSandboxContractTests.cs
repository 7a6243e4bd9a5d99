using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using AcsTeamsAdmin.Cli;
using AcsTeamsAdmin.Tests.Support;

namespace AcsTeamsAdmin.Tests.Cli;

/// <summary>
/// The contract later checks and users' Pester suites rely on: `acsteams sandbox` serves on
/// 127.0.0.1 and its FIRST stdout line is one JSON object describing where to connect.
/// </summary>
public sealed class LoopbackSandboxContractTests : IAsyncLifetime
{
    private Process? _process;
    private JsonElement _description;

    public async Task InitializeAsync()
    {
        var cli = typeof(CliApplication).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [cli, "sandbox", "--port", "0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        _process = Process.Start(start)!;
        var firstLine = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (string.IsNullOrEmpty(firstLine))
        {
            // Only a process that has ended can be read to the end.
            _process.Kill(entireProcessTree: true);
            Assert.Fail("acsteams sandbox printed no description: " + await _process.StandardError.ReadToEndAsync());
        }

        _description = JsonDocument.Parse(firstLine).RootElement.Clone();
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
        }

        _process?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void The_first_line_describes_every_endpoint_and_the_sandbox_credentials()
    {
        foreach (var field in new[] { "authorityHost", "graphEndpoint", "acsEndpoint", "acsConnectionString", "tenantId", "adminClientId", "adminClientSecret" })
        {
            Assert.True(_description.TryGetProperty(field, out var value) && value.GetString()!.Length > 0, $"missing {field}");
        }

        Assert.EndsWith("/v1.0", _description.GetProperty("graphEndpoint").GetString()!.TrimEnd('/'), StringComparison.Ordinal);
        Assert.StartsWith("http://127.0.0.1:", _description.GetProperty("authorityHost").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("endpoint=http://127.0.0.1:", _description.GetProperty("acsConnectionString").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_module_works_against_it_over_real_HTTP_and_the_request_log_shows_the_calls()
    {
        using var http = new HttpClient();
        var authority = _description.GetProperty("authorityHost").GetString()!.TrimEnd('/');
        var tenant = _description.GetProperty("tenantId").GetString()!;
        var token = await http.PostAsync($"{authority}/{tenant}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = _description.GetProperty("adminClientId").GetString()!,
            ["client_secret"] = _description.GetProperty("adminClientSecret").GetString()!,
            ["scope"] = "https://graph.microsoft.com/.default",
        }));
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        var baseAddress = authority;
        (await http.DeleteAsync($"{baseAddress}/_sandbox/requests")).EnsureSuccessStatusCode();

        var run = await CliRun.Invoke(
            new Dictionary<string, string> { ["ACSTEAMS_ACCESS_TOKEN"] = accessToken },
            "New-AcsTeamsServicePrincipal", "--graph-endpoint", _description.GetProperty("graphEndpoint").GetString()!, "--output", "json");

        Assert.True(run.ExitCode == CliApplication.Success, run.Stderr);
        var log = await http.GetFromJsonAsync<JsonElement>($"{baseAddress}/_sandbox/requests");
        var calls = log.EnumerateArray().Select(entry => $"{entry.GetProperty("method").GetString()} {entry.GetProperty("status").GetInt32()}").ToArray();
        Assert.Equal(["GET 404", "PATCH 201"], calls);
    }
}
