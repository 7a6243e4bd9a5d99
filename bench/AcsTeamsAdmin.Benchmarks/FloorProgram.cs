using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AcsTeamsAdmin.Benchmarks;

/// <summary>
/// The cold-start floor: a process that sends exactly the requests acsteams sent (read from a plan file
/// the benchmark wrote from the sandbox's request log) with a bare HttpClient and prints one line per
/// batch answer. Nothing else a real tool needs: no parsing of input, no rules, no output formatting.
/// Plan lines: "GET /v1.0/..." for a plain request, "STEP /v1.0/..." for a read inside the $batch.
/// The token comes from ACSTEAMS_ACCESS_TOKEN, as acsteams takes it.
/// </summary>
internal static class FloorProgram
{
    public static async Task<int> RunAsync(string baseAddress, string planFile)
    {
        var token = Environment.GetEnvironmentVariable("ACSTEAMS_ACCESS_TOKEN") ?? throw new InvalidOperationException("ACSTEAMS_ACCESS_TOKEN is not set.");
        using var http = new HttpClient { BaseAddress = new Uri(baseAddress) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var steps = new JsonArray();
        foreach (var line in await File.ReadAllLinesAsync(planFile).ConfigureAwait(false))
        {
            var (verb, path) = (line[..line.IndexOf(' ', StringComparison.Ordinal)], line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
            if (verb == "STEP")
            {
                steps.Add(new JsonObject { ["id"] = steps.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), ["method"] = "GET", ["url"] = path["/v1.0".Length..] });
            }
            else if (verb != "GET")
            {
                // The readiness run signs in with a given token and only reads; anything else means the plan is not what this floor models.
                throw new InvalidOperationException($"The floor only replays reads; the plan has '{line}'.");
            }
            else
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative)).ConfigureAwait(false);
                Console.WriteLine($"{verb} {path}: {(int)response.StatusCode}");
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
}
