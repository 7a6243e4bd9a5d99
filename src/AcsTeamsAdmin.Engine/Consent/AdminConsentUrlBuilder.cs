using System.Text;
using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.Operations;
using AcsTeamsAdmin.Engine.ServicePrincipals;
using AcsTeamsAdmin.Engine.Validation;

namespace AcsTeamsAdmin.Engine.Consent;

/// <summary>
/// Builds admin consent links offline: no sign-in, no network. v1
/// (https://{login}/{tenant}/adminconsent?client_id=..[&amp;state=..][&amp;redirect_uri=..]) consents to
/// every permission the app registration lists; v2 (https://{login}/{tenant}/v2.0/adminconsent?client_id=..
/// &amp;scope=..&amp;redirect_uri=..[&amp;state=..]) to the scopes in the link, and needs a redirect URI.
/// </summary>
public static class AdminConsentUrlBuilder
{
    /// <summary>
    /// One tenant's link of several: a failure is that tenant's (a bad tenant name, a CSV row's bad redirect URI), and
    /// its message names the tenant ("-RedirectUri (tenant 'x'): ..."), so the user knows which row to fix.
    /// </summary>
    public static AdminConsentUrl BuildForTenant(AdminConsentUrlRequest template, string tenant, IOperationLog log)
    {
        ArgumentNullException.ThrowIfNull(template);
        try
        {
            return Build(template with { TenantId = tenant }, log);
        }
        catch (AcsTeamsAdminException error) when (error.ParameterName is { } name && name != "TenantId"
            && error.Message.StartsWith(AcsTeamsAdminException.Parameter(name), StringComparison.Ordinal))
        {
            var prefix = AcsTeamsAdminException.Parameter(name);
            throw new AcsTeamsAdminException(error.ErrorId, error.Category, $"{prefix[..^1]} (tenant '{tenant}'):{error.Message[prefix.Length..]}",
                error.RecommendedAction, error.Target, error)
            {
                ParameterName = error.ParameterName,
            };
        }
    }

    /// <summary>Parses the request (every failure names its parameter) and builds the link.</summary>
    /// <param name="request">What the user typed.</param>
    /// <param name="log">Where the warning about government clouds goes.</param>
    public static AdminConsentUrl Build(AdminConsentUrlRequest request, IOperationLog log)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(log);
        var version = request.V2 || request.Scope is not null ? AdminConsentUrlVersion.V2 : AdminConsentUrlVersion.V1;

        // v1 may leave the tenant to the administrator's sign-in ('common', 'organizations'); v2 takes
        // 'organizations' but not 'common', because a personal account cannot consent for a tenant.
        var tenant = InputParser.ParseTenant("TenantId", request.TenantId, allowMultiTenantAliases: true);
        if (version == AdminConsentUrlVersion.V2 && tenant == "common")
        {
            throw AcsTeamsAdminException.InvalidInput("TenantId", request.TenantId, "'common' cannot be used with the v2 consent endpoint.",
                "Pass the customer's tenant id or verified domain (best), or 'organizations'; or build the v1 link (leave out -Scope and -V2).",
                ErrorIds.InvalidTenant);
        }

        var clientId = AppId.Parse(request.ClientId, "ClientId");
        var redirect = request.RedirectUri is null ? null : InputParser.ParseUrl("RedirectUri", request.RedirectUri, baseOnly: false);
        if (version == AdminConsentUrlVersion.V2 && redirect is null)
        {
            throw AcsTeamsAdminException.InvalidInput("RedirectUri", null, "is required for the v2 consent endpoint.",
                "Pass one of the app registration's redirect URIs (Authentication page), such as https://app.contoso.com/consent/done; " +
                "or build the v1 link (leave out -Scope and -V2).",
                ErrorIds.MissingParameter);
        }

        var scopes = version == AdminConsentUrlVersion.V2
            ? AcsScope.Parse(request.Scope).Select(scope => scope.Uri).ToArray()
            : [];
        var state = string.IsNullOrEmpty(request.State) ? null : request.State;

        var cloud = CloudEndpoints.For(request.Environment);
        if (cloud.IsGovernment)
        {
            log.Warning($"Azure Communication Services interoperability with Teams is not offered in Microsoft 365 government clouds ({cloud.Environment}); " +
                "the link works, but ACS users may not be able to join this tenant's Teams meetings.");
        }

        var url = new StringBuilder(cloud.LoginHost.GetLeftPart(UriPartial.Authority))
            .Append('/').Append(tenant)
            .Append(version == AdminConsentUrlVersion.V2 ? "/v2.0/adminconsent" : "/adminconsent")
            .Append("?client_id=").Append(clientId.ToString());
        if (version == AdminConsentUrlVersion.V2)
        {
            Append(url, "scope", string.Join(' ', scopes));
            Append(url, "redirect_uri", redirect!.OriginalString);
            Append(url, "state", state);
        }
        else
        {
            Append(url, "state", state);
            Append(url, "redirect_uri", redirect?.OriginalString);
        }

        return new AdminConsentUrl
        {
            TenantId = tenant,
            ClientId = clientId.ToString(),
            Version = version,
            Url = url.ToString(),
            RedirectUri = redirect?.OriginalString,
            State = state,
            Scopes = scopes,
            Environment = request.Environment,
        };
    }

    // RFC 3986 percent-encoding (a space is %20, never '+'): Entra reads both, and %20 survives
    // copy/paste into mail clients and chat tools that mangle '+'.
    private static void Append(StringBuilder url, string name, string? value)
    {
        if (value is not null)
        {
            url.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
    }
}
