using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using AcsTeamsAdmin.IsolationHost;

// Usage: AcsTeamsAdmin.IsolationHost <module folder> [--assembly|--default-assembly|--native <name>]...
//   --assembly          resolve the name through the module's load context
//   --default-assembly  resolve the name through the default load context
//   --native            load the native library as a [DllImport] in the cmdlet assembly would
// Prints a LoadReport as JSON on stdout. Exit code 0 when it could report, 2 on bad arguments.
if (args.Length == 0 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: AcsTeamsAdmin.IsolationHost <module folder> [--assembly|--default-assembly|--native <name>]...");
    return 2;
}

string moduleFolder = Path.GetFullPath(args[0]);
var assemblyProbes = new List<string>();
var defaultAssemblyProbes = new List<string>();
var nativeProbes = new List<string>();
for (int i = 1; i + 1 < args.Length; i += 2)
{
    (args[i] switch
    {
        "--assembly" => assemblyProbes,
        "--default-assembly" => defaultAssemblyProbes,
        "--native" => nativeProbes,
        _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
    }).Add(args[i + 1]);
}

// 1. Another module got there first: older Azure.Core and MSAL in the default context.
OlderDependencies.LoadIntoDefaultContext();

// 2. Our module, through its loader.
(Assembly cmdletAssembly, bool sameAssembly) = ModuleUnderTest.Load(moduleFolder);
AssemblyLoadContext moduleContext = AssemblyLoadContext.GetLoadContext(cmdletAssembly)!;

// 3. Real engine work inside the module's context.
EngineCallResult engineCall = await EngineCall.ConnectToSandboxAsync(cmdletAssembly).ConfigureAwait(false);

// 4. Whatever the test asked to resolve by name through the module's context.
var probes = assemblyProbes.Select(name => ProbeResult.ForAssembly(moduleContext, name))
    .Concat(defaultAssemblyProbes.Select(name => ProbeResult.ForAssembly(AssemblyLoadContext.Default, name)))
    .Concat(nativeProbes.Select(name => ProbeResult.ForNativeLibrary(cmdletAssembly, name)))
    .ToArray();

var report = new LoadReport(moduleContext.Name, sameAssembly, engineCall, probes, LoadReport.Snapshot());
Console.WriteLine(JsonSerializer.Serialize(report));
return 0;
