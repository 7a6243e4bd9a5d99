namespace AcsTeamsAdmin.Engine.Connections;

/// <summary>Where a cloud's sign-in and Graph live.</summary>
/// <param name="Environment">The cloud.</param>
/// <param name="LoginHost">Entra ID's authority host, e.g. https://login.microsoftonline.com/.</param>
/// <param name="GraphEndpoint">Graph's v1.0 base URL.</param>
/// <param name="IsGovernment">True for the US government clouds, where ACS Teams interop is not offered.</param>
public sealed record CloudEndpoints(CloudEnvironment Environment, Uri LoginHost, Uri GraphEndpoint, bool IsGovernment)
{
    /// <summary>The Graph resource (scheme and host), the base of every Graph scope.</summary>
    public string GraphResource => GraphEndpoint.GetLeftPart(UriPartial.Authority);

    /// <summary>Azure Resource Manager's endpoint in this cloud (where the ACS resource itself is read).</summary>
    public Uri ResourceManager => Environment switch
    {
        CloudEnvironment.USGov or CloudEnvironment.USGovDoD => new("https://management.usgovcloudapi.net/"),
        CloudEnvironment.China => new("https://management.chinacloudapi.cn/"),
        _ => new("https://management.azure.com/"),
    };

    /// <summary>The scope of a token for Azure Resource Manager, e.g. https://management.azure.com/.default.</summary>
    public string ResourceManagerScope => ResourceManager.AbsoluteUri.TrimEnd('/') + "/.default";

    public static CloudEndpoints For(CloudEnvironment environment) => environment switch
    {
        CloudEnvironment.Global => new(environment, new("https://login.microsoftonline.com/"), new("https://graph.microsoft.com/v1.0"), false),
        CloudEnvironment.USGov => new(environment, new("https://login.microsoftonline.us/"), new("https://graph.microsoft.us/v1.0"), true),
        CloudEnvironment.USGovDoD => new(environment, new("https://login.microsoftonline.us/"), new("https://dod-graph.microsoft.us/v1.0"), true),
        CloudEnvironment.China => new(environment, new("https://login.chinacloudapi.cn/"), new("https://microsoftgraph.chinacloudapi.cn/v1.0"), false),
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "Unknown cloud."),
    };
}
