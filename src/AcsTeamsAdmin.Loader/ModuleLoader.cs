using System.Reflection;
using System.Runtime.Loader;

namespace AcsTeamsAdmin.Loader;

/// <summary>
/// The entry point AcsTeamsAdmin.psm1 calls. The loader assembly is the only part of the module
/// that lives in PowerShell's default load context; everything else (cmdlets, engine, Azure.Core,
/// Azure.Identity, MSAL, Microsoft.Graph, ...) is loaded into one <see cref="ModuleLoadContext"/>,
/// so other modules' copies of those libraries (Az.Accounts, Microsoft.Graph, ExchangeOnline) can
/// neither replace ours nor be replaced by ours.
/// </summary>
public static class ModuleLoader
{
    /// <summary>The name of the module's load context, as shown by AssemblyLoadContext.GetLoadContext(...).Name.</summary>
    public const string ContextName = "AcsTeamsAdmin";

    private const string CmdletAssemblyName = "AcsTeamsAdmin";

    // net8.0 has no System.Threading.Lock.
    private static readonly object Sync = new();
    private static Assembly? _cmdletAssembly;

    /// <summary>
    /// Creates the module's load context on first use and returns the cmdlet assembly loaded in it.
    /// Later calls (Import-Module -Force, Remove-Module then Import-Module, an import in another
    /// runspace) return the same assembly: a process holds one copy of the module's code, because a
    /// second context would give every type a second identity and a second set of static state.
    /// </summary>
    /// <returns>The cmdlet assembly, for <c>Import-Module -Assembly</c>.</returns>
    public static Assembly Initialize()
    {
        lock (Sync)
        {
            if (_cmdletAssembly is not null)
            {
                return _cmdletAssembly;
            }

            string binFolder = Path.GetDirectoryName(typeof(ModuleLoader).Assembly.Location)
                ?? throw new InvalidOperationException("The AcsTeamsAdmin loader must be loaded from a file in the module's bin folder.");

            var context = new ModuleLoadContext(ContextName, new ModuleFolder(binFolder));
            // Load before publishing anything: if this throws (a damaged install), the next import tries again.
            Assembly cmdletAssembly = context.LoadFromAssemblyName(new AssemblyName(CmdletAssemblyName));

            // The default context only ever reaches this handler after it failed to find an assembly
            // itself, so it cannot take anything away from other modules. It answers for the module's
            // own assemblies (AcsTeamsAdmin, AcsTeamsAdmin.Engine, ...), whose public types users see:
            // a PowerShell class, an Add-Type snippet or an assembly-qualified type name such as
            // [type]'AcsTeamsAdmin.Engine.X, AcsTeamsAdmin.Engine' is compiled or resolved in the default
            // context and would otherwise fail to load them, or load a second, incompatible copy. It does
            // NOT answer for Azure.Core, MSAL and other dependencies: handing ours to code in the default
            // context is exactly the cross-module leak this context exists to prevent.
            AssemblyLoadContext.Default.Resolving += context.ResolveOwnAssemblyForDefaultContext;

            _cmdletAssembly = cmdletAssembly;
            return cmdletAssembly;
        }
    }
}
