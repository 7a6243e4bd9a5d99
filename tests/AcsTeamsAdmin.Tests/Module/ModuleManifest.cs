using AcsTeamsAdmin.HelpBuilder.Packaging;

namespace AcsTeamsAdmin.Tests.PowerShellModule;

/// <summary>The module manifest, as source (module/) or as shipped (out/AcsTeamsAdmin/), read as data.</summary>
internal sealed class ModuleManifest(IReadOnlyDictionary<string, object?> data)
{
    public static string SourcePath => Path.Combine(RepositoryLayout.Root, "module", "AcsTeamsAdmin.psd1");

    public static ModuleManifest Shipped() => new(PowerShellDataFile.ReadHashtable(RepositoryLayout.ModuleManifest));

    public static ModuleManifest Source() => new(PowerShellDataFile.ReadHashtable(SourcePath));

    public bool Has(string key) => data.ContainsKey(key);

    public string String(string key) =>
        data.TryGetValue(key, out object? value) && value is string text ? text : throw new KeyNotFoundException($"The manifest has no string '{key}'.");

    /// <summary>An array entry; a single string counts as an array of one, as PowerShell reads it.</summary>
    public IReadOnlyList<string> Strings(string key) =>
        data.TryGetValue(key, out object? value)
            ? value switch
            {
                string single => [single],
                IEnumerable<object?> items => items.Select(i => i as string ?? throw new FormatException($"'{key}' holds a non-string.")).ToArray(),
                _ => throw new FormatException($"'{key}' is not an array of strings."),
            }
            : throw new KeyNotFoundException($"The manifest has no '{key}'.");

    public ModuleManifest Table(string key) =>
        data.TryGetValue(key, out object? value) && value is IReadOnlyDictionary<string, object?> table
            ? new ModuleManifest(table)
            : throw new KeyNotFoundException($"The manifest has no hashtable '{key}'.");
}
