using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AcsTeamsAdmin.Benchmarks;

/// <summary>
/// The cold-start floors: a process that sends exactly the requests the product sent (read from a plan file the
/// benchmark wrote from the sandbox's request log), with nothing else a real tool needs: no parsing of input, no
/// rules, no output formatting. <see cref="RunAsync"/> is the .NET floor (a bare HttpClient, `--floor`);
/// <see cref="PowerShellScript"/> writes the same requests as Invoke-RestMethod calls for the pwsh floor.
/// Plan lines: "TOKEN /{tenant}/oauth2/v2.0/token" for the client-credentials token request, "GET /..." for a
/// plain read, "STEP /v1.0/..." for a read inside the $batch (as the sandbox logs it, under the version segment). The secret comes from ACSTEAMS_CLIENT_SECRET, as
/// acsteams takes it.
/// </summary>
internal static class FloorProgram
{
    public const string GraphScope = "https://graph.microsoft.com/.default";

    public static async Task<int> RunAsync(string baseAddress, string planFile, string clientId)
    {
        var secret = Environment.GetEnvironmentVariable("ACSTEAMS_CLIENT_SECRET") ?? throw new InvalidOperationException("ACSTEAMS_CLIENT_SECRET is not set.");
        using var http = new HttpClient { BaseAddress = new Uri(baseAddress) };
        var steps = new JsonArray();
        foreach (var (verb, path) in await ReadPlanAsync(planFile).ConfigureAwait(false))
        {
            switch (verb)
            {
                case "STEP":
                    steps.Add(new JsonObject { ["id"] = steps.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), ["method"] = "GET", ["url"] = path["/v1.0".Length..] });
                    break;
                case "TOKEN":
                    using (var form = new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["grant_type"] = "client_credentials",
                        ["client_id"] = clientId,
                        ["client_secret"] = secret,
                        ["scope"] = GraphScope,
                    }))
                    using (var response = await http.PostAsync(new Uri(path, UriKind.Relative), form).ConfigureAwait(false))
                    {
                        using var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
                        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("access_token").GetString());
                        Console.WriteLine($"token: {(int)response.StatusCode}");
                    }

                    break;
                default:
                    using (var response = await http.GetAsync(new Uri(path, UriKind.Relative)).ConfigureAwait(false))
                    {
                        Console.WriteLine($"{verb} {path}: {(int)response.StatusCode}");
                    }

                    break;
            }
        }

        if (steps.Count > 0)
        {
            using var content = new StringContent(new JsonObject { ["requests"] = steps }.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri("/v1.0/$batch", UriKind.Relative), content).ConfigureAwait(false);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
            foreach (var answer in body.RootElement.GetProperty("responses").EnumerateArray())
            {
                Console.WriteLine($"{answer.GetProperty("id").GetString()}: {answer.GetProperty("status").GetInt32()}");
            }
        }

        return 0;
    }

    /// <summary>The same plan as a pwsh script of Invoke-RestMethod calls against <paramref name="baseAddress"/>.</summary>
    public static async Task<string> PowerShellFloorAsync(string baseAddress, string planFile, string clientId)
    {
        var root = baseAddress.TrimEnd('/');
        var script = new StringBuilder("$ErrorActionPreference = 'Stop'\n$headers = @{}\n");
        var steps = new JsonArray();
        foreach (var (verb, path) in await ReadPlanAsync(planFile).ConfigureAwait(false))
        {
            switch (verb)
            {
                case "STEP":
                    steps.Add(new JsonObject { ["id"] = steps.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), ["method"] = "GET", ["url"] = path["/v1.0".Length..] });
                    break;
                case "TOKEN":
                    script.Append($"$token = Invoke-RestMethod -Method Post -Uri {PowerShellScript.Quote(root + path)} -Body @{{ grant_type = 'client_credentials'; ")
                        .Append($"client_id = {PowerShellScript.Quote(clientId)}; client_secret = $env:ACSTEAMS_CLIENT_SECRET; scope = {PowerShellScript.Quote(GraphScope)} }}\n")
                        .Append("$headers = @{ Authorization = 'Bearer ' + $token.access_token }\n'token'\n");
                    break;
                default:
                    script.Append($"$null = Invoke-RestMethod -Uri {PowerShellScript.Quote(root + path)} -Headers $headers\n");
                    break;
            }
        }

        if (steps.Count > 0)
        {
            var body = new JsonObject { ["requests"] = steps }.ToJsonString();
            script.Append($"$batch = Invoke-RestMethod -Method Post -Uri {PowerShellScript.Quote(root + "/v1.0/$batch")} -Headers $headers ")
                .Append($"-ContentType 'application/json' -Body {PowerShellScript.Quote(body)}\n")
                .Append("foreach ($answer in $batch.responses) { '{0}: {1}' -f $answer.id, $answer.status }\n");
        }

        return script.ToString();
    }

    private static async Task<IEnumerable<(string Verb, string Path)>> ReadPlanAsync(string planFile) =>
        (await File.ReadAllLinesAsync(planFile).ConfigureAwait(false)).Select(line =>
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var (verb, path) = (line[..space], line[(space + 1)..]);
            return verb is "STEP" or "TOKEN" or "GET"
                ? (verb, path)
                : throw new InvalidOperationException($"The floor only replays a sign-in and reads; the plan has '{line}'.");
        });

    /// <summary>The plan of what the product sent, from the sandbox's request log (the $batch itself is rebuilt from its steps).</summary>
    public static IEnumerable<string> Plan(AcsTeamsAdmin.Sandbox.SandboxService sandbox) =>
        sandbox.Requests.Entries.Where(e => e.PathAndQuery != "/v1.0/$batch").Select(e =>
            e.ParentSequence is not null ? $"STEP {e.PathAndQuery}"
            : e.Method == "POST" && e.PathAndQuery.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal) ? $"TOKEN {e.PathAndQuery}"
            : $"{e.Method} {e.PathAndQuery}");
}
