namespace AcsTeamsAdmin.Benchmarks;

/// <summary>One Graph PowerShell cmdlet call and the HTTP request it makes.</summary>
internal sealed record GraphPowerShellCall(string Cmdlet, string Request, bool IsWrite = false, bool IsToken = false);

/// <summary>
/// The same jobs done with the Microsoft Graph PowerShell SDK (Microsoft.Graph.Applications and
/// Microsoft.Graph.Identity.SignIns), written from their docs. Each cmdlet is one HTTP request: a
/// Get-Mg... -Filter returns the first page (the server's default page size, 100), enough for a filter
/// on appId or clientId+resourceId, and follows @odata.nextLink only with -All; none of them batches.
/// Each call needs the previous one's answer (the grant filter needs both service principals' object
/// ids), so they run one after another. Connect-MgGraph with an app credential makes one token request
/// and no Graph call.
/// </summary>
internal static class GraphPowerShellSequence
{
    private const string Acs = "1fd5118e-2576-4263-8130-9503064c837a";

    public static IReadOnlyList<GraphPowerShellCall> Readiness(int apps)
    {
        var calls = new List<GraphPowerShellCall>
        {
            Connect(),
            new($"Get-MgServicePrincipal -Filter \"appId eq '{Acs}'\" -Property id,appId,oauth2PermissionScopes", "GET /servicePrincipals?$filter=appId eq '...'"),
        };
        for (var i = 0; i < apps; i++)
        {
            calls.AddRange(AppReads());
        }

        return calls;
    }

    /// <summary>Initialize-AcsTeams for one app in a customer tenant: create what is missing, then the readiness reads.</summary>
    public static IReadOnlyList<GraphPowerShellCall> Setup(bool empty)
    {
        var calls = new List<GraphPowerShellCall>
        {
            Connect(),
            new($"Get-MgServicePrincipal -Filter \"appId eq '{Acs}'\"", "GET /servicePrincipals?$filter=appId eq '...'"),
        };
        if (empty)
        {
            calls.Add(new($"New-MgServicePrincipal -AppId {Acs}", "POST /servicePrincipals", IsWrite: true));
        }

        calls.Add(new("Get-MgApplication -Filter \"appId eq '<app>'\"", "GET /applications?$filter=appId eq '...' (none here: the app lives in the ISV's tenant)"));
        calls.Add(new("Get-MgServicePrincipal -Filter \"appId eq '<app>'\"", "GET /servicePrincipals?$filter=appId eq '...'"));
        if (empty)
        {
            calls.Add(new("New-MgServicePrincipal -AppId <app>", "POST /servicePrincipals", IsWrite: true));
        }

        calls.Add(new("Get-MgOauth2PermissionGrant -Filter \"clientId eq '<sp>' and resourceId eq '<acs sp>'\"", "GET /oauth2PermissionGrants?$filter=..."));
        if (empty)
        {
            calls.Add(new("New-MgOauth2PermissionGrant -ClientId <sp> -ConsentType AllPrincipals -ResourceId <acs sp> -Scope '...'", "POST /oauth2PermissionGrants", IsWrite: true));
        }

        // The report afterwards: the same reads again, as a script that checks its own work must make.
        calls.AddRange(Readiness(1).Where(call => !call.IsToken));
        return calls;
    }

    private static GraphPowerShellCall Connect() =>
        new("Connect-MgGraph -TenantId <t> -ClientId <c> -CertificateThumbprint <x>", "POST /{tenant}/oauth2/v2.0/token", IsToken: true);

    private static IEnumerable<GraphPowerShellCall> AppReads()
    {
        yield return new("Get-MgApplication -Filter \"appId eq '<app>'\"", "GET /applications?$filter=appId eq '...'");
        yield return new("Get-MgServicePrincipal -Filter \"appId eq '<app>'\"", "GET /servicePrincipals?$filter=appId eq '...'");
        yield return new("Get-MgOauth2PermissionGrant -Filter \"clientId eq '<sp>' and resourceId eq '<acs sp>'\"", "GET /oauth2PermissionGrants?$filter=...");
    }
}
