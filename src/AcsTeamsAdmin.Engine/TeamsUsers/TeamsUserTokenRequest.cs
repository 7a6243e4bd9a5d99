using AcsTeamsAdmin.Engine.Connections;
using AcsTeamsAdmin.Engine.Failures;
using AcsTeamsAdmin.Engine.Identifiers;
using AcsTeamsAdmin.Engine.Validation;

namespace AcsTeamsAdmin.Engine.TeamsUsers;

/// <summary>
/// A parsed request for a Teams user's Entra token for ACS: the app (a public client with the ACS Teams
/// permissions), the tenant to sign in to, how, and optionally which cached account.
/// </summary>
public sealed record TeamsUserTokenRequest
{
    private TeamsUserTokenRequest(
        AppId clientId,
        string tenant,
        Uri authorityHost,
        bool customAuthority,
        TeamsUserSignInMode mode,
        string? account,
        bool sandbox)
    {
        Sandbox = sandbox;
        ClientId = clientId;
        Tenant = tenant;
        AuthorityHost = authorityHost;
        CustomAuthority = customAuthority;
        Mode = mode;
        Account = account;
    }

    public AppId ClientId { get; }

    /// <summary>A tenant GUID or domain, or "organizations" (any work account).</summary>
    public string Tenant { get; }

    public Uri AuthorityHost { get; }

    /// <summary>True when the authority is not the cloud's own (a sandbox): MSAL must not ask Microsoft to vouch for it.</summary>
    public bool CustomAuthority { get; }

    public TeamsUserSignInMode Mode { get; }

    /// <summary>The user to reuse from MSAL's cache (and the login hint); null means the last one used.</summary>
    public string? Account { get; }

    /// <summary>True when the sign-in goes to the session's in-process sandbox (its browser step is answered in process).</summary>
    public bool Sandbox { get; }

    /// <summary>
    /// Checks every value before anything signs in. After Connect-AcsTeamsAdmin -Sandbox (and no -AuthorityHost)
    /// the user signs in to the session's sandbox: nothing leaves the machine.
    /// </summary>
    public static TeamsUserTokenRequest Parse(
        string? clientId,
        string? tenantId,
        bool useDeviceCode,
        string? account,
        string? authorityHost,
        AcsTeamsAdminConnection? session)
    {
        var sandbox = authorityHost is null ? session?.Sandbox : null;
        var parsed = Parse(
            clientId,
            tenantId,
            useDeviceCode,
            account,
            sandbox is not null ? sandbox.BaseAddress.AbsoluteUri : authorityHost,
            session?.Info.Environment ?? CloudEnvironment.Global);
        return sandbox is not null
            ? new TeamsUserTokenRequest(parsed.ClientId, parsed.Tenant, parsed.AuthorityHost, true, parsed.Mode, parsed.Account, true)
            : parsed;
    }

    /// <summary>Checks every value before anything signs in.</summary>
    public static TeamsUserTokenRequest Parse(
        string? clientId,
        string? tenantId,
        bool useDeviceCode,
        string? account,
        string? authorityHost,
        CloudEnvironment environment = CloudEnvironment.Global)
    {
        var app = AppId.Parse(clientId, "ClientId");
        var tenant = tenantId is null ? "organizations" : InputParser.ParseTenant("TenantId", tenantId, allowMultiTenantAliases: true);
        var cloud = CloudEndpoints.For(environment).LoginHost;
        var authority = authorityHost is null ? cloud : InputParser.ParseUrl("AuthorityHost", authorityHost);
        var user = ParseAccount(account);
        return new TeamsUserTokenRequest(
            app,
            tenant,
            authority,
            authority != cloud,
            useDeviceCode ? TeamsUserSignInMode.DeviceCode : TeamsUserSignInMode.Interactive,
            user,
            false);
    }

    /// <summary>Checks the values that are the same for every app and tenant of a call: the account and the authority host.</summary>
    public static void CheckSharedValues(string? account, string? authorityHost)
    {
        _ = ParseAccount(account);
        _ = authorityHost is null ? null : InputParser.ParseUrl("AuthorityHost", authorityHost);
    }

    private static string? ParseAccount(string? account)
    {
        var user = account?.Trim();
        if (user is { Length: 0 } || (user is not null && (!user.Contains('@', StringComparison.Ordinal) || user.Any(char.IsWhiteSpace))))
        {
            throw AcsTeamsAdminException.InvalidInput("Account", account, $"'{InputParser.Shorten(account ?? "")}' is not a user principal name.",
                "Pass the Teams user's sign-in name, such as adele@fabrikam.onmicrosoft.com.");
        }

        return user;
    }
}
