using System.Collections.Concurrent;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Http;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.Tokens;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.Extensibility;

namespace AcsTeamsAdmin.Engine.TeamsUsers;

/// <summary>
/// Gets a Teams user's Entra token for ACS (Teams.ManageCalls and Teams.ManageChats) with MSAL, as the ACS
/// quickstart does: silently from MSAL's cache first (the -Account user, else the last one signed in), then
/// through the system browser or a device code. One PublicClientApplication per (app, tenant, authority,
/// transport) lives for the process, so its in-memory cache makes the second call silent. The cache is not
/// persisted: a new PowerShell session signs in again (Microsoft.Identity.Client.Extensions.Msal could keep it
/// encrypted on disk; future work).
/// </summary>
public static class TeamsUserSignIn
{
    public const string TeamsManageCalls = "https://auth.msft.communication.azure.com/Teams.ManageCalls";
    public const string TeamsManageChats = "https://auth.msft.communication.azure.com/Teams.ManageChats";

    private static readonly string[] Scopes = [TeamsManageCalls, TeamsManageChats];
    private static readonly ConcurrentDictionary<AppKey, CachedApp> Apps = new();

    /// <summary>For a front end with a session: a sandbox request signs in through the session's sandbox.</summary>
    public static Task<TeamsUserAadPlainToken> AcquireAsync(TeamsUserTokenRequest request, AcsTeamsAdminConnection? session, OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var transport = request.Sandbox ? session?.Transport : null;
        return AcquireAsync(request, transport, transport is not null, context);
    }

    /// <param name="request">Parsed before this call: bad input never gets here.</param>
    /// <param name="transport">Replaces the network (a sandbox session's handler); null for Entra ID itself.</param>
    /// <param name="sandboxBrowser">True to answer the interactive flow's browser step through <paramref name="transport"/> (sandbox only).</param>
    /// <param name="context">Device code instructions go to its Warning stream; the rest to Verbose.</param>
    internal static async Task<TeamsUserAadPlainToken> AcquireAsync(
        TeamsUserTokenRequest request,
        HttpMessageHandler? transport,
        bool sandboxBrowser,
        OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var cached = Apps.GetOrAdd(
            new AppKey(request.ClientId.ToString(), request.Tenant, request.AuthorityHost.AbsoluteUri, transport),
            key => Build(key, request));
        var app = cached.App;
        var ct = context.CancellationToken;
        try
        {
            var account = await FindAccountAsync(app, request.Account, cached.LastAccount).ConfigureAwait(false);
            AuthenticationResult? result = null;
            if (account is not null)
            {
                try
                {
                    result = await app.AcquireTokenSilent(Scopes, account).ExecuteAsync(ct).ConfigureAwait(false);
                    context.Log.Verbose($"Reused the cached sign-in of {account.Username} (no prompt).");
                }
                catch (MsalUiRequiredException error)
                {
                    context.Log.Verbose($"The cached sign-in of {account.Username} cannot be reused silently ({error.ErrorCode}); signing in again.");
                }
            }

            if (result is null)
            {
                context.Log.Verbose($"Signing in the Teams user ({request.Mode}) to app {request.ClientId} at " +
                    $"{request.AuthorityHost.Authority}, tenant {request.Tenant}.");
                result = request.Mode == TeamsUserSignInMode.DeviceCode
                    ? await app.AcquireTokenWithDeviceCode(Scopes, code =>
                    {
                        // The one-time code and URL are no credential: the user must see them.
                        context.Log.Warning(code.Message);
                        return Task.CompletedTask;
                    }).ExecuteAsync(ct).ConfigureAwait(false)
                    : await Interactive(app, request, transport, sandboxBrowser).ExecuteAsync(ct).ConfigureAwait(false);
            }

            cached.LastAccount = result.Account?.HomeAccountId?.Identifier;
            return ToToken(result);
        }
        catch (Exception error) when (error is HttpRequestException or MsalException && NetworkFailure.BeforeSending(error))
        {
            throw new AcsTeamsAdminException(ErrorIds.EndpointUnreachable, FailureCategory.ConnectionError,
                $"The Teams user's sign-in could not reach {request.AuthorityHost.Authority}; nothing was sent.",
                "Check the network connection, the proxy settings and -AuthorityHost if you gave one, then run the command again.",
                request.ClientId.ToString(),
                error);
        }
        catch (MsalServiceException error)
        {
            // Declined or expired sign-ins (authorization_declined, expired_token) are SignInCancelled, as for Connect-AcsTeamsAdmin.
            var rule = ServiceErrorMap.Resolve(ServiceKind.EntraId, error.StatusCode, error.ErrorCode);
            throw new AcsTeamsAdminException(rule.ErrorId, rule.Category,
                $"The Teams user's sign-in to app {request.ClientId} failed: {FirstLine(error.Message)}",
                rule.ErrorId == ErrorIds.SignInFailed ? Advice(error.Message) : rule.RecommendedAction, request.ClientId.ToString(), error)
            {
                HttpStatus = error.StatusCode,
                ServiceErrorCode = error.ErrorCode,
            };
        }
        catch (MsalClientException error) when (error.ErrorCode is MsalError.CodeExpired)
        {
            throw new AcsTeamsAdminException(ErrorIds.SignInCancelled, FailureCategory.OperationTimeout,
                "The device code expired before the Teams user completed the sign-in.",
                "Run the command again and complete the sign-in in time.",
                request.ClientId.ToString(),
                error)
            {
                ServiceErrorCode = error.ErrorCode,
            };
        }
        catch (MsalClientException error) when (error.ErrorCode is MsalError.AuthenticationCanceledError)
        {
            throw new AcsTeamsAdminException(ErrorIds.SignInCancelled, FailureCategory.OperationStopped,
                "The Teams user's sign-in was cancelled.",
                "Run the command again and complete the sign-in, or use -UseDeviceCode.",
                request.ClientId.ToString(),
                error);
        }
        catch (MsalClientException error)
        {
            throw new AcsTeamsAdminException(ErrorIds.SignInFailed, FailureCategory.AuthenticationError,
                $"The Teams user's sign-in could not start: {FirstLine(error.Message)}",
                "Without a browser on this machine (SSH, containers, Cloud Shell) use -UseDeviceCode.", request.ClientId.ToString(), error)
            {
                ServiceErrorCode = error.ErrorCode,
            };
        }
    }

    private static CachedApp Build(AppKey key, TeamsUserTokenRequest request)
    {
        var authorityHost = request.AuthorityHost;
        var transport = key.Transport;
        if (LoopbackAuthority.Applies(authorityHost))
        {
            // MSAL takes https authorities only; a loopback sandbox is reached over http behind the https name.
            transport = LoopbackAuthority.Wrap(authorityHost, transport);
            authorityHost = LoopbackAuthority.AsHttps(authorityHost);
        }

        var builder = PublicClientApplicationBuilder.Create(key.ClientId)
            .WithAuthority(new Uri(authorityHost, key.Tenant).AbsoluteUri)
            .WithRedirectUri("http://localhost")
            .WithClientName("AcsTeamsAdmin");
        if (request.CustomAuthority)
        {
            builder = builder.WithInstanceDiscovery(false);
        }

        if (transport is not null)
        {
            builder = builder.WithHttpClientFactory(new MsalHttpClients(new HttpClient(transport, disposeHandler: false)));
        }

        return new CachedApp(builder.Build());
    }

    private static AcquireTokenInteractiveParameterBuilder Interactive(
        IPublicClientApplication app,
        TeamsUserTokenRequest request,
        HttpMessageHandler? transport,
        bool sandboxBrowser)
    {
        var builder = app.AcquireTokenInteractive(Scopes).WithPrompt(Prompt.SelectAccount);
        if (request.Account is { } hint)
        {
            builder = builder.WithLoginHint(hint);
        }

        return sandboxBrowser && transport is not null
            ? builder.WithCustomWebUi(new SandboxBrowser(transport))
            : builder.WithUseEmbeddedWebView(false);
    }

    private static async Task<IAccount?> FindAccountAsync(IPublicClientApplication app, string? userName, string? lastAccount)
    {
        var accounts = (await app.GetAccountsAsync().ConfigureAwait(false)).ToArray();
        return userName is not null
            ? accounts.FirstOrDefault(a => string.Equals(a.Username, userName, StringComparison.OrdinalIgnoreCase))
            : accounts.FirstOrDefault(a => a.HomeAccountId?.Identifier == lastAccount) ?? (accounts.Length == 1 ? accounts[0] : null);
    }

    private static TeamsUserAadPlainToken ToToken(AuthenticationResult result)
    {
        var claims = TokenClaims.Read("Token", result.AccessToken);
        return new TeamsUserAadPlainToken
        {
            Token = result.AccessToken,
            ExpiresOn = claims.ExpiresOn ?? result.ExpiresOn,
            TenantId = claims.TenantId ?? result.TenantId ?? "",
            UserObjectId = claims.ObjectId ?? result.UniqueId ?? "",
            ClientId = claims.AppId ?? "",
            UserPrincipalName = claims.UserPrincipalName ?? result.Account?.Username,
            Scopes = claims.Scopes,
            Source = result.AuthenticationResultMetadata?.TokenSource.ToString(),
        };
    }

    private static string Advice(string message) =>
        message.Contains("AADSTS650052", StringComparison.Ordinal) || message.Contains("lacks a service principal", StringComparison.Ordinal)
            ? "The user's tenant needs the Azure Communication Services service principal (New-AcsTeamsServicePrincipal) " +
              "and consent for the app (Grant-AcsAdminConsent)."
            : message.Contains("AADSTS65001", StringComparison.Ordinal)
                ? "Nobody consented to the app's ACS permissions in this tenant yet: Grant-AcsAdminConsent -AppId <the app>, or let the user consent."
                : "Check -ClientId (a public client app with the ACS Teams.ManageCalls and Teams.ManageChats permissions, " +
                  "'Allow public client flows' on, redirect URI http://localhost) and -TenantId.";

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private sealed record AppKey(string ClientId, string Tenant, string Authority, HttpMessageHandler? Transport);

    private sealed class CachedApp(IPublicClientApplication app)
    {
        public IPublicClientApplication App { get; } = app;

        public string? LastAccount { get; set; }
    }
}
