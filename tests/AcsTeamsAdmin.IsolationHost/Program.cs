using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using AcsTeamsAdmin.IsolationHost;

// Usage: AcsTeamsAdmin.IsolationHost <module folder> [--no-engine-call] [--assembly|--default-assembly|--native <name>]...
//   --no-engine-call    load the module but leave the engine alone (for probing-only runs)
//   --assembly          resolve the name through the module's load context
//   --default-assembly  resolve the name through the default load context
//   --native            load the native library as a [DllImport] in the cmdlet assembly would
// Prints a LoadReport as JSON on stdout. Exit code 0 when it could report, 2 on bad arguments.
if (args.Length == 0 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: AcsTeamsAdmin.IsolationHost <module folder> [--no-engine-call] [--assembly|--default-assembly|--native <name>]...");
    return 2;
}

string moduleFolder = Path.GetFullPath(args[0]);
bool callEngine = !args.Contains("--no-engine-call");
var assemblyProbes = new List<string>();
var defaultAssemblyProbes = new List<string>();
var nativeProbes = new List<string>();
string[] options = args.Skip(1).Where(a => a != "--no-engine-call").ToArray();
if (options.Length % 2 != 0)
{
    Console.Error.WriteLine($"'{options[^1]}' needs a name after it.");
    return 2;
}

for (int i = 0; i < options.Length; i += 2)
{
    (options[i] switch
    {
        "--assembly" => assemblyProbes,
        "--default-assembly" => defaultAssemblyProbes,
        "--native" => nativeProbes,
        _ => throw new ArgumentException($"Unknown option '{options[i]}'."),
    }).Add(options[i + 1]);
}

// 1. Another module got there first: older Azure.Core and MSAL in the default context.
OlderDependencies.LoadIntoDefaultContext();

// 2. Our module, through its loader.
(Assembly cmdletAssembly, bool sameAssembly) = ModuleUnderTest.Load(moduleFolder);
AssemblyLoadContext moduleContext = AssemblyLoadContext.GetLoadContext(cmdletAssembly)!;

// 3. Real engine work inside the module's context, then where everything landed.
EngineCallResult? engineCall = callEngine ? await EngineCall.ConnectToSandboxAsync(cmdletAssembly).ConfigureAwait(false) : null;
IReadOnlyList<LoadedAssembly> loaded = LoadReport.Snapshot();

// 4. Whatever the test asked to resolve by name (after the snapshot, so it does not blur what the engine loaded).
var probes = assemblyProbes.Select(name => ProbeResult.ForAssembly(moduleContext, name))
    .Concat(defaultAssemblyProbes.Select(name => ProbeResult.ForAssembly(AssemblyLoadContext.Default, name)))
    .Concat(nativeProbes.Select(name => ProbeResult.ForNativeLibrary(cmdletAssembly, name)))
    .ToArray();

var report = new LoadReport(moduleContext.Name, sameAssembly, engineCall, probes, loaded);
Console.WriteLine(JsonSerializer.Serialize(report));
return 0;
