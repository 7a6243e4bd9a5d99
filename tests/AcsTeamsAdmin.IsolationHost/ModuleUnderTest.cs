using System.Reflection;
using System.Runtime.Loader;

namespace AcsTeamsAdmin.IsolationHost;

/// <summary>Loads the module the way AcsTeamsAdmin.psm1 does: the loader into the default context, then Initialize().</summary>
internal static class ModuleUnderTest
{
    private const string LoaderFileName = "AcsTeamsAdmin.Loader.dll";
    private const string LoaderTypeName = "AcsTeamsAdmin.Loader.ModuleLoader";

    /// <summary>
    /// Calls Initialize from several threads at once (runspaces importing in parallel), then once
    /// more (a re-import): every call must hand back the same cmdlet assembly.
    /// </summary>
    public static (Assembly CmdletAssembly, bool EveryCallReturnedTheSameAssembly) Load(string moduleFolder)
    {
        Assembly loader = AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.Combine(moduleFolder, "bin", LoaderFileName));
        MethodInfo initialize = loader.GetType(LoaderTypeName, throwOnError: true)!.GetMethod("Initialize", BindingFlags.Public | BindingFlags.Static)!;

        Assembly[] concurrent = Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => (Assembly)initialize.Invoke(null, null)!))).GetAwaiter().GetResult();
        var again = (Assembly)initialize.Invoke(null, null)!;

        bool same = concurrent.All(a => ReferenceEquals(a, again));
        return (again, same);
    }
}
