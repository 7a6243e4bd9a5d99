using System.Reflection;
using System.Runtime.Loader;

namespace AcsTeamsAdmin.IsolationHost;

/// <summary>
/// Plays the module imported before ours: loads OLDER Azure.Core and MSAL into the default load
/// context and uses a type from each, so they are really loaded when our module arrives.
/// </summary>
internal static class OlderDependencies
{
    public static void LoadIntoDefaultContext()
    {
        var stamp = (OlderPackagesAttribute)Attribute.GetCustomAttribute(typeof(OlderDependencies).Assembly, typeof(OlderPackagesAttribute))!;

        Assembly azureCore = LoadPackageAssembly(stamp.PackageRoot, "azure.core", stamp.AzureCoreVersion, "Azure.Core.dll");
        Type accessToken = azureCore.GetType("Azure.Core.AccessToken", throwOnError: true)!;
        _ = Activator.CreateInstance(accessToken, "older-token", DateTimeOffset.UtcNow.AddHours(1));

        Assembly msal = LoadPackageAssembly(stamp.PackageRoot, "microsoft.identity.client", stamp.MsalVersion, "Microsoft.Identity.Client.dll");
        Type clientException = msal.GetType("Microsoft.Identity.Client.MsalClientException", throwOnError: true)!;
        _ = Activator.CreateInstance(clientException, "older_msal", "loaded by the isolation host");
    }

    private static Assembly LoadPackageAssembly(string packageRoot, string packageId, string version, string fileName)
    {
        string path = Path.Combine(packageRoot, packageId, version, "lib", "net6.0", fileName);
        return AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
    }
}
