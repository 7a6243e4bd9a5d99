using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace AcsTeamsAdmin.Tests.Packaging;

/// <summary>The module folder's files, and the assemblies reachable by reference from what PowerShell loads.</summary>
internal static class ShippedFiles
{
    /// <summary>Every file under <paramref name="folder"/>, as a '/'-separated path relative to it.</summary>
    public static IReadOnlyList<string> List(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(folder, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>
    /// The simple names of the assemblies in <paramref name="binFolder"/> that <paramref name="roots"/>
    /// reach through their references, roots included: what the module's load context can be asked for.
    /// </summary>
    public static IReadOnlySet<string> ReferenceClosure(string binFolder, params string[] roots)
    {
        var shipped = Directory.GetFiles(binFolder, "*.dll").ToDictionary(path => Path.GetFileNameWithoutExtension(path), StringComparer.OrdinalIgnoreCase);
        var reached = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>(roots);
        while (pending.Count > 0)
        {
            string name = pending.Pop();
            if (!shipped.TryGetValue(name, out string? path) || !reached.Add(name))
            {
                continue;
            }

            foreach (string reference in References(path))
            {
                pending.Push(reference);
            }
        }

        return reached;
    }

    /// <summary>True for an assembly that only forwards types elsewhere (at most the &lt;Module&gt; type of its own).</summary>
    public static bool IsForwardingFacade(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        MetadataReader metadata = pe.GetMetadataReader();
        return metadata.TypeDefinitions.Count <= 1 && metadata.ExportedTypes.Count > 0;
    }

    private static string[] References(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        MetadataReader metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences.Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name)).ToArray();
    }
}
