using System.Text.Json;
using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox.Internal;

namespace AcsTeamsAdmin.Sandbox.Communication;

/// <summary>
/// The ACS identity data plane: POST /identities, POST /identities/{id}/:issueAccessToken,
/// POST /identities/{id}/:revokeAccessTokens, DELETE /identities/{id}, POST /teamsUser/:exchangeAccessToken.
/// Order of checks: authentication (401), api-version (400), route, body, then the operation's own rules.
/// Authentication comes first so an unauthenticated caller learns nothing about versions or identities.
/// </summary>
internal static class AcsIdentityApi
{
    public static SandboxResponse Handle(SandboxData data, SandboxRequest request, DateTimeOffset now, RequestInfo info)
    {
        var correlationVector = Base64Url.Encode(Guid.NewGuid().ToByteArray()) + ".0";
        info.RequestId = correlationVector;
        SandboxResponse response;
        try
        {
            AcsRequestAuthenticator.Authenticate(data, request, now, info);
            var version = ApiVersion(request);
            response = Route(data, request, version, now);
        }
        catch (AcsException e)
        {
            response = SandboxResponse.Json(e.Status, e.ToBody());
        }

        response.Headers["MS-CV"] = correlationVector;
        response.Headers["api-supported-versions"] = AcsApiVersions.SupportedHeader;
        response.Headers["X-Processing-Time"] = "1ms";
        if (request.Header("x-ms-client-request-id") is { } clientRequestId)
        {
            response.Headers["x-ms-client-request-id"] = clientRequestId;
        }

        return response;
    }

    private static string ApiVersion(SandboxRequest request)
    {
        var version = request.Query.GetValueOrDefault("api-version");
        if (string.IsNullOrEmpty(version))
        {
            throw AcsErrors.ApiVersionUnspecified();
        }

        return AcsApiVersions.IsReleased(version) ? version : throw AcsErrors.UnsupportedApiVersion(request.Uri.AbsoluteUri, version);
    }

    private static SandboxResponse Route(SandboxData data, SandboxRequest request, string version, DateTimeOffset now)
    {
        var segments = request.Path.Trim('/').Split('/');
        switch (segments)
        {
            case ["identities"]:
                return request.Method == "POST" ? Create(data, request, version, now) : NotAllowed();
            case ["identities", var id]:
                if (request.Method != "DELETE")
                {
                    return NotAllowed();
                }

                var deleted = Owned(data, id);
                deleted.DeletedOn = now;
                deleted.TokenGeneration++;
                return SandboxResponse.Empty(204);
            case ["identities", var id, ":issueAccessToken"]:
                return request.Method == "POST" ? Issue(data, request, version, Owned(data, id), now) : NotAllowed();
            case ["identities", var id, ":revokeAccessTokens"]:
                if (request.Method != "POST")
                {
                    return NotAllowed();
                }

                var revoked = Owned(data, id);
                revoked.TokenGeneration++;
                revoked.TokensRevokedOn = now;
                return SandboxResponse.Empty(204);
            case ["teamsUser", ":exchangeAccessToken"]:
                if (!AcsApiVersions.HasTeamsExchange(version))
                {
                    throw AcsErrors.UnsupportedApiVersion(request.Uri.AbsoluteUri, version);
                }

                return request.Method == "POST" ? TeamsTokenExchange.Handle(data, Body(request), now) : NotAllowed();
            default:
                return SandboxResponse.Json(
                    404,
                    new JsonObject { ["error"] = new JsonObject { ["code"] = "NotFound", ["message"] = $"No ACS identity API at {request.Path}." } });
        }
    }

    private static SandboxResponse Create(SandboxData data, SandboxRequest request, string version, DateTimeOffset now)
    {
        var body = Body(request);
        var scopes = body["createTokenWithScopes"] is JsonArray asked ? Scopes(asked, version, required: false) : [];
        var minutes = Minutes(body, version);
        var identity = new AcsIdentityData { Id = $"8:acs:{AcsTokens.ResourceId(data)}_{Guid.NewGuid()}", CreatedOn = now };
        data.AcsIdentities.Add(identity);
        var result = new JsonObject { ["identity"] = new JsonObject { ["id"] = identity.Id } };
        if (scopes.Count > 0)
        {
            result["accessToken"] = TokenJson(AcsTokens.ForIdentity(data, identity, scopes, minutes, now));
        }

        return SandboxResponse.Json(201, result);
    }

    private static SandboxResponse Issue(SandboxData data, SandboxRequest request, string version, AcsIdentityData identity, DateTimeOffset now)
    {
        var body = Body(request);
        var scopes = Scopes(body["scopes"] as JsonArray, version, required: true);
        var minutes = Minutes(body, version);
        return SandboxResponse.Json(200, TokenJson(AcsTokens.ForIdentity(data, identity, scopes, minutes, now)));
    }

    /// <summary>The identity, when it is this resource's and not deleted; 401 IdentityNotOwned for another resource's or a malformed id.</summary>
    private static AcsIdentityData Owned(SandboxData data, string id)
    {
        var prefix = $"8:acs:{AcsTokens.ResourceId(data)}_";
        if (!id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || !Guid.TryParse(id[prefix.Length..], out _))
        {
            throw AcsErrors.IdentityNotOwned();
        }

        var identity = data.AcsIdentities.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.OrdinalIgnoreCase));
        return identity is null || identity.DeletedOn is not null ? throw AcsErrors.IdentityNotFound() : identity;
    }

    private static List<string> Scopes(JsonArray? asked, string version, bool required)
    {
        var scopes = new List<string>();
        foreach (var node in asked ?? [])
        {
            var scope = node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? "null";
            if (!AcsApiVersions.KnowsScope(version, scope))
            {
                throw AcsErrors.UnknownScope(scope);
            }

            if (!scopes.Contains(scope, StringComparer.Ordinal))
            {
                scopes.Add(scope);
            }
        }

        return required && scopes.Count == 0 ? throw AcsErrors.ScopesRequired() : scopes;
    }

    private static int Minutes(JsonObject body, string version)
    {
        // Versions before 2022-10-01 have no such field: like any unknown JSON property, it is ignored.
        if (!AcsApiVersions.HasCustomExpiry(version) || body["expiresInMinutes"] is not JsonValue value)
        {
            return AcsTokens.DefaultMinutes;
        }

        if (!value.TryGetValue<long>(out var minutes))
        {
            throw AcsErrors.InvalidBody("expiresInMinutes must be a whole number.");
        }

        return minutes is < 60 or > 1440 ? throw AcsErrors.ExpiryOutOfRange(minutes) : (int)minutes;
    }

    /// <summary>The JSON body; an empty body is {} (the JavaScript SDK sends none when creating a bare identity).</summary>
    private static JsonObject Body(SandboxRequest request)
    {
        if (request.Body.IsEmpty)
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(request.BodyText) as JsonObject ?? throw AcsErrors.InvalidBody("expected a JSON object.");
        }
        catch (JsonException)
        {
            throw AcsErrors.InvalidBody("it is not JSON.");
        }
    }

    private static JsonObject TokenJson((string Token, DateTimeOffset ExpiresOn) token) =>
        new() { ["token"] = token.Token, ["expiresOn"] = AcsTokens.FormatExpiry(token.ExpiresOn) };

    private static SandboxResponse NotAllowed() =>
        SandboxResponse.Json(
            405,
            new JsonObject { ["error"] = new JsonObject { ["code"] = "MethodNotAllowed", ["message"] = "The HTTP method is not allowed here." } });
}
