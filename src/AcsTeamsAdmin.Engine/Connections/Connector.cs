using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Graph;
using AcsTeamsAdmin.Engine.Http;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.Tokens;
using AcsTeamsAdmin.Engine.Validation;
using Azure.Core;
using Azure.Identity;

namespace AcsTeamsAdmin.Engine.Connections;

/// <summary>
/// Signs in and builds the session. Signing in fetches the Graph token once, which proves the
/// credential works and tells us the tenant and the permissions granted; no Graph call is made
/// until a cmdlet needs one.
/// </summary>
public static class Connector
{
    public static async Task<AcsTeamsAdminConnection> ConnectAsync(ConnectionRequest request, OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (request.Mode == SignInMode.Sandbox)
        {
            return await ConnectToSandboxAsync(request, context).ConfigureAwait(false);
        }

        return await ConnectAsync(request, context, request.Mode, ownedSandbox: null, sandboxStatePath: null).ConfigureAwait(false);
    }

    private static async Task<AcsTeamsAdminConnection> ConnectToSandboxAsync(ConnectionRequest request, OperationContext context)
    {
        var sandbox = SandboxLoader.Create(request.SandboxStatePath, request.SaveSandboxState, context.Log);
        try
        {
            var description = sandbox.Describe();
            var tenant = SandboxTenant(description, request.TenantId);
            context.Log.Verbose($"Using the in-process sandbox: tenant {tenant.DisplayName} ({tenant.Id}), nothing leaves this machine.");
            var signIn = new ConnectionRequest
            {
                Mode = SignInMode.ClientSecret,
                TenantId = tenant.Id,
                ClientId = tenant.AdminClientId,
                ClientSecret = tenant.AdminClientSecret,
                AuthorityHost = description.AuthorityHost.AbsoluteUri,
                GraphEndpoint = description.GraphEndpoint.AbsoluteUri,
                ResourceManagerEndpoint = (description.ResourceManagerEndpoint ?? description.AuthorityHost).AbsoluteUri,
                Transport = request.Transport ?? sandbox.CreateHandler(),
                RetryLimits = request.RetryLimits,
            };
            return await ConnectAsync(
                signIn,
                context,
                SignInMode.Sandbox,
                sandbox,
                request.SaveSandboxState ? request.SandboxStatePath : null).ConfigureAwait(false);
        }
        catch
        {
            sandbox.Dispose();
            throw;
        }
    }

    /// <summary>The seeded tenant to sign in to: the default one, or the one -TenantId names (id or domain).</summary>
    private static InProcessSandboxTenant SandboxTenant(InProcessSandboxDescription description, string? tenantId)
    {
        var wanted = tenantId is null ? description.TenantId : InputParser.ParseTenant("TenantId", tenantId);
        return description.Tenants.FirstOrDefault(tenant =>
                   (string.Equals(tenant.Id, wanted, StringComparison.OrdinalIgnoreCase)
                       || string.Equals(tenant.Domain, wanted, StringComparison.OrdinalIgnoreCase))
                   && tenant.AdminClientId is not null)
            ?? throw AcsTeamsAdminException.InvalidInput("TenantId", tenantId, $"'{tenantId}' is not a tenant of this sandbox.",
                $"Pass one of: {string.Join(", ", description.Tenants.Where(tenant => tenant.AdminClientId is not null).Select(tenant => tenant.Domain))}.",
                ErrorIds.InvalidTenant);
    }

    private static async Task<AcsTeamsAdminConnection> ConnectAsync(
        ConnectionRequest request,
        OperationContext context,
        SignInMode reportedMode,
        InProcessSandbox? ownedSandbox,
        string? sandboxStatePath)
    {
        var plan = ConnectionRequestValidator.Validate(request);
        context.Log.Verbose(plan.Mode == SignInMode.AccessToken
            ? $"Using the given access token for Graph at {plan.GraphEndpoint.Authority}."
            : $"Signing in ({reportedMode}) at {plan.AuthorityHost.Authority} for Graph at {plan.GraphEndpoint.Authority}.");
        var credential = CredentialFactory.Create(plan, request, request.Transport);
        var claims = await SignInAsync(credential, plan, request, context.CancellationToken).ConfigureAwait(false);

        var retries = new RetryStatistics();
        var scopes = plan.GraphTokenScopes.Count > 0 ? plan.GraphTokenScopes : [GraphScopes.AppOnly(plan.GraphResource)];
        var pipeline = GraphPipeline.Create(request.Transport, request.RetryLimits, retries);
        var info = new ConnectionInfo
        {
            TenantId = claims.TenantId ?? plan.TenantId ?? "unknown",
            Account = claims.UserPrincipalName ?? claims.AppId ?? plan.ClientId ?? "unknown",
            ClientId = claims.AppId ?? plan.ClientId,
            SignInMode = reportedMode,
            AppOnly = claims.IsAppOnly,
            Environment = plan.Cloud.Environment,
            GraphEndpoint = plan.GraphEndpoint.AbsoluteUri,
            ResourceManagerEndpoint = plan.ResourceManagerEndpoint.AbsoluteUri,
            AuthorityHost = plan.AuthorityHost.AbsoluteUri,
            Permissions = claims.IsAppOnly ? claims.Roles : claims.Scopes,
            TokenExpiresOn = claims.ExpiresOn,
            ConnectedAt = DateTimeOffset.UtcNow,
        };
        context.Log.Verbose($"Connected to tenant {info.TenantId} as {info.Account}; Graph permissions: {string.Join(", ", info.Permissions)}.");
        WarnAboutGovernmentCloud(plan, context.Log);
        return new AcsTeamsAdminConnection(
            info,
            credential,
            scopes,
            plan.GraphEndpoint,
            pipeline,
            ownsGraphPipeline: request.Transport is null,
            retries,
            ownedSandbox,
            sandboxStatePath)
        {
            Transport = request.Transport,
            RetryLimits = request.RetryLimits,
            ResourceManagerEndpoint = plan.ResourceManagerEndpoint,
            ResourceManagerScope = plan.Cloud.ResourceManagerScope,
        };
    }

    private static async Task<TokenClaims> SignInAsync(
        TokenCredential credential,
        ConnectionPlan plan,
        ConnectionRequest request,
        CancellationToken cancellationToken)
    {
        if (plan.Mode == SignInMode.AccessToken)
        {
            return TokenClaims.Read("AccessToken", request.AccessToken);
        }

        try
        {
            var scopes = plan.GraphTokenScopes.ToArray();
            var token = await credential.GetTokenAsync(new TokenRequestContext(scopes, tenantId: null), cancellationToken).ConfigureAwait(false);
            return TokenClaims.Read("AccessToken", token.Token);
        }
        catch (CredentialUnavailableException error) when (plan.Mode == SignInMode.ManagedIdentity)
        {
            throw new AcsTeamsAdminException(ErrorIds.ManagedIdentityUnavailable, FailureCategory.AuthenticationError,
                "No managed identity is available here.",
                "Run this in Azure (Automation, Functions, a VM) with a managed identity enabled, or pass -ManagedIdentityClientId for a user-assigned one.",
                plan.ClientId, error);
        }
        catch (AuthenticationFailedException error)
        {
            throw GraphCall.SignInFailure(error, plan.ClientId);
        }
    }

    private static void WarnAboutGovernmentCloud(ConnectionPlan plan, IOperationLog log)
    {
        if (plan.Cloud.IsGovernment)
        {
            log.Warning("Azure Communication Services interoperability with Teams is not offered in Microsoft 365 government clouds " +
                $"({plan.Cloud.Environment}); Graph setup works, but ACS users may not be able to join this tenant's Teams meetings.");
        }
    }
}
