using System.Globalization;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Validation;

namespace AcsTeamsAdmin.Engine.Connections;

/// <summary>
/// Checks a <see cref="ConnectionRequest"/> before anything signs in, so a typo fails in
/// milliseconds with the parameter's name rather than minutes later inside a sign-in library.
/// </summary>
internal static class ConnectionRequestValidator
{
    public static ConnectionPlan Validate(ConnectionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cloud = CloudEndpoints.For(request.Environment);
        var authority = request.AuthorityHost is null ? cloud.LoginHost : InputParser.ParseUrl("AuthorityHost", request.AuthorityHost);
        var graph = request.GraphEndpoint is null ? cloud.GraphEndpoint : ParseGraphEndpoint(request.GraphEndpoint);

        RejectAppOnlyScopes(request);
        var plan = request.Mode switch
        {
            SignInMode.InteractiveBrowser or SignInMode.DeviceCode => Delegated(request, cloud, authority, graph),
            SignInMode.ClientSecret => ClientSecret(request, cloud, authority, graph),
            SignInMode.Certificate => Certificate(request, cloud, authority, graph),
            SignInMode.ManagedIdentity => ManagedIdentity(request, cloud, authority, graph),
            SignInMode.AccessToken => AccessToken(request, cloud, authority, graph),
            SignInMode.Sandbox => throw new InvalidOperationException("Sandbox connections are planned by SandboxConnector."),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Mode, "Unknown sign-in mode."),
        };
        return plan with { ResourceManagerEndpoint = ResourceManager(request, cloud, graph) };
    }

    /// <summary>The ARM endpoint: as given, else a loopback Graph's own root (a sandbox serves both), else the cloud's.</summary>
    private static Uri ResourceManager(ConnectionRequest request, CloudEndpoints cloud, Uri graph)
    {
        if (request.ResourceManagerEndpoint is { } given)
        {
            return new Uri(InputParser.ParseUrl("ResourceManagerEndpoint", given).GetLeftPart(UriPartial.Authority) + "/");
        }

        return graph.IsLoopback && graph.Scheme == Uri.UriSchemeHttp ? new Uri(graph.GetLeftPart(UriPartial.Authority) + "/") : cloud.ResourceManager;
    }

    private static ConnectionPlan Delegated(ConnectionRequest request, CloudEndpoints cloud, Uri authority, Uri graph)
    {
        var tenant = request.TenantId is null ? "organizations" : InputParser.ParseTenant("TenantId", request.TenantId, allowMultiTenantAliases: true);
        var clientId = request.ClientId is null ? WellKnownClients.GraphCommandLineTools : ClientId(request.ClientId);
        var scopes = request.Scopes.Count == 0 ? GraphScopes.Default : request.Scopes;
        return new(request.Mode, cloud, authority, graph, tenant, clientId, GraphScopes.Qualify(cloud.GraphResource, scopes));
    }

    private static ConnectionPlan ClientSecret(ConnectionRequest request, CloudEndpoints cloud, Uri authority, Uri graph)
    {
        var tenant = RequiredTenant(request);
        var clientId = ClientId(request.ClientId);
        if (string.IsNullOrEmpty(request.ClientSecret))
        {
            throw AcsTeamsAdminException.InvalidInput("ClientSecret", SensitiveInput.Of("client secret"), "is empty.",
                "Pass the secret's VALUE (shown once when it was created under Certificates & secrets), not its secret ID.", ErrorIds.MissingParameter);
        }

        return new(request.Mode, cloud, authority, graph, tenant, clientId, [GraphScopes.AppOnly(cloud.GraphResource)]);
    }

    private static ConnectionPlan Certificate(ConnectionRequest request, CloudEndpoints cloud, Uri authority, Uri graph)
    {
        var tenant = RequiredTenant(request);
        var clientId = ClientId(request.ClientId);
        if ((request.Certificate is null) == string.IsNullOrWhiteSpace(request.CertificateThumbprint))
        {
            throw new AcsTeamsAdminException(ErrorIds.ConflictingParameters, FailureCategory.InvalidArgument,
                "-CertificateThumbprint and -Certificate: pass exactly one of them.",
                "Use -CertificateThumbprint for a certificate in the current user's (or, on Windows, the machine's) 'My' " +
                "store, or -Certificate for an X509Certificate2 object.");
        }

        if (request.CertificateThumbprint is { } thumbprint && !IsThumbprint(thumbprint))
        {
            throw AcsTeamsAdminException.InvalidInput("CertificateThumbprint", thumbprint, "is not a certificate thumbprint.",
                "Pass the SHA-1 thumbprint: 40 hexadecimal characters, as Get-ChildItem Cert:\\CurrentUser\\My shows it.");
        }

        return new(request.Mode, cloud, authority, graph, tenant, clientId, [GraphScopes.AppOnly(cloud.GraphResource)]);
    }

    private static ConnectionPlan ManagedIdentity(ConnectionRequest request, CloudEndpoints cloud, Uri authority, Uri graph)
    {
        // With -Identity, -ClientId names a user-assigned identity (as in Connect-MgGraph).
        if (request.ManagedIdentityClientId is { } id)
        {
            _ = InputParser.ParseGuid(
                "ClientId",
                id,
                "with -Identity it is the user-assigned managed identity's client id (Azure portal > Managed Identities > Overview).");
        }

        // A managed identity belongs to exactly one tenant; a -TenantId here would be silently ignored, so refuse it.
        if (request.TenantId is not null)
        {
            throw new AcsTeamsAdminException(ErrorIds.ConflictingParameters, FailureCategory.InvalidArgument,
                "-TenantId does not apply to a managed identity sign-in: the identity signs in to its own tenant.",
                "Drop -TenantId; use -ClientId to pick a user-assigned identity.");
        }

        return new(request.Mode, cloud, authority, graph, null, request.ManagedIdentityClientId, [GraphScopes.AppOnly(cloud.GraphResource)]);
    }

    private static ConnectionPlan AccessToken(ConnectionRequest request, CloudEndpoints cloud, Uri authority, Uri graph)
    {
        // Decoded here only to fail fast on a value that is not a token or has expired; Graph validates it.
        var claims = Tokens.TokenClaims.Read("AccessToken", request.AccessToken);
        if (claims.ExpiresOn is { } expires && expires <= DateTimeOffset.UtcNow)
        {
            throw AcsTeamsAdminException.InvalidInput("AccessToken", Failures.SensitiveInput.Of("token"),
                $"the token expired at {expires.ToString("u", CultureInfo.InvariantCulture)}.",
                "Get a new Graph access token (e.g. Get-AzAccessToken -ResourceTypeName MSGraph) and connect again.", ErrorIds.AccessTokenRejected);
        }

        return new(request.Mode, cloud, authority, graph, claims.TenantId, claims.AppId, []);
    }

    private static string RequiredTenant(ConnectionRequest request)
    {
        if (request.TenantId is null)
        {
            throw AcsTeamsAdminException.InvalidInput("TenantId", null, "is required when signing in as an app.",
                "Pass the tenant id (a GUID) or a verified domain of the tenant the app signs in to.", ErrorIds.MissingParameter);
        }

        return InputParser.ParseTenant("TenantId", request.TenantId);
    }

    private static string ClientId(string? value) =>
        InputParser.ParseGuid("ClientId", value, "it is the Application (client) ID on the app registration's Overview page.").ToString();

    private static Uri ParseGraphEndpoint(string value)
    {
        var uri = InputParser.ParseUrl("GraphEndpoint", value);
        if (!uri.AbsolutePath.TrimEnd('/').EndsWith("/v1.0", StringComparison.OrdinalIgnoreCase))
        {
            throw AcsTeamsAdminException.InvalidInput("GraphEndpoint", value, "does not end in /v1.0.",
                "Pass Graph's versioned base URL, such as https://graph.microsoft.com/v1.0 (the module uses v1.0 only).", ErrorIds.InvalidUrl);
        }

        return new Uri(uri.AbsoluteUri.TrimEnd('/'));
    }

    private static void RejectAppOnlyScopes(ConnectionRequest request)
    {
        if (request.Scopes.Count > 0 && request.Mode is not (SignInMode.InteractiveBrowser or SignInMode.DeviceCode))
        {
            throw new AcsTeamsAdminException(ErrorIds.ConflictingParameters, FailureCategory.InvalidArgument,
                $"-Scopes applies to delegated sign-ins (interactive or device code), not to {request.Mode}.",
                "Drop -Scopes: an app signs in with the application permissions an administrator granted it.");
        }
    }

    private static bool IsThumbprint(string value) =>
        value.Trim().Length == 40 && value.Trim().All(Uri.IsHexDigit);
}
