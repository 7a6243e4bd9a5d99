using System.Reflection;
using AcsTeamsAdmin.Engine.Presentation;

namespace AcsTeamsAdmin.Cli.Output;

/// <summary>
/// Which properties the readable output shows per type, in order: the type's [DefaultDisplay], the
/// same columns as the module's format file gives PowerShell. Types without it show every property.
/// </summary>
internal static class DisplayColumns
{
    public static IReadOnlyList<string> For(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.GetCustomAttribute<DefaultDisplayAttribute>()?.Properties
            ?? type.GetProperties().Where(property => property.GetIndexParameters().Length == 0).Select(property => property.Name).ToArray();
    }
}
