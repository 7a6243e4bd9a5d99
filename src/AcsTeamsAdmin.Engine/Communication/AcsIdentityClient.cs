using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Graph;
using AcsTeamsAdmin.Engine.Http;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;

namespace AcsTeamsAdmin.Engine.Communication;

/// <summary>
/// Our ACS identity client on Azure.Core's HttpPipeline: client request ids (x-ms-client-request-id), retries with
/// limits (<see cref="PipelineRetryPolicy"/>), HMAC-SHA256 signing with the access key or an Entra bearer token for
/// https://communication.azure.com//.default from any TokenCredential (managed identity, Azure CLI, environment,
/// interactive). Service errors become AcsTeamsAdminException through ServiceErrorMap, keeping the service's code,
/// message, target, MS-CV and the client request id.
/// </summary>
public sealed class AcsIdentityClient : IAcsIdentityClient
{
    /// <summary>The Entra scope of the ACS data plane (the double slash is real: the resource id ends in '/').</summary>
    public const string EntraScope = "https://communication.azure.com//.default";

    private readonly HttpPipeline _pipeline;

    // Where requests are addressed: the endpoint, or for Entra sign-in to a loopback http endpoint its https form.
    private readonly Uri _requestEndpoint;

    /// <summary>Signs with the resource's access key (from a connection string or -Endpoint and -AccessKey).</summary>
    public AcsIdentityClient(AcsKeyCredential key, AcsIdentityClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        options ??= new AcsIdentityClientOptions();
        Endpoint = key.Endpoint;
        _requestEndpoint = Endpoint;
        ApiVersion = options.ApiVersion;
        _pipeline = Build(options, new HmacAuthenticationPolicy(key, options.Time));
    }

    /// <summary>
    /// Authenticates with Microsoft Entra ID. Azure.Core sends bearer tokens over https only, so a loopback http
    /// endpoint (a sandbox on 127.0.0.1) is addressed by its https form and sent over http by
    /// <see cref="LoopbackHttpPolicy"/> once the token is on the request.
    /// </summary>
    public AcsIdentityClient(Uri endpoint, TokenCredential credential, AcsIdentityClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        options ??= new AcsIdentityClientOptions();
        Endpoint = AcsKeyCredential.ParseEndpoint(endpoint.AbsoluteUri);
        var loopback = LoopbackAuthority.Applies(Endpoint);
        _requestEndpoint = loopback ? LoopbackAuthority.AsHttps(Endpoint) : Endpoint;
        ApiVersion = options.ApiVersion;
        _pipeline = Build(options, new BearerTokenAuthenticationPolicy(credential, EntraScope), loopback ? new LoopbackHttpPolicy() : null);
    }

    public Uri Endpoint { get; }

    public AcsApiVersion ApiVersion { get; }

    public async Task<AcsIdentity> CreateIdentityAsync(AcsTokenRequest? token, CancellationToken cancellationToken)
    {
        var body = new JsonObject();
        if (token is not null)
        {
            CheckVersionSupports(token);
            body["createTokenWithScopes"] = Array(token.Scopes.WireNames);
            AddExpiry(body, token);
        }

        var answer = await SendAsync(
            RequestMethod.Post,
            "identities",
            body,
            replayable: false,
            "Creating an ACS identity",
            Endpoint.Authority,
            cancellationToken).ConfigureAwait(false);
        var id = answer?["identity"]?["id"]?.GetValue<string>() ?? throw Malformed("Creating an ACS identity");
        return new AcsIdentity
        {
            Id = id,
            Endpoint = Endpoint.AbsoluteUri,
            AccessToken = answer["accessToken"] is JsonObject issued ? ReadToken(issued, id, token!.Scopes.WireNames, "Creating an ACS identity") : null,
        };
    }

    public async Task<AcsAccessToken> IssueTokenAsync(AcsIdentityId identity, AcsTokenRequest token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        CheckVersionSupports(token);
        var body = new JsonObject { ["scopes"] = Array(token.Scopes.WireNames) };
        AddExpiry(body, token);
        var what = $"Issuing a token for {identity}";
        var answer = await SendAsync(
            RequestMethod.Post,
            IdentityPath(identity) + "/:issueAccessToken",
            body,
            replayable: true,
            what,
            identity.Value,
            cancellationToken).ConfigureAwait(false);
        return ReadToken(answer as JsonObject ?? throw Malformed(what), identity.Value, token.Scopes.WireNames, what);
    }

    public Task RevokeTokensAsync(AcsIdentityId identity, CancellationToken cancellationToken) =>
        SendAsync(
            RequestMethod.Post,
            IdentityPath(identity) + "/:revokeAccessTokens",
            null,
            replayable: true,
            $"Revoking the tokens of {identity}",
            identity.Value,
            cancellationToken);

    public Task DeleteIdentityAsync(AcsIdentityId identity, CancellationToken cancellationToken) =>
        SendAsync(RequestMethod.Delete, IdentityPath(identity), null, replayable: true, $"Deleting {identity}", identity.Value, cancellationToken);

    public async Task<AcsAccessToken> ExchangeTeamsUserTokenAsync(TeamsUserTokenExchange exchange, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        if (!ApiVersion.HasTeamsUserExchange)
        {
            throw AcsTeamsAdminException.InvalidInput("ApiVersion", ApiVersion.Value, $"{ApiVersion} has no Teams user token exchange.",
                "Use api-version 2022-06-01 or later (the default, 2023-10-01, has it).", ErrorIds.UnsupportedApiVersion);
        }

        // The token's order in the body follows the API's definition: token, appId, userId.
        var body = new JsonObject
        {
            ["token"] = exchange.EntraToken.Trim(),
            ["appId"] = exchange.AppId.ToString(),
            ["userId"] = exchange.UserId.ToString("D", CultureInfo.InvariantCulture),
        };
        var what = $"Exchanging the Teams token of user {exchange.UserId}";
        var answer = await SendAsync(
            RequestMethod.Post,
            "teamsUser/:exchangeAccessToken",
            body,
            replayable: true,
            what,
            exchange.UserId,
            cancellationToken).ConfigureAwait(false);
        var issued = ReadToken(
            answer as JsonObject ?? throw Malformed(what),
            "8:orgid:" + exchange.UserId.ToString("D", CultureInfo.InvariantCulture),
            [],
            what);

        // The exchange answers with the token alone: the scopes it carries are in the token itself (acsScope).
        return issued with { Scopes = Tokens.TokenInspector.Inspect(issued.Token, DateTimeOffset.UtcNow).Scopes };
    }

    private static HttpPipeline Build(AcsIdentityClientOptions options, HttpPipelinePolicy authentication, HttpPipelinePolicy? lastPolicy = null)
    {
        options.RetryPolicy = new PipelineRetryPolicy(options.RetryLimits);

        // Per retry: the User-Agent (after Azure.Core's telemetry wrote its part), a fresh signature (x-ms-date) or token
        // each attempt, and one log line per attempt.
        HttpPipelinePolicy[] perRetry =
        [
            new ProductInfo.Policy(),
            authentication,
            new AcsRequestLogPolicy(),
            .. lastPolicy is null ? [] : new[] { lastPolicy }
        ];
        return HttpPipelineBuilder.Build(options, [], perRetry, new ResponseClassifier());
    }

    private void CheckVersionSupports(AcsTokenRequest token)
    {
        if (token.Scopes.NeedsJoinScopes && !ApiVersion.HasJoinScopes)
        {
            throw AcsTeamsAdminException.InvalidInput(
                "Scope",
                token.Scopes.ToString(),
                $"chat.join, chat.join.limited and voip.join need api-version 2023-10-01 or later, not {ApiVersion}.",
                "Use -ApiVersion 2023-10-01 (the default) or later, or the chat and voip scopes.",
                ErrorIds.UnsupportedApiVersion);
        }

        if (token.ExpiresIn is not null && !ApiVersion.HasCustomExpiry)
        {
            // Older versions silently ignore the field and issue a 24-hour token: refuse rather than mislead.
            throw AcsTeamsAdminException.InvalidInput(
                "ExpiresInMinutes",
                token.ExpiresIn.Value.Minutes,
                $"api-version {ApiVersion} cannot set a token's lifetime (it always issues 24-hour tokens).",
                "Use -ApiVersion 2022-10-01 or later (the default, 2023-10-01, can), or leave -ExpiresInMinutes out.",
                ErrorIds.UnsupportedApiVersion);
        }
    }

    private static void AddExpiry(JsonObject body, AcsTokenRequest token)
    {
        if (token.ExpiresIn is { } lifetime)
        {
            body["expiresInMinutes"] = lifetime.Minutes;
        }
    }

    private static string IdentityPath(AcsIdentityId identity) => "identities/" + Uri.EscapeDataString(identity.Value);

    private static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());

    private async Task<JsonNode?> SendAsync(
        RequestMethod method,
        string path,
        JsonObject? body,
        bool replayable,
        string whatFailed,
        object? target,
        CancellationToken cancellationToken)
    {
        using var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(_requestEndpoint);
        request.Uri.AppendPath(path, escape: false);
        request.Uri.AppendQuery("api-version", ApiVersion.Value);
        request.Headers.Add("Accept", "application/json");
        if (body is not null)
        {
            request.Headers.Add("Content-Type", "application/json");
            request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(body.ToJsonString()));
        }

        if (!replayable)
        {
            message.SetProperty(PipelineRetryPolicy.NotReplayable, true);
        }

        try
        {
            await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (NetworkFailure.IsTransportFailure(error) && NetworkFailure.BeforeSending(error))
        {
            throw new AcsTeamsAdminException(ErrorIds.EndpointUnreachable, FailureCategory.ConnectionError,
                $"{whatFailed}: could not connect to the ACS resource at {Endpoint.Authority}; nothing was sent.",
                "Check the endpoint (Azure portal > the Communication Services resource > Overview), " +
                "the network and proxy settings, then run the command again.",
                target, error)
            {
                ClientRequestId = request.ClientRequestId,
            };
        }
        catch (Exception error) when (NetworkFailure.IsTransportFailure(error))
        {
            // The request was sent and the connection dropped before the answer (Azure.Core's RequestFailedException
            // with status 0, or all of its retries as an AggregateException); its message names the host only.
            throw new AcsTeamsAdminException(ErrorIds.ConnectionFailed, FailureCategory.ConnectionError,
                $"{whatFailed}: the connection to the ACS resource at {Endpoint.Authority} dropped before it answered.",
                replayable
                    ? "Check the network and proxy settings, then run the command again; re-running is safe."
                    : "The identity may have been created before the connection dropped; " +
                      "an unused identity costs nothing, but run the command once more only if you need one.",
                target, error)
            {
                ClientRequestId = request.ClientRequestId,
            };
        }
        catch (AuthenticationFailedException error)
        {
            throw GraphCall.SignInFailure(error, target);
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AcsTeamsAdminException(ErrorIds.ServiceTimeout, FailureCategory.OperationTimeout,
                $"{whatFailed}: the ACS resource at {Endpoint.Authority} did not answer in time.", "Run the command again.", target, error)
            {
                ClientRequestId = request.ClientRequestId,
            };
        }

        var response = message.Response;
        var json = Parse(response);
        if (response.IsError)
        {
            throw Failure(response, json, whatFailed, target);
        }

        return json;
    }

    private static JsonNode? Parse(Response response)
    {
        if (response.ContentStream is null || response.Content.ToMemory().IsEmpty)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(response.Content.ToMemory().Span);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static AcsTeamsAdminException Failure(Response response, JsonNode? json, string whatFailed, object? target)
    {
        var error = json?["error"];
        var code = Text(error?["code"]);
        var serviceMessage = Text(error?["message"]) ?? response.ReasonPhrase;
        var serviceTarget = Text(error?["target"]);
        var rule = ServiceErrorMap.Resolve(ServiceKind.CommunicationIdentity, response.Status, code);
        var correlation = response.Headers.TryGetValue("MS-CV", out var cv) ? cv : null;
        var on = serviceTarget is null ? "" : $" (target: {serviceTarget})";
        return new AcsTeamsAdminException(rule.ErrorId, rule.Category,
            $"{whatFailed}: the ACS identity service answered {response.Status} {code ?? "(no code)"}: {serviceMessage}{on}",
            rule.RecommendedAction, target)
        {
            HttpStatus = response.Status,
            ServiceErrorCode = code,
            ServiceErrorTarget = serviceTarget,
            RequestId = correlation,
            ClientRequestId = response.ClientRequestId,
        };
    }

    private static AcsAccessToken ReadToken(JsonObject json, string identityId, IReadOnlyList<string> scopes, string what)
    {
        var token = Text(json["token"]);
        var expires = Text(json["expiresOn"]);
        if (token is null
            || expires is null
            || !DateTimeOffset.TryParse(expires, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expiresOn))
        {
            throw Malformed(what);
        }

        return new AcsAccessToken { IdentityId = identityId, Token = token, ExpiresOn = expiresOn, Scopes = scopes };
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static AcsTeamsAdminException Malformed(string what) =>
        new(ErrorIds.ServiceError, FailureCategory.InvalidResult, $"{what}: the ACS identity service's answer is not in the documented shape.",
            "Run the command again; if it keeps failing, report it with -Debug output (it holds no secrets).");
}
