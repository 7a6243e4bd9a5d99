namespace AcsTeamsAdmin.IsolationHost;

/// <summary>Where the older Azure.Core and MSAL packages were downloaded, stamped in at build time.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
internal sealed class OlderPackagesAttribute(string packageRoot, string azureCoreVersion, string msalVersion) : Attribute
{
    public string PackageRoot { get; } = packageRoot;

    public string AzureCoreVersion { get; } = azureCoreVersion;

    public string MsalVersion { get; } = msalVersion;
}
