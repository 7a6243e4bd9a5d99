using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AcsTeamsAdmin.Engine.Communication;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Graph;
using AcsTeamsAdmin.Engine.Http;
using AcsTeamsAdmin.Engine.Operations;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;

namespace AcsTeamsAdmin.Engine.Resources;

/// <summary>
/// The few Azure Resource Manager calls Get-AcsResource makes, on a plain Azure.Core HttpPipeline (the same
/// building blocks as our ACS client: request ids, the session's retry limits, bearer tokens from the session's
/// credential for the cloud's ARM scope, one debug line per attempt). Azure.ResourceManager.Communication is not in
/// this project's package registry, and the generic ArmClient would ship a second large dependency for three calls.
/// Answers are read as JSON (the 2023-04-01 shapes of Microsoft.Communication/communicationServices); failures become
/// AcsTeamsAdminException through ServiceErrorMap, keeping ARM's code, message and x-ms-request-id.
/// </summary>
internal sealed class ResourceManagerClient
{
    /// <summary>Microsoft.Communication's api-version: the first stable one with today's properties (immutableResourceId, dataLocation).</summary>
    public const string CommunicationApiVersion = "2023-04-01";

    /// <summary>Microsoft.Resources/subscriptions' api-version.</summary>
    public const string SubscriptionsApiVersion = "2022-12-01";

    private readonly HttpPipeline _pipeline;

    // Where requests are addressed: the endpoint, or for a loopback http sandbox its https form (see LoopbackHttpPolicy).
    private readonly Uri _requestEndpoint;

    public ResourceManagerClient(AcsTeamsAdminConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.Info.SignInMode == SignInMode.AccessToken)
        {
            // The token the user brought is for Microsoft Graph: Azure Resource Manager would answer 401 for it.
            throw new AcsTeamsAdminException(ErrorIds.AccessTokenRejected, FailureCategory.AuthenticationError,
                "Reading the ACS resource needs a token for Azure Resource Manager, and this session was connected with -AccessToken, " +
                "a Microsoft Graph token that cannot be exchanged for one.",
                "Connect-AcsTeamsAdmin with a sign-in that can get tokens " +
                "(browser, -UseDeviceCode, -ClientSecret, a certificate or -Identity), then run the command again.");
        }

        Endpoint = connection.ResourceManagerEndpoint;
        var loopback = LoopbackAuthority.Applies(Endpoint);
        _requestEndpoint = loopback ? LoopbackAuthority.AsHttps(Endpoint) : Endpoint;
        var options = new ResourceManagerClientOptions { RetryPolicy = new PipelineRetryPolicy(connection.RetryLimits) };
        if (connection.TransportFor(Endpoint) is { } transport)
        {
            options.Transport = new HttpClientTransport(new HttpClient(transport, disposeHandler: false));
        }

        var authentication = new BearerTokenAuthenticationPolicy(connection.Credential, connection.ResourceManagerScope);
        HttpPipelinePolicy[] perRetry = loopback
            ? [new ProductInfo.Policy(), authentication, new ResourceManagerLogPolicy(), new LoopbackHttpPolicy()]
            : [new ProductInfo.Policy(), authentication, new ResourceManagerLogPolicy()];
        _pipeline = HttpPipelineBuilder.Build(options, [], perRetry, new ResponseClassifier());
    }

    public Uri Endpoint { get; }

    /// <summary>GET {endpoint}{path}?api-version=...; the answer's JSON.</summary>
    public Task<JsonNode?> GetAsync(string path, string apiVersion, ArmCall call, CancellationToken cancellationToken) =>
        SendAsync(RequestMethod.Get, Address(path, apiVersion), call, cancellationToken);

    /// <summary>POST {endpoint}{path}?api-version=... with no body (an ARM action such as listKeys).</summary>
    public Task<JsonNode?> PostAsync(string path, string apiVersion, ArmCall call, CancellationToken cancellationToken) =>
        SendAsync(RequestMethod.Post, Address(path, apiVersion), call, cancellationToken);

    /// <summary>A list's next page: ARM's nextLink, followed only when it points at the same endpoint.</summary>
    public Task<JsonNode?> GetNextAsync(string nextLink, ArmCall call, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(nextLink, UriKind.Absolute, out var next)
            || !string.Equals(next.Authority, Endpoint.Authority, StringComparison.OrdinalIgnoreCase))
        {
            throw new AcsTeamsAdminException(ErrorIds.UnexpectedResponse, FailureCategory.InvalidResult,
                $"{call.WhatFailed}: Azure Resource Manager's next page points somewhere else ({(next?.Authority ?? "not a URL")}); it was not followed.",
                "Run the command again; if it keeps happening, report it with -Debug output (it holds no secrets).", call.Target);
        }

        return SendAsync(
            RequestMethod.Get,
            new UriBuilder(next) { Scheme = _requestEndpoint.Scheme, Port = _requestEndpoint.Port }.Uri,
            call,
            cancellationToken);
    }

    private Uri Address(string path, string apiVersion) =>
        new($"{_requestEndpoint.GetLeftPart(UriPartial.Authority)}{path}?api-version={Uri.EscapeDataString(apiVersion)}");

    private async Task<JsonNode?> SendAsync(RequestMethod method, Uri address, ArmCall call, CancellationToken cancellationToken)
    {
        using var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(address);
        request.Headers.Add("Accept", "application/json");
        if (method == RequestMethod.Post)
        {
            request.Content = RequestContent.Create(BinaryData.FromString(string.Empty));
        }

        try
        {
            await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (NetworkFailure.IsTransportFailure(error) && NetworkFailure.BeforeSending(error))
        {
            throw new AcsTeamsAdminException(ErrorIds.EndpointUnreachable, FailureCategory.ConnectionError,
                $"{call.WhatFailed}: could not connect to Azure Resource Manager at {Endpoint.Authority}; nothing was sent.",
                "Check the network connection and proxy settings (Azure Resource Manager must be reachable from this machine), then run the command again.",
                call.Target, error)
            {
                ClientRequestId = request.ClientRequestId,
            };
        }
        catch (Exception error) when (NetworkFailure.IsTransportFailure(error))
        {
            throw new AcsTeamsAdminException(ErrorIds.ConnectionFailed, FailureCategory.ConnectionError,
                $"{call.WhatFailed}: the connection to Azure Resource Manager at {Endpoint.Authority} dropped before it answered.",
                "Check the network connection and proxy settings, then run the command again; re-running is safe (it only reads).", call.Target, error)
            {
                ClientRequestId = request.ClientRequestId,
            };
        }
        catch (AuthenticationFailedException error)
        {
            throw SignInFailure(error, call.Target);
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AcsTeamsAdminException(ErrorIds.ServiceTimeout, FailureCategory.OperationTimeout,
                $"{call.WhatFailed}: Azure Resource Manager did not answer in time.", "Run the command again; re-running is safe.", call.Target, error)
            {
                ClientRequestId = request.ClientRequestId,
            };
        }

        var response = message.Response;
        var json = Parse(response);
        if (response.IsError)
        {
            throw Failure(response, json, call);
        }

        return json ?? throw new AcsTeamsAdminException(ErrorIds.UnexpectedResponse, FailureCategory.InvalidResult,
            $"{call.WhatFailed}: Azure Resource Manager answered {response.Status} without a JSON body.",
            "Check the proxy settings (HTTPS_PROXY) and run the command again.", call.Target);
    }

    /// <summary>
    /// A token for ARM that Entra ID would not issue. The usual cause with a delegated sign-in: the public client
    /// (by default Microsoft Graph Command Line Tools) is not allowed to ask for Azure Resource Manager.
    /// </summary>
    private static AcsTeamsAdminException SignInFailure(AuthenticationFailedException error, object? target)
    {
        var graph = GraphCall.SignInFailure(error, target);
        if (graph.ErrorId == ErrorIds.EndpointUnreachable)
        {
            return graph;
        }

        const string Prefix = "Sign-in failed: ";
        var reason = graph.Message.StartsWith(Prefix, StringComparison.Ordinal) ? graph.Message[Prefix.Length..] : graph.Message;
        return new AcsTeamsAdminException(graph.ErrorId, graph.Category, "Getting a token for Azure Resource Manager failed: " + reason,
            "The signed-in account or app must be allowed to call Azure Resource Manager: " +
            "for a browser or device code sign-in, connect with -ClientId of an app that has the " +
            "delegated permission Azure Service Management user_impersonation (Microsoft Graph Command Line Tools has not); " +
            "an app or managed identity needs an Azure role on the resource.",
            target, error)
        {
            HttpStatus = graph.HttpStatus,
            ServiceErrorCode = graph.ServiceErrorCode,
            RequestId = graph.RequestId,
        };
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

    private static AcsTeamsAdminException Failure(Response response, JsonNode? json, ArmCall call)
    {
        var error = json?["error"];
        var code = Text(error?["code"]);
        var serviceMessage = Text(error?["message"]) ?? response.ReasonPhrase;
        var rule = ServiceErrorMap.Resolve(ServiceKind.ResourceManager, response.Status, code);
        var requestId = response.Headers.TryGetValue("x-ms-request-id", out var id) ? id : null;

        // ARM's 403 names the action; we say which roles have it, so the fix is one role assignment away.
        var needs = rule.Category == FailureCategory.PermissionDenied
            ? $" This needs the Azure RBAC action {call.RequiredAction}, which the built-in roles {call.RolesWithAction} have."
            : string.Empty;
        return new AcsTeamsAdminException(rule.ErrorId, rule.Category,
            $"{call.WhatFailed}: Azure Resource Manager answered {response.Status} {code ?? "(no code)"}: {serviceMessage}{needs}",
            rule.RecommendedAction, call.Target)
        {
            HttpStatus = response.Status,
            ServiceErrorCode = code,
            RequestId = requestId,
            ClientRequestId = response.ClientRequestId,
        };
    }

    internal static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>One debug line per attempt: method, path (ids only, no secret), status, time and ARM's request id. Never headers or bodies.</summary>
    private sealed class ResourceManagerLogPolicy : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ArgumentNullException.ThrowIfNull(message);
            var watch = Stopwatch.StartNew();
            try
            {
                await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            }
            finally
            {
                var status = message.HasResponse ? message.Response.Status.ToString(CultureInfo.InvariantCulture) : "no response";
                var requestId = message.HasResponse && message.Response.Headers.TryGetValue("x-ms-request-id", out var value) ? value : "-";
                OperationContext.Current.Log.Debug(
                    $"ARM {message.Request.Method} {message.Request.Uri.Path} -> {status} in {watch.Elapsed.TotalMilliseconds:0} ms " +
                    $"(x-ms-request-id {requestId}, x-ms-client-request-id {message.Request.ClientRequestId}).");
            }
        }
    }
}

/// <summary>What a call is, for its errors: the words, the user's input, and the RBAC action (with the roles that have it) a 403 needs.</summary>
internal sealed record ArmCall(string WhatFailed, object? Target, string RequiredAction, string RolesWithAction);

/// <summary>Azure.Core's options for <see cref="ResourceManagerClient"/>: no event-source logging (the client logs through the step).</summary>
internal sealed class ResourceManagerClientOptions : ClientOptions
{
    public ResourceManagerClientOptions()
    {
        Diagnostics.ApplicationId = "AcsTeamsAdmin";
        Diagnostics.IsLoggingEnabled = false;
        Diagnostics.IsLoggingContentEnabled = false;
        Diagnostics.IsDistributedTracingEnabled = false;
    }
}
