using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace AcsTeamsAdmin.IsolationHost;

/// <summary>The outcome of asking the module's context for one assembly or native library by name.</summary>
internal sealed record ProbeResult(string Kind, string Name, bool Loaded, string? Location, string? Context, string? Error)
{
    /// <summary>
    /// Resolves an assembly by name through a load context: the module's, as a dependency of the
    /// cmdlets would be, or the default one, as a PowerShell class or Add-Type code would be.
    /// </summary>
    public static ProbeResult ForAssembly(AssemblyLoadContext context, string name)
    {
        string kind = $"assembly via {context.Name}";
        try
        {
            Assembly assembly = context.LoadFromAssemblyName(new AssemblyName(name));
            return new ProbeResult(kind, name, true, assembly.Location, AssemblyLoadContext.GetLoadContext(assembly)?.Name, null);
        }
        catch (Exception exception) when (exception is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return new ProbeResult(kind, name, false, null, null, exception.Message);
        }
    }

    /// <summary>
    /// Resolves a native library the way a [DllImport] in the cmdlet assembly would: NativeLibrary.Load
    /// with an assembly asks that assembly's load context (LoadUnmanagedDll) first.
    /// </summary>
    public static ProbeResult ForNativeLibrary(Assembly cmdletAssembly, string name)
    {
        try
        {
            IntPtr handle = NativeLibrary.Load(name, cmdletAssembly, DllImportSearchPath.AssemblyDirectory);
            NativeLibrary.Free(handle);
            return new ProbeResult("native", name, true, null, null, null);
        }
        catch (DllNotFoundException exception)
        {
            return new ProbeResult("native", name, false, null, null, exception.Message);
        }
    }
}
