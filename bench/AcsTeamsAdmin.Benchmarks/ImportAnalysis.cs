using System.Reflection;
using System.Runtime.InteropServices;

namespace AcsTeamsAdmin.Benchmarks;

/// <summary>
/// Which assemblies PowerShell's Import-Module -Assembly would have to load beyond Initialize(), read from
/// metadata (no PowerShell here). The import enumerates the exported types and reads their [Cmdlet]
/// attribute, which loads each type's base classes and interfaces, but runs no type initializer and builds
/// no parameter metadata; parameter types load when a cmdlet is first bound (or completed, or
/// Get-Command -Syntax), static fields' types when a cmdlet class is first used.
/// </summary>
internal static class ImportAnalysis
{
    public static ImportNeeds Analyse(string moduleFolder)
    {
        var bin = Path.Combine(moduleFolder, "bin");
        var resolver = new PathAssemblyResolver(Directory.GetFiles(bin, "*.dll")
            .Append(BenchPaths.SmaReference)
            .Concat(Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")));
        using var context = new MetadataLoadContext(resolver);
        var cmdlets = context.LoadFromAssemblyPath(Path.Combine(bin, "AcsTeamsAdmin.dll"));
        var exported = cmdlets.GetExportedTypes();
        var shape = new SortedSet<string>(StringComparer.Ordinal);
        var parameters = new SortedSet<string>(StringComparer.Ordinal);
        var statics = new SortedSet<string>(StringComparer.Ordinal);
        var parameterTypes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in exported)
        {
            for (var t = type.BaseType; t is not null; t = t.BaseType)
            {
                AddAll(shape, t);
            }

            foreach (var contract in type.GetInterfaces())
            {
                AddAll(shape, contract);
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CustomAttributes.Any(a => a.AttributeType.Name == "ParameterAttribute")))
            {
                AddAll(parameters, property.PropertyType);
                var bare = property.PropertyType.HasElementType ? property.PropertyType.GetElementType()! : property.PropertyType;
                if (bare.Assembly.GetName().Name!.StartsWith("AcsTeamsAdmin", StringComparison.Ordinal))
                {
                    parameterTypes.Add($"{bare.Assembly.GetName().Name}|{bare.FullName}");
                }
            }

            foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            {
                AddAll(statics, field.FieldType);
            }
        }

        return new ImportNeeds(exported.Length, Ours(shape), Ours(parameters), Ours(statics)) { OwnParameterTypes = [.. parameterTypes] };
    }

    /// <summary>Leaves out what every PowerShell process has loaded anyway: the runtime and System.Management.Automation.</summary>
    private static string[] Ours(IEnumerable<string> names) =>
        names.Where(name => !name.StartsWith("System.", StringComparison.Ordinal) && name is not ("System" or "netstandard" or "mscorlib" or "AcsTeamsAdmin")
            || name.StartsWith("System.IdentityModel", StringComparison.Ordinal))
            .Where(name => name != "System.Management.Automation")
            .ToArray();

    private static void AddAll(ISet<string> into, Type type)
    {
        if (type.HasElementType)
        {
            AddAll(into, type.GetElementType()!);
            return;
        }

        into.Add(type.Assembly.GetName().Name!);
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                AddAll(into, argument);
            }
        }
    }
}

internal sealed record ImportNeeds(int ExportedTypes, IReadOnlyList<string> ToEnumerateCmdlets, IReadOnlyList<string> ForParameterTypes, IReadOnlyList<string> ForStaticFields)
{
    /// <summary>"Assembly|Full.Type.Name" of every cmdlet parameter type the module itself defines.</summary>
    public IReadOnlyList<string> OwnParameterTypes { get; init; } = [];
}
