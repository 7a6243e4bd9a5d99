using System.Reflection;
using System.Runtime.Loader;

namespace AcsTeamsAdmin.Loader;

/// <summary>
/// The module's assembly load context: everything the module ships in bin/ loads here; anything
/// it does not ship (the framework, System.Management.Automation) is left to the default context
/// by returning null, so the cmdlets derive from the very Cmdlet type the PowerShell host uses.
/// </summary>
internal sealed class ModuleLoadContext : AssemblyLoadContext
{
    // Assemblies whose types the module must share with its host even if a copy slipped into bin/:
    // a second System.Management.Automation would make the cmdlets invisible to PowerShell.
    private static readonly HashSet<string> HostAssemblies = new(StringComparer.OrdinalIgnoreCase)
    {
        "System.Management.Automation",
    };

    // The module's own assemblies are AcsTeamsAdmin and AcsTeamsAdmin.*.
    private const string ProductName = "AcsTeamsAdmin";

    private static readonly Assembly LoaderAssembly = typeof(ModuleLoadContext).Assembly;
    private static readonly string LoaderAssemblyName = LoaderAssembly.GetName().Name!;

    private readonly ModuleFolder _folder;

    public ModuleLoadContext(string name, ModuleFolder folder)
        : base(name, isCollectible: false)
    {
        // Not collectible: PowerShell cannot unload a binary module, and Remove-Module followed by
        // Import-Module must find the same types again (see ModuleLoader.Initialize).
        _folder = folder;
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (string.Equals(assemblyName.Name, LoaderAssemblyName, StringComparison.OrdinalIgnoreCase))
        {
            // bin/ holds the loader too; loading it again here would create a second ModuleLoader
            // with its own singleton. Whoever asks gets the one already in the default context.
            return LoaderAssembly;
        }

        if (assemblyName.Name is null || HostAssemblies.Contains(assemblyName.Name))
        {
            return null;
        }

        string? path = _folder.FindAssembly(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        string? path = _folder.FindNativeLibrary(unmanagedDllName);
        // IntPtr.Zero hands the search on to the runtime's default probing.
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

    /// <summary>
    /// Default.Resolving handler: resolves only the module's own assemblies (AcsTeamsAdmin and
    /// AcsTeamsAdmin.*) to the copies in this context, and only when ours satisfy the version asked for.
    /// </summary>
    public Assembly? ResolveOwnAssemblyForDefaultContext(AssemblyLoadContext defaultContext, AssemblyName assemblyName)
    {
        string? name = assemblyName.Name;
        bool isOwn = name is not null
            && (string.Equals(name, ProductName, StringComparison.OrdinalIgnoreCase)
                || name.StartsWith(ProductName + ".", StringComparison.OrdinalIgnoreCase));
        if (!isOwn || string.Equals(name, LoaderAssemblyName, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string? path = _folder.FindAssembly(assemblyName);
        if (path is null || AssemblyName.GetAssemblyName(path).Version < assemblyName.Version)
        {
            return null;
        }

        return LoadFromAssemblyName(assemblyName);
    }
}
