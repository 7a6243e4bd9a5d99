using System.Collections.ObjectModel;
using System.Reflection;
using System.Runtime.InteropServices;

namespace AcsTeamsAdmin.HelpBuilder.Cmdlets;

/// <summary>A cmdlet as its compiled metadata declares it.</summary>
internal sealed record CmdletDefinition(
    Type Type,
    string Verb,
    string Noun,
    bool SupportsShouldProcess,
    int? ExplicitConfirmImpact,
    IReadOnlyList<Type> OutputTypes,
    IReadOnlyList<string> OutputTypeNames,
    IReadOnlyList<PropertyInfo> Parameters)
{
    public string Name => $"{Verb}-{Noun}";

    public override string ToString() => $"{Name} ({Type.FullName})";
}

/// <summary>
/// The cmdlets in the shipped bin/AcsTeamsAdmin.dll, read with a MetadataLoadContext: nothing is
/// executed and nothing is loaded into the reading process, so no PowerShell is needed, only the
/// System.Management.Automation reference assembly from PowerShellStandard.Library. The build reads
/// them for acsteams' command table, the tests for the module's metadata rules.
/// </summary>
internal sealed class CompiledCmdlets : IDisposable
{
    public const string CmdletAssemblyFileName = "AcsTeamsAdmin.dll";
    private const string Sma = "System.Management.Automation";

    private static readonly string[] VerbClasses =
        ["VerbsCommon", "VerbsData", "VerbsLifecycle", "VerbsDiagnostic", "VerbsCommunications", "VerbsSecurity", "VerbsOther"];

    private readonly MetadataLoadContext _context;

    private CompiledCmdlets(MetadataLoadContext context, Assembly cmdletAssembly, Assembly sma, IReadOnlySet<string> dependencyAssemblyNames)
    {
        _context = context;
        CmdletAssembly = cmdletAssembly;
        DependencyAssemblyNames = dependencyAssemblyNames;

        ApprovedVerbs = VerbClasses
            .Select(name => sma.GetType($"{Sma}.{name}", throwOnError: true)!)
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(field => field.IsLiteral && field.FieldType.FullName == "System.String")
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        Type cmdletBase = sma.GetType($"{Sma}.Cmdlet", throwOnError: true)!;
        Cmdlets = cmdletAssembly.GetExportedTypes()
            .Where(type => type.IsClass && !type.IsAbstract && type.IsSubclassOf(cmdletBase))
            .Select(Describe)
            .OfType<CmdletDefinition>()
            .OrderBy(cmdlet => cmdlet.Name, StringComparer.OrdinalIgnoreCase)
            .ToArray();
    }

    public Assembly CmdletAssembly { get; }

    public IReadOnlyList<CmdletDefinition> Cmdlets { get; }

    /// <summary>The verbs System.Management.Automation declares as approved (Get-Verb's list).</summary>
    public IReadOnlySet<string> ApprovedVerbs { get; }

    /// <summary>Simple names of the third-party assemblies the module ships in bin/ (everything but AcsTeamsAdmin*).</summary>
    public IReadOnlySet<string> DependencyAssemblyNames { get; }

    public static CompiledCmdlets Load(string binFolder, string smaReference)
    {
        string[] shipped = Directory.GetFiles(binFolder, "*.dll");
        string runtime = RuntimeEnvironment.GetRuntimeDirectory();
        // Where bin/ and the runtime both have an assembly (System.Text.Json), the resolver takes the higher version.
        var resolver = new PathAssemblyResolver(shipped
            .Append(smaReference)
            .Concat(Directory.GetFiles(runtime, "*.dll")));
        var context = new MetadataLoadContext(resolver);
        try
        {
            Assembly cmdlets = context.LoadFromAssemblyPath(Path.Combine(binFolder, CmdletAssemblyFileName));
            Assembly sma = context.LoadFromAssemblyPath(smaReference);
            var dependencies = shipped
                .Select(path => AssemblyName.GetAssemblyName(path).Name!)
                .Where(name => !IsOwnAssembly(name))
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            return new CompiledCmdlets(context, cmdlets, sma, dependencies);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    public static bool IsOwnAssembly(string name) =>
        name.Equals("AcsTeamsAdmin", StringComparison.OrdinalIgnoreCase) || name.StartsWith("AcsTeamsAdmin.", StringComparison.OrdinalIgnoreCase);

    public void Dispose() => _context.Dispose();

    private static CmdletDefinition? Describe(Type type)
    {
        CustomAttributeData? cmdlet = Attribute(type.GetCustomAttributesData(), "CmdletAttribute");
        if (cmdlet is null)
        {
            return null;
        }

        var outputTypes = new List<Type>();
        var outputTypeNames = new List<string>();
        foreach (CustomAttributeData outputType in type.GetCustomAttributesData().Where(a => a.AttributeType.FullName == $"{Sma}.OutputTypeAttribute"))
        {
            foreach (CustomAttributeTypedArgument argument in outputType.ConstructorArguments.SelectMany(Flatten))
            {
                if (argument.Value is Type declared)
                {
                    outputTypes.Add(declared);
                }
                else if (argument.Value is string name)
                {
                    outputTypeNames.Add(name);
                }
            }
        }

        PropertyInfo[] parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => Attribute(property.GetCustomAttributesData(), "ParameterAttribute") is not null)
            .ToArray();

        return new CmdletDefinition(
            type,
            (string)cmdlet.ConstructorArguments[0].Value!,
            (string)cmdlet.ConstructorArguments[1].Value!,
            Named(cmdlet, "SupportsShouldProcess") is true,
            Named(cmdlet, "ConfirmImpact") is int impact ? impact : null,
            outputTypes,
            outputTypeNames,
            parameters);
    }

    private static CustomAttributeData? Attribute(IEnumerable<CustomAttributeData> attributes, string name) =>
        attributes.FirstOrDefault(a => a.AttributeType.FullName == $"{Sma}.{name}");

    private static object? Named(CustomAttributeData attribute, string name) =>
        attribute.NamedArguments.Where(a => a.MemberName == name).Select(a => a.TypedValue.Value).FirstOrDefault();

    // [OutputType(typeof(A), typeof(B))] arrives as one argument holding an array of arguments.
    private static IEnumerable<CustomAttributeTypedArgument> Flatten(CustomAttributeTypedArgument argument) =>
        argument.Value is ReadOnlyCollection<CustomAttributeTypedArgument> items ? items : [argument];
}
