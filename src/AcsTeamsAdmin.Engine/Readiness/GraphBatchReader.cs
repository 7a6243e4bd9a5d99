using System.Globalization;
using System.Text.Json;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Graph;
using AcsTeamsAdmin.Engine.Http;
using AcsTeamsAdmin.Engine.Operations;

namespace AcsTeamsAdmin.Engine.Readiness;

/// <summary>
/// Sends GET steps as Graph JSON batches (POST /$batch, at most 20 steps each) as plain JSON through the
/// connection's Graph pipeline (<see cref="GraphJsonClient"/>), so the batch itself passes our retry handler,
/// User-Agent and error mapping like any other call, without starting the Graph SDK for a read. Inside a batch each step has its
/// own status: a 429/503/504 step is
/// sent again in a smaller batch of only the failed steps, after the longest Retry-After they gave
/// (or our back-off), within the connection's <see cref="RetryLimits"/>; a 404 step is an answer ("none"); any other
/// failure is mapped as if the call had been made alone.
/// </summary>
internal sealed class GraphBatchReader(AcsTeamsAdminConnection connection, OperationContext context)
{
    /// <summary>Graph's limit on the steps of one batch.</summary>
    public const int MaxStepsPerBatch = 20;

    private static readonly int[] TransientStatuses = [429, 503, 504];

    /// <summary>How many POST /$batch requests this reader sent (retries of failed steps included).</summary>
    public int BatchesSent { get; private set; }

    /// <summary>How many further pages (GET @odata.nextLink, outside any batch) this reader read.</summary>
    public int PagesFollowed { get; private set; }

    /// <summary>Every step's reply by id. <paramref name="steps"/> may hold more than 20: they go in ceil(n/20) batches.</summary>
    public async Task<IReadOnlyDictionary<string, GraphBatchReply>> ReadAsync(IReadOnlyList<GraphBatchStep> steps, Action<int, int>? onBatch = null)
    {
        var replies = new Dictionary<string, GraphBatchReply>(StringComparer.Ordinal);
        var chunks = steps.Chunk(MaxStepsPerBatch).ToArray();
        for (var index = 0; index < chunks.Length; index++)
        {
            onBatch?.Invoke(index + 1, chunks.Length);
            foreach (var reply in await ReadChunkAsync(chunks[index]).ConfigureAwait(false))
            {
                replies[reply.Id] = reply;
            }
        }

        return replies;
    }

    private async Task<IReadOnlyList<GraphBatchReply>> ReadChunkAsync(IReadOnlyList<GraphBatchStep> chunk)
    {
        var done = new List<GraphBatchReply>();
        var pending = chunk;
        var budget = connection.RetryLimits.Start();
        while (true)
        {
            var answers = await SendAsync(pending).ConfigureAwait(false);
            var retry = new List<GraphBatchStep>();
            TimeSpan? retryAfter = null;
            foreach (var step in pending)
            {
                if (!answers.TryGetValue(step.Id, out var answer))
                {
                    throw new AcsTeamsAdminException(ErrorIds.UnexpectedResponse, FailureCategory.InvalidResult,
                        $"{step.WhatFailed}: Microsoft Graph's batch answer has no reply for step {step.Id}.",
                        "Run the command again; re-running is safe (it only reads).", step.Target);
                }

                if (TransientStatuses.Contains(answer.Status))
                {
                    retry.Add(step);
                    retryAfter = answer.RetryAfter is { } after && (retryAfter is null || after > retryAfter) ? after : retryAfter;
                    continue;
                }

                if (answer.Status is >= 200 and < 300 or 404)
                {
                    done.Add(new GraphBatchReply(step.Id, answer.Status, answer.Body));
                    continue;
                }

                throw Failure(step, answer);
            }

            if (retry.Count == 0)
            {
                return done;
            }

            // The longest Retry-After any failed step gave, else our back-off; within the same budget as any request.
            if (budget.Next(retryAfter) is not { } wait)
            {
                context.Log.Verbose($"Microsoft Graph asked to retry {retry.Count} batch step(s); not retried again: {budget.Exhausted(retryAfter)}.");
                throw Failure(retry[0], answers[retry[0].Id]);
            }

            context.Log.Verbose($"Microsoft Graph asked to retry {retry.Count} of {pending.Count} batch step(s) " +
                $"({string.Join(", ", retry.Select(step => step.Id))}); retrying only those in {wait.TotalSeconds:0.###} s, {budget.Describe()}.");
            await Task.Delay(wait, context.CancellationToken).ConfigureAwait(false);
            pending = retry;
        }
    }

    /// <summary>
    /// The page an @odata.nextLink points at, read as JSON like a step's body. A next page cannot go in a batch
    /// with the first (it is only known from its answer), so it is a plain GET; failures map as <paramref name="step"/>'s.
    /// </summary>
    public async Task<JsonElement> NextPageAsync(string nextLink, GraphBatchStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(nextLink, UriKind.Absolute));
        PagesFollowed++;
        using var document = await connection.GraphJson.SendAsync(
            request,
            step.WhatFailed,
            step.Target,
            step.RequiredPermission,
            context.CancellationToken).ConfigureAwait(false);
        return document.RootElement.Clone();
    }

    private async Task<IReadOnlyDictionary<string, StepAnswer>> SendAsync(IReadOnlyList<GraphBatchStep> steps)
    {
        var client = connection.GraphJson;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(client.BaseUrl + "/$batch"))
        {
            Content = new ByteArrayContent(Body(steps)) { Headers = { ContentType = new("application/json") } },
        };

        // Every step is a GET: the batch may be sent again after a dropped connection, unlike other POSTs.
        ReadOnlyRequestOption.Mark(request);
        var what = steps.Count == 1 ? steps[0].WhatFailed : $"Reading {steps.Count} directory objects in one Microsoft Graph batch";

        BatchesSent++;
        using var document = await client.SendAsync(
            request,
            what,
            steps[0].Target,
            steps[0].RequiredPermission,
            context.CancellationToken).ConfigureAwait(false);
        var answers = new Dictionary<string, StepAnswer>(StringComparer.Ordinal);
        if (document.RootElement.TryGetProperty("responses", out var responses) && responses.ValueKind == JsonValueKind.Array)
        {
            foreach (var response in responses.EnumerateArray())
            {
                var id = response.TryGetProperty("id", out var idValue) ? idValue.ToString() : string.Empty;
                var status = response.TryGetProperty("status", out var statusValue) && statusValue.TryGetInt32(out var code) ? code : 0;
                JsonElement? body = response.TryGetProperty("body", out var bodyValue) ? bodyValue.Clone() : null;
                answers[id] = new StepAnswer(status, body, RetryAfterOf(response));
            }
        }

        return answers;
    }

    private static byte[] Body(IReadOnlyList<GraphBatchStep> steps)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("requests");
            foreach (var step in steps)
            {
                writer.WriteStartObject();
                writer.WriteString("id", step.Id);
                writer.WriteString("method", "GET");
                writer.WriteString("url", step.Url);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static TimeSpan? RetryAfterOf(JsonElement response)
    {
        if (!response.TryGetProperty("headers", out var headers) || headers.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var header in headers.EnumerateObject())
        {
            if (string.Equals(header.Name, "Retry-After", StringComparison.OrdinalIgnoreCase)
                && double.TryParse(header.Value.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                && seconds >= 0 && double.IsFinite(seconds))
            {
                return TimeSpan.FromSeconds(seconds);
            }
        }

        return null;
    }

    /// <summary>A failed step, mapped exactly as the same call made alone would be (ServiceErrorMap, the permission a 403 needs).</summary>
    private static AcsTeamsAdminException Failure(GraphBatchStep step, StepAnswer answer) =>
        GraphCall.Translate(GraphError.From(answer.Status, answer.Body), step.WhatFailed, step.Target, step.RequiredPermission);

    private sealed record StepAnswer(int Status, JsonElement? Body, TimeSpan? RetryAfter);
}
