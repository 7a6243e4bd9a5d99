using System.Reflection;

namespace AcsTeamsAdmin.Tests.PowerShellModule;

/// <summary>How a parameter binds in one parameter set, from its [Parameter] attribute.</summary>
internal sealed record ParameterBinding(string SetName, bool Mandatory, int? Position, bool ByValue, bool ByPropertyName)
{
    /// <summary>As platyPS writes it: "True (ByPropertyName, ByValue)", "True (ByValue)", "True (ByPropertyName)" or "False".</summary>
    public string PipelineInput => (ByPropertyName, ByValue) switch
    {
        (true, true) => "True (ByPropertyName, ByValue)",
        (true, false) => "True (ByPropertyName)",
        (false, true) => "True (ByValue)",
        _ => "False",
    };

    public string PositionText => Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "Named";
}

/// <summary>
/// The binding metadata of compiled cmdlet parameters, read from attribute data (nothing runs):
/// parameter sets, mandatory, position, pipeline input, aliases and wildcard support.
/// </summary>
internal static class CompiledParameters
{
    /// <summary>PowerShell's name for "every parameter set".</summary>
    public const string AllSets = "__AllParameterSets";

    private const string Sma = "System.Management.Automation";

    public static IReadOnlyList<ParameterBinding> Bindings(PropertyInfo parameter) =>
        Attributes(parameter, "ParameterAttribute").Select(attribute => new ParameterBinding(
            Named(attribute, "ParameterSetName") as string ?? AllSets,
            Named(attribute, "Mandatory") is true,
            Named(attribute, "Position") is int position && position >= 0 ? position : null,
            Named(attribute, "ValueFromPipeline") is true,
            Named(attribute, "ValueFromPipelineByPropertyName") is true)).ToArray();

    public static IReadOnlyList<string> Aliases(PropertyInfo parameter) =>
        Attributes(parameter, "AliasAttribute")
            .SelectMany(attribute => attribute.ConstructorArguments)
            .SelectMany(argument => argument.Value is IEnumerable<CustomAttributeTypedArgument> items ? items.Select(item => (string)item.Value!) : [(string)argument.Value!])
            .ToArray();

    public static bool SupportsWildcards(PropertyInfo parameter) => Attributes(parameter, "SupportsWildcardsAttribute").Any();

    /// <summary>The argument completer types registered with [ArgumentCompleter(typeof(...))].</summary>
    public static IReadOnlyList<Type> Completers(PropertyInfo parameter) =>
        Attributes(parameter, "ArgumentCompleterAttribute")
            .SelectMany(attribute => attribute.ConstructorArguments)
            .Select(argument => argument.Value)
            .OfType<Type>()
            .ToArray();

    /// <summary>The cmdlet's named parameter sets; empty when every parameter is in all sets.</summary>
    public static IReadOnlyList<string> NamedSets(CmdletDefinition cmdlet) =>
        cmdlet.Parameters.SelectMany(Bindings).Select(binding => binding.SetName).Where(set => set != AllSets)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();

    /// <summary>[Cmdlet(DefaultParameterSetName = ...)], or null.</summary>
    public static string? DefaultSet(CmdletDefinition cmdlet)
    {
        ArgumentNullException.ThrowIfNull(cmdlet);
        CustomAttributeData attribute = cmdlet.Type.GetCustomAttributesData().Single(a => a.AttributeType.FullName == $"{Sma}.CmdletAttribute");
        return Named(attribute, "DefaultParameterSetName") as string;
    }

    /// <summary>How <paramref name="parameter"/> binds in <paramref name="setName"/>, or null when it is not in that set.</summary>
    public static ParameterBinding? InSet(PropertyInfo parameter, string setName)
    {
        IReadOnlyList<ParameterBinding> bindings = Bindings(parameter);
        return bindings.FirstOrDefault(b => string.Equals(b.SetName, setName, StringComparison.OrdinalIgnoreCase))
            ?? bindings.FirstOrDefault(b => b.SetName == AllSets);
    }

    /// <summary>The type name platyPS writes: the short name, a nullable's underlying type, arrays with [].</summary>
    public static string TypeName(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1")
        {
            return TypeName(type.GetGenericArguments()[0]);
        }

        return type.IsArray ? TypeName(type.GetElementType()!) + "[]" : type.Name;
    }

    private static IEnumerable<CustomAttributeData> Attributes(PropertyInfo parameter, string name) =>
        parameter.GetCustomAttributesData().Where(a => a.AttributeType.FullName == $"{Sma}.{name}");

    private static object? Named(CustomAttributeData attribute, string name) =>
        attribute.NamedArguments.Where(a => a.MemberName == name).Select(a => a.TypedValue.Value).FirstOrDefault();
}
