using System.Text.Json.Nodes;
using AcsTeamsAdmin.Sandbox.Communication;
using AcsTeamsAdmin.Sandbox.Graph;
using AcsTeamsAdmin.Sandbox.Hosting;
using AcsTeamsAdmin.Sandbox.Identity;
using AcsTeamsAdmin.Sandbox.Internal;
using AcsTeamsAdmin.Sandbox.ResourceManager;

namespace AcsTeamsAdmin.Sandbox;

/// <summary>
/// An in-process emulator of Entra ID's token endpoint, Microsoft Graph v1.0 (the calls the module makes) and,
/// later, the ACS identity API. Both transports (the in-process handler and the loopback host) route through
/// <see cref="HandleAsync"/> by path, whatever the host.
/// </summary>
public sealed class SandboxService : IDisposable
{
    private readonly TimeProvider _time;

    public SandboxService(SandboxState? state = null, TimeProvider? time = null)
    {
        State = state ?? SandboxSeed.CreateDefault();
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The base address of the in-process transport. Any host works in-process; this one can never resolve.</summary>
    public static Uri InProcessBaseAddress { get; } = new("https://sandbox.acsteams.invalid/");

    public SandboxState State { get; }

    public RequestLog Requests { get; } = new();

    public FaultPlan Faults { get; } = new();

    /// <summary>An HttpMessageHandler that answers from this sandbox without a socket.</summary>
    public HttpMessageHandler CreateHandler() => new SandboxHttpHandler(this);

    public Task<SandboxResponse> HandleAsync(SandboxRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Always complete asynchronously, like a network call: a client that polls in a loop (MSAL's device code
        // flow with interval 0) would otherwise spin synchronously on its caller's thread and starve it.
        return Task.Run(() => Handle(request), cancellationToken);
    }

    public SandboxDescription Describe(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var b = baseAddress.GetLeftPart(UriPartial.Authority);
        return State.Read(data =>
        {
            var tenants = data.Tenants.Select(t =>
            {
                var admin = t.Users.FirstOrDefault(u => u.DirectoryRoles.Contains("Global Administrator", StringComparer.OrdinalIgnoreCase));
                return new SandboxTenantDescription(
                    t.Id,
                    t.DisplayName,
                    t.DefaultDomain,
                    t.AdminClientId,
                    Secret(data, t.AdminClientId),
                    admin?.UserPrincipalName);
            }).ToList();
            var home = tenants.FirstOrDefault(t => t.Id == data.DefaultTenantId) ?? tenants.FirstOrDefault();
            var teamsUser = data.Facts.TeamsUserPrincipalName is { } upn ? DirectoryQueries.FindUser(data, upn)?.User : null;
            var system = DirectoryQueries.FindTenant(data, data.DefaultTenantId)?.ManagedIdentities
                .FirstOrDefault(m => m.Kind == ManagedIdentityKind.SystemAssigned);
            return new SandboxDescription(
                new Uri(b), new Uri(b + "/v1.0"), new Uri(b + "/"), $"endpoint={b}/;accesskey={data.AcsAccessKey}",
                home?.Id ?? "", home?.AdminClientId ?? "", home?.AdminClientSecret ?? "")
            {
                Tenants = tenants,
                AcsResourceId = AcsTokens.ResourceId(data),
                IsvAppId = data.Facts.IsvAppId,
                IsvTenantId = data.Facts.IsvTenantId,
                TeamsUserObjectId = teamsUser?.Id,
                TeamsUserPrincipalName = teamsUser?.UserPrincipalName,
                ImdsEndpoint = new Uri(b),
                IdentityEndpoint = new Uri(b + "/msi/token"),
                IdentityHeader = ManagedIdentityEndpoint.IdentityHeaderValue,
                ResourceManagerEndpoint = new Uri(b + "/"),
                AcsResourceName = SandboxIds.AcsResourceName,
                SubscriptionId = data.AzureSubscriptions.FirstOrDefault(s => s.ResourceGroups.Any(g => g.CommunicationServices.Count > 0))?.Id,
                ManagedIdentityClientId = system?.ClientId,
            };
        });
    }

    /// <summary>Mints a token as asked, without the token endpoint's checks (tests, --access-token).</summary>
    public string IssueAccessToken(AccessTokenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = _time.GetUtcNow();
        return State.Read(data =>
        {
            var tenant = DirectoryQueries.FindTenant(data, request.TenantId);
            var tenantId = tenant?.Id ?? request.TenantId;
            UserData? user = null;
            if (request.User is { } who)
            {
                user = (tenant is null ? DirectoryQueries.FindUser(data, who)?.User : tenant.Users.FirstOrDefault(u =>
                        string.Equals(u.Id, who, StringComparison.OrdinalIgnoreCase)
                            || string.Equals(u.UserPrincipalName, who, StringComparison.OrdinalIgnoreCase)))
                    ?? throw new ArgumentException($"No user '{who}' in tenant '{request.TenantId}'.", nameof(request));
            }

            var sp = tenant is null ? null : DirectoryQueries.FindServicePrincipal(tenant, request.ClientAppId);
            var name = sp is null ? "" : DirectoryQueries.Str(sp, "displayName") ?? "";
            var subject = new TokenSubject(
                tenantId, request.ClientAppId, name, sp is null ? null : DirectoryQueries.Str(sp, "id"), user, request.Audience,
                request.Roles ?? [], request.Scopes ?? [], "1");
            return TokenFactory.AccessToken(subject, now, request.Lifetime ?? TimeSpan.FromSeconds(data.Settings.AccessTokenLifetimeSeconds));
        });
    }

    /// <summary>
    /// Whether an ACS token this sandbox issued would be accepted now: not expired, its identity not deleted, its
    /// tokens not revoked since. What a later emulated service (a Teams meeting join) asks before letting a user in.
    /// </summary>
    public AcsTokenValidation ValidateAcsToken(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var now = _time.GetUtcNow();
        return State.Read(data => AcsTokens.Validate(data, token, now));
    }

    /// <summary>Approves a pending device code as a user (what the person at the browser would do).</summary>
    public bool ApproveDeviceCode(string userCode, string userPrincipalName) =>
        State.Update(data => DeviceCodeEndpoint.Approve(data, userCode, userPrincipalName));

    public void SaveState(string path) => State.Save(path);

    public static SandboxService LoadState(string path, TimeProvider? time = null) => new(SandboxState.Load(path), time);

    public void Dispose()
    {
        // Nothing unmanaged is held; IDisposable lets callers scope a sandbox with 'using' as they would a real client.
    }

    private SandboxResponse Handle(SandboxRequest request)
    {
        var path = request.Path;
        if (path.StartsWith("/_sandbox/", StringComparison.OrdinalIgnoreCase))
        {
            return SandboxHooks.Handle(this, request);
        }

        var sequence = Requests.NextSequence();
        var now = _time.GetUtcNow();
        var info = new RequestInfo();
        var fault = Faults.Next(request.Method, path);
        if (fault is not null && fault.Kind != FaultKind.ConnectionReset)
        {
            var faulted = FaultResponses.Create(fault, request, now);
            Log(sequence, now, request, faulted.StatusCode, FaultResponses.Name(fault), info, null, null);
            return faulted;
        }

        if (fault is { AfterProcessing: false })
        {
            Log(sequence, now, request, 0, FaultResponses.Name(fault), info, null, null);
            return SandboxResponse.Aborted();
        }

        var response = State.Update(data => SafeDispatch(data, request, now, info, sequence));
        Log(sequence, now, request, fault is null ? response.StatusCode : 0, fault is null ? null : FaultResponses.Name(fault), info, null, null);
        return fault is null ? response : SandboxResponse.Aborted();
    }

    /// <summary>A bug in the sandbox must reach the client as a 500 it can see, not as a transport failure.</summary>
    private SandboxResponse SafeDispatch(SandboxData data, SandboxRequest request, DateTimeOffset now, RequestInfo info, long sequence)
    {
        try
        {
            return Dispatch(data, request, now, info, sequence);
        }
#pragma warning disable CA1031 // Deliberately broad: any defect becomes an HTTP 500 with its message.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return SandboxResponse.Json(500, new JsonObject { ["error"] = new JsonObject { ["code"] = "SandboxInternalError", ["message"] = e.ToString() } });
        }
    }

    private SandboxResponse Dispatch(SandboxData data, SandboxRequest request, DateTimeOffset now, RequestInfo info, long sequence)
    {
        var path = request.Path;
        var segments = path.Trim('/').Split('/');
        if (segments[0] == "v1.0")
        {
            return GraphApi.Handle(data, request, now, info, (step, response, stepInfo, stepId) =>
                Log(Requests.NextSequence(), now, step, response.StatusCode, null, stepInfo, sequence, stepId));
        }

        if (string.Equals(path, "/metadata/identity/oauth2/token", StringComparison.OrdinalIgnoreCase))
        {
            return ManagedIdentityEndpoint.Imds(data, request, now, info);
        }

        if (string.Equals(path.TrimEnd('/'), "/msi/token", StringComparison.OrdinalIgnoreCase))
        {
            return ManagedIdentityEndpoint.AppService(data, request, now, info);
        }

        if (segments.Length == 3 && segments[1] == "discovery" && segments[2] == "instance")
        {
            return DiscoveryDocuments.InstanceDiscovery(request);
        }

        if (segments[0] is "identities" or "teamsUser")
        {
            return AcsIdentityApi.Handle(data, request, now, info);
        }

        if (string.Equals(segments[0], "subscriptions", StringComparison.OrdinalIgnoreCase))
        {
            return ResourceManagerApi.Handle(data, request, now, info);
        }

        if (segments.Length == 4 && segments[1] == "oauth2" && segments[2] == "v2.0")
        {
            info.TenantId = DirectoryQueries.FindTenant(data, segments[0])?.Id;
            switch (segments[3])
            {
                case "token":
                    return TokenEndpoint.Handle(data, request, segments[0], now, info);
                case "devicecode":
                    return DeviceCodeEndpoint.Handle(data, request, segments[0], now, info);
                case "authorize":
                    return AuthorizeEndpoint.Handle(data, request, segments[0], now, info);
            }
        }

        if (segments.Length == 4 && segments[1] == "v2.0" && segments[2] == ".well-known" && segments[3] == "openid-configuration")
        {
            return DiscoveryDocuments.OpenIdConfiguration(data, request, segments[0]);
        }

        return SandboxResponse.Text(404, $"The sandbox has nothing at {path}.");
    }

    private void Log(long sequence, DateTimeOffset now, SandboxRequest request, int status, string? fault, RequestInfo info, long? parent, string? stepId) =>
        Requests.Add(new RequestLogEntry
        {
            Sequence = sequence,
            TimeUtc = now,
            Method = request.Method,
            PathAndQuery = request.PathAndQuery,
            Status = status,
            Fault = fault,
            TenantId = info.TenantId,
            ClientAppId = info.ClientAppId,
            ParentSequence = parent,
            BatchStepId = stepId,
            RequestId = info.RequestId,
            UserAgent = request.Header("User-Agent"),
        });

    private static string? Secret(SandboxData data, string? appId) =>
        appId is null ? null : data.Tenants.SelectMany(t => t.AppCredentials).FirstOrDefault(c => c.AppId == appId)?.Secrets.FirstOrDefault();
}
