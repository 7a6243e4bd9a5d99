using AcsTeamsAdmin.HelpBuilder;
using AcsTeamsAdmin.HelpBuilder.Markdown;
using AcsTeamsAdmin.Tests.PowerShellModule;

namespace AcsTeamsAdmin.Tests.Help;

/// <summary>Where the help's sources and the built help files are.</summary>
internal static class HelpPaths
{
    public static string DocsFolder => Path.Combine(RepositoryLayout.Root, "docs", "en-US");

    /// <summary>Beside the cmdlet assembly, in the UI culture's folder: where Get-Help looks for a binary module's cmdlets.</summary>
    public static string MamlFile => Path.Combine(ModulePaths.BinFolder(RepositoryLayout.ModuleFolder), "en-US", "AcsTeamsAdmin.dll-Help.xml");

    /// <summary>The module base's culture folder: where Get-Help looks for about topics.</summary>
    public static string AboutFolder => Path.Combine(RepositoryLayout.ModuleFolder, "en-US");

    public static IReadOnlyDictionary<string, CmdletPage> Pages() =>
        HelpSources.CmdletPages(DocsFolder).Select(CmdletPageReader.Read).ToDictionary(page => page.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>What the docs must cover for a cmdlet: its parameters, plus -WhatIf and -Confirm where it supports ShouldProcess.</summary>
    public static IReadOnlyList<string> DocumentedParameterNames(CmdletDefinition cmdlet)
    {
        ArgumentNullException.ThrowIfNull(cmdlet);
        IEnumerable<string> names = cmdlet.Parameters.Select(parameter => parameter.Name);
        return (cmdlet.SupportsShouldProcess ? names.Concat(["WhatIf", "Confirm"]) : names).Order(StringComparer.OrdinalIgnoreCase).ToArray();
    }

    public static bool IsShouldProcessParameter(string name) => name is "WhatIf" or "Confirm";
}
