using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Http;
using AcsTeamsAdmin.Engine.Operations;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;

namespace AcsTeamsAdmin.Engine.Connections;

/// <summary>Turns a validated plan into the Azure.Identity credential for its sign-in mode.</summary>
internal static class CredentialFactory
{
    public static TokenCredential Create(ConnectionPlan plan, ConnectionRequest request, HttpMessageHandler? transport) => plan.Mode switch
    {
        // The two modes that need no sign-in library, kept apart from the method that names Azure.Identity's credentials.
        SignInMode.ClientSecret => new ClientSecretTokenCredential(
            plan.AuthorityHost,
            plan.TenantId!,
            plan.ClientId!,
            request.ClientSecret!,
            transport,
            request.RetryLimits),
        SignInMode.AccessToken => new StaticTokenCredential(request.AccessToken!.Trim(),
            Tokens.TokenClaims.Read("AccessToken", request.AccessToken).ExpiresOn ?? DateTimeOffset.MaxValue),
        _ => CreateWithAzureIdentity(plan, request, transport),
    };

    private static TokenCredential CreateWithAzureIdentity(ConnectionPlan plan, ConnectionRequest request, HttpMessageHandler? transport)
    {
        return plan.Mode switch
        {
            SignInMode.InteractiveBrowser => new InteractiveBrowserCredential(Configure(new InteractiveBrowserCredentialOptions
            {
                TenantId = plan.TenantId,
                ClientId = plan.ClientId,
                RedirectUri = new Uri("http://localhost"),
            }, plan, request, transport)),
            SignInMode.DeviceCode => new DeviceCodeCredential(Configure(new DeviceCodeCredentialOptions
            {
                TenantId = plan.TenantId,
                ClientId = plan.ClientId,

                // The device code message holds a one-time code and a URL, no credential: the user must see it,
                // in the command that needs the sign-in (a later one, when the session's refresh token expires).
                DeviceCodeCallback = (info, _) =>
                {
                    OperationContext.Current.Log.Warning(info.Message);
                    return Task.CompletedTask;
                },
            }, plan, request, transport)),
            SignInMode.Certificate => new ClientCertificateCredential(plan.TenantId, plan.ClientId, ResolveCertificate(request),
                Configure(new ClientCertificateCredentialOptions(), plan, request, transport)),
            SignInMode.ManagedIdentity => new ManagedIdentityCredential(Configure(new ManagedIdentityCredentialOptions(
                request.ManagedIdentityClientId is { } id
                    ? ManagedIdentityId.FromUserAssignedClientId(id)
                    : ManagedIdentityId.SystemAssigned), plan, request, transport)),
            _ => throw new ArgumentOutOfRangeException(nameof(plan), plan.Mode, "No credential for this sign-in mode."),
        };
    }

    private static T Configure<T>(T options, ConnectionPlan plan, ConnectionRequest request, HttpMessageHandler? transport)
        where T : TokenCredentialOptions
    {
        // Token requests are retried within the session's limits (-MaxRetryWaitSeconds), like its Graph and ACS calls.
        // Managed identity keeps Azure.Identity's own policy, which knows the IMDS endpoint's answers (410 while it
        // restarts, 404 before an identity is assigned); it is only turned off with the rest.
        if (options is ManagedIdentityCredentialOptions)
        {
            if (request.RetryLimits.Budget == TimeSpan.Zero)
            {
                options.Retry.MaxRetries = 0;
            }
        }
        else
        {
            options.RetryPolicy = new PipelineRetryPolicy(request.RetryLimits);
        }

        if (LoopbackAuthority.Applies(plan.AuthorityHost))
        {
            options.AuthorityHost = LoopbackAuthority.AsHttps(plan.AuthorityHost);
            transport = LoopbackAuthority.Wrap(plan.AuthorityHost, transport);
        }
        else
        {
            options.AuthorityHost = plan.AuthorityHost;
        }

        if (transport is not null)
        {
            options.Transport = new HttpClientTransport(transport);
        }

        // Instance discovery asks login.microsoftonline.com to vouch for the authority. An authority the
        // user named explicitly (a sandbox, a private proxy) is not one it knows, so skip it there only.
        var customAuthority = plan.AuthorityHost != plan.Cloud.LoginHost;
        switch (options)
        {
            case ClientCertificateCredentialOptions certificate:
                certificate.DisableInstanceDiscovery = customAuthority;
                break;
            case DeviceCodeCredentialOptions device:
                device.DisableInstanceDiscovery = customAuthority;
                break;
            case InteractiveBrowserCredentialOptions browser:
                browser.DisableInstanceDiscovery = customAuthority;
                break;
        }

        // Per retry: after Azure.Core's telemetry policy has written its own User-Agent.
        options.AddPolicy(new ProductInfo.Policy(), HttpPipelinePosition.PerRetry);

        // Azure SDK logging could carry request details; the module reports through its own log instead.
        options.Diagnostics.IsLoggingEnabled = false;
        options.Diagnostics.IsLoggingContentEnabled = false;
        return options;
    }

    private static X509Certificate2 ResolveCertificate(ConnectionRequest request)
    {
        if (request.Certificate is { } certificate)
        {
            return certificate.HasPrivateKey ? certificate : throw NoPrivateKey(certificate.Thumbprint);
        }

        var thumbprint = request.CertificateThumbprint!.Trim();
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            var found = FindInStore(location, thumbprint);
            if (found is not null)
            {
                return found.HasPrivateKey ? found : throw NoPrivateKey(thumbprint);
            }
        }

        throw new AcsTeamsAdminException(ErrorIds.CertificateNotFound, FailureCategory.ObjectNotFound,
            $"-CertificateThumbprint: no certificate with thumbprint {thumbprint} is in the CurrentUser or LocalMachine 'My' store.",
            "Import the certificate with its private key into Cert:\\CurrentUser\\My, or pass it with -Certificate.", thumbprint)
        {
            ParameterName = "CertificateThumbprint",
        };
    }

    private static X509Certificate2? FindInStore(StoreLocation location, string thumbprint)
    {
        try
        {
            using var store = new X509Store(StoreName.My, location);
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            return store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false).FirstOrDefault();
        }
        catch (CryptographicException)
        {
            // The machine store does not exist on Linux and macOS; that is "not found", not a failure.
            return null;
        }
    }

    private static AcsTeamsAdminException NoPrivateKey(string thumbprint) =>
        new(ErrorIds.CertificateNotFound, FailureCategory.SecurityError,
            $"The certificate {thumbprint} has no private key, so it cannot sign in.",
            "Import the certificate together with its private key (a .pfx), or use the one the app registration's key was made from.", thumbprint);
}
